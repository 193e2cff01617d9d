// The domain model's data: phishing domains with the date ScamSniffer first listed them, and benign
// domains from sources that never list phishing (MetaMask's allowlist, email providers,
// disposable-mail domains, the explorers and RPC hosts in viem's chain list, the hand-picked dapps).
// Benign domains have no date, so they are split by a hash of their registrable domain instead.
import { createRequire } from 'node:module';
import * as chains from 'viem/chains';
import { IMITATED_SITES } from '../../analysis/site/brands';
import { hash32 } from '../../analysis/site/hashed-set';
import { lookupNames, normalizeHost, registrableDomain } from '../../analysis/site/hostname';
import { metamaskConfig, scamsnifferDatedDomains } from '../../scripts/build-site-lists';
import { createRng } from '../train/rng';

const require = createRequire(import.meta.url);

export type Split = 'train' | 'validation' | 'test';

export interface DomainRow {
  host: string;
  label: 0 | 1;
  source: string;
  /** First-listed day (phishing only). */
  date?: string;
  split: Split;
}

export interface DatasetOptions {
  /** Phishing first listed on or after this day is the test set. */
  cutoff: string;
  /** The last days before the cut-off that form the validation set. */
  validationDays: number;
  /** How many disposable-mail domains to sample (the list has 120,000, mostly look-alike random names). */
  disposableSample: number;
  seed: number;
}

function hosts(values: Iterable<string>): string[] {
  return [...new Set([...values].map((v) => normalizeHost(v)).filter((h): h is string => h !== null && h.includes('.')))];
}

function chainHosts(): string[] {
  const out: string[] = [];
  for (const chain of Object.values(chains) as { blockExplorers?: Record<string, { url: string }>; rpcUrls?: Record<string, { http?: readonly string[]; webSocket?: readonly string[] }> }[]) {
    if (!chain || typeof chain !== 'object') continue;
    for (const e of Object.values(chain.blockExplorers ?? {})) out.push(e.url);
    for (const r of Object.values(chain.rpcUrls ?? {})) out.push(...(r.http ?? []), ...(r.webSocket ?? []));
  }
  return hosts(out);
}

/** Benign split by registrable domain, so `a.x.com` and `x.com` never land on both sides. */
function benignSplit(host: string, seed: number): Split {
  const u = hash32(registrableDomain(host), seed) / 2 ** 32;
  return u < 0.7 ? 'train' : u < 0.8 ? 'validation' : 'test';
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function buildDomainDataset(opts: DatasetOptions): { rows: DomainRow[]; sources: Record<string, number>; dropped: number } {
  const phishing = scamsnifferDatedDomains();
  const mm = metamaskConfig();
  const mmBlocked = new Set(hosts(mm.blacklist));
  const validationStart = addDays(opts.cutoff, -opts.validationDays);
  const rows: DomainRow[] = [];
  for (const [host, date] of phishing) {
    rows.push({ host, label: 1, source: 'scamsniffer', date, split: date >= opts.cutoff ? 'test' : date >= validationStart ? 'validation' : 'train' });
  }

  const rng = createRng(opts.seed);
  const disposable = rng.shuffle(hosts(require('disposable-email-domains') as string[]).sort()).slice(0, opts.disposableSample);
  const benignSources: [string, string[]][] = [
    ['metamask-allowlist', hosts(mm.whitelist)],
    ['curated-dapps', hosts(IMITATED_SITES)],
    ['viem-chains', chainHosts()],
    ['email-providers', hosts(require('email-providers/all.json') as string[])],
    ['disposable-email', disposable],
  ];
  // A benign candidate that any phishing list names (or that sits under a listed domain) is left out.
  const listed = (h: string) => lookupNames(h).some((n) => phishing.has(n) || mmBlocked.has(n));
  const seen = new Set<string>(phishing.keys());
  let dropped = 0;
  const sources: Record<string, number> = { scamsniffer: phishing.size };
  for (const [source, list] of benignSources) {
    for (const host of list) {
      if (seen.has(host)) continue;
      seen.add(host);
      if (listed(host)) {
        dropped++;
        continue;
      }
      rows.push({ host, label: 0, source, split: benignSplit(host, opts.seed) });
      sources[source] = (sources[source] ?? 0) + 1;
    }
  }
  return { rows, sources, dropped };
}
