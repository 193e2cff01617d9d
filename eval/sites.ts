// Sites: the site verdict as the product reaches it (shipped lists, look-alike rules, domain model),
// taken from analyzeRequest on a request that is harmless on its own, from each host's origin.
// Populations: legitimate crypto sites on a shipped list and on none, generic top sites, phishing
// listed, and phishing first listed after the domain model's training cut-off, judged with the
// lists as they stood at the cut-off (the shipped ScamSniffer file already holds these later hosts).
import { analyzeRequest, type SiteRisk } from '../analysis/ethereum';
import { hash32 } from '../analysis/site/hashed-set';
import { isHeldOut } from '../model/domain/dataset';
import domainMeta from '../model/domain/domain-model.meta.json';
import { metamaskConfig } from '../analysis/site/build/build-lists';
import { hosts, legitimateCryptoHosts, scamsnifferHosts, SOURCES, topSiteHosts, type DataSource } from './sources';

/** Switching to Ethereum mainnet: allowed when the site itself raises nothing (checked before each run). */
const HARMLESS = { method: 'wallet_switchEthereumChain', params: [{ chainId: '0x1' }] };

export const SITE_CAUSES = ['site.listed', 'site.lookalike', 'site.brand-misuse', 'site.model'] as const;
export type SiteCause = (typeof SITE_CAUSES)[number] | 'other';

export interface SiteRow {
  population: string;
  source: DataSource;
  /** Hosts in the population; `n` of them were judged (a fixed, hash-ordered sample when capped). */
  total: number;
  n: number;
  opened: number;
  byCause: Partial<Record<SiteCause, number>>;
  examples: string[];
  /** malicious rows count recall, benign rows false alarms. */
  malicious: boolean;
}

export interface SiteOptions {
  /** At most this many hosts per row (hash-ordered, so the same every run); Infinity for all. */
  cap: number;
}

/**
 * Rows whose outcome the lists decide by construction (a host on the shipped allowlist, a host on a
 * shipped blocklist) only check that the lists are wired in: a few hundred hosts do.
 */
const WIRING_CAP = 300;

/** The same sample every run: hosts ordered by a fixed hash, the first `cap` kept. */
function sample(hosts: readonly string[], cap: number): string[] {
  if (hosts.length <= cap) return [...hosts].sort();
  return hosts
    .map((h) => [hash32(h, 7), h] as const)
    .sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1))
    .slice(0, cap)
    .map(([, h]) => h);
}

export async function verdictOf(host: string, site: SiteRisk): Promise<SiteCause[] | null> {
  const v = await analyzeRequest({ request: HARMLESS, origin: { origin: `https://${host}` }, chainId: 1 }, { site });
  if (v.verdict === 'allow') return null;
  const causes = v.findings.filter((f) => f.severity !== 'info').map((f) => ((SITE_CAUSES as readonly string[]).includes(f.id) ? (f.id as SiteCause) : 'other'));
  return [...new Set(causes)];
}

async function judge(population: string, source: DataSource, judged: readonly string[], site: SiteRisk, malicious: boolean, cap: number): Promise<SiteRow> {
  const chosen = sample(judged, cap);
  const row: SiteRow = { population, source, total: judged.length, n: chosen.length, opened: 0, byCause: {}, examples: [], malicious };
  for (const host of chosen) {
    const causes = await verdictOf(host, site);
    if (!causes) {
      if (malicious && row.examples.length < 5) row.examples.push(host);
      continue;
    }
    row.opened++;
    for (const c of causes) row.byCause[c] = (row.byCause[c] ?? 0) + 1;
    if (!malicious && row.examples.length < 5) row.examples.push(`${host} (${causes.join(', ')})`);
  }
  return row;
}

/**
 * The shipped lists as they stood on `cutoff`: a ScamSniffer hit counts only for a name it listed before
 * then (in a daily file or one of its two snapshots); the other sources are older than the cut-off.
 */
export function listsAsOf(site: SiteRisk, knownBefore: ReadonlySet<string>): SiteRisk {
  return {
    ...site,
    listedDomain: (host) => site.listedDomain(host).filter((hit) => !hit.source.id.startsWith('scamsniffer') || knownBefore.has(hit.matched)),
  };
}

export async function evaluateSites(site: SiteRisk, { cap }: SiteOptions): Promise<{ rows: SiteRow[]; cutoff: string; checks: string[] }> {
  const checks: string[] = [];
  if ((await verdictOf('example.org', site)) !== null) throw new Error('the harmless request is not allowed on example.org: the site figures would measure the request, not the site');
  const rows: SiteRow[] = [];
  const legit = legitimateCryptoHosts();
  const onList = (h: string) => site.allowed(h) !== undefined;
  for (const { source, hosts: all } of legit) {
    const listed = all.filter(onList);
    // The domain model trains on three quarters of these (SEAL's only ever match exactly): the figure
    // that measures it is on the quarter it never saw, and the rest is shown apart.
    const neverTrained = source.id === SOURCES.seal.id;
    const unlisted = all.filter((h) => !onList(h) && (neverTrained || isHeldOut(h)));
    const trained = all.filter((h) => !onList(h) && !neverTrained && !isHeldOut(h));
    if (unlisted.length) rows.push(await judge('legitimate crypto, on no shipped list', source, unlisted, site, false, cap));
    if (trained.length) rows.push(await judge('legitimate crypto, on no shipped list, in the model\'s training data', source, trained, site, false, cap));
    if (listed.length) rows.push(await judge('legitimate crypto, on a shipped list', source, listed, site, false, Math.min(cap, WIRING_CAP)));
  }
  rows.push(await judge('generic top sites', SOURCES.topSites, topSiteHosts(), site, false, cap));

  const cutoff = (domainMeta as { cutoff?: string }).cutoff;
  if (!cutoff) throw new Error('model/domain/domain-model.meta.json names no training cut-off');
  const { dated, undated } = scamsnifferHosts();
  const knownBefore = new Set([...undated, ...[...dated].filter(([, day]) => day < cutoff).map(([h]) => h)]);
  const neverSeen = [...dated].filter(([h, day]) => day >= cutoff && !knownBefore.has(h)).map(([h]) => h);
  rows.push(await judge(`phishing never seen: first listed ${cutoff} or later, lists as of ${cutoff}`, SOURCES.scamsniffer, neverSeen, listsAsOf(site, knownBefore), true, cap));
  rows.push(await judge('phishing, listed (shipped lists as they are)', SOURCES.scamsniffer, [...new Set([...dated.keys(), ...undated])], site, true, Math.min(cap, WIRING_CAP)));
  rows.push(await judge('phishing, listed (shipped lists as they are)', SOURCES.metamask, hosts(metamaskConfig().blacklist), site, true, Math.min(cap, WIRING_CAP)));

  // The public host of the test dapp whose requests the request table measures.
  const testDappHost = await verdictOf('metamask.github.io', site);
  checks.push(`metamask.github.io (where MetaMask hosts its test dapp): ${testDappHost ? `opens the window (${testDappHost.join(', ')})` : 'passes'}`);
  return { rows, cutoff, checks };
}
