// SiteRisk: what the analysis asks about a site or an address — is it on a list, on the allowlist, a
// look-alike, and (optionally) what the domain model thinks of it. Built from the compiled lists in
// analysis/site/data; the background, the scan CLI and the tests each load those bytes their own way.
import { IMITATED_SITES } from './brands';
import { readHashedSet, type HashedSet } from './hashed-set';
import { lookupNames, normalizeHost } from './hostname';
import { createLookalikeChecker, type LookalikeHit } from './lookalike';

export interface ListSource {
  /** e.g. `scamsniffer`, `metamask`, `forta`, `etherscan-labels`, `user`. */
  id: string;
  /** Shown to the user, e.g. "ScamSniffer scam database". */
  name: string;
  licence: string;
  url?: string;
}

export interface ListHit {
  source: ListSource;
  /** The list entry that matched (the host itself or a parent domain; an address). */
  matched: string;
}

export interface DomainScore {
  /** Calibrated probability that the site is a phishing site, in [0, 1]. */
  score: number;
  /** Above this the analysis warns (chosen for ≤ 1 % false positives on benign domains). */
  threshold: number;
  reasons: string[];
}

export interface SiteRisk {
  /** The allowlist entry covering `host` (a real dapp), if any. */
  allowed(host: string): string | undefined;
  /** Lists naming `host` or a parent domain of it as phishing. */
  listedDomain(host: string): ListHit[];
  /** Lists naming the address as a drainer, phishing or exploit address. */
  listedAddress(address: string): ListHit[];
  lookalikes(host: string): LookalikeHit[];
  /** The domain model, when loaded. */
  scoreDomain?(host: string): Promise<DomainScore>;
}

export interface CompiledList {
  source: ListSource;
  /** A hashed-set file (analysis/site/hashed-set.ts). */
  bytes: Uint8Array;
}

export interface SiteListData {
  domainLists: CompiledList[];
  addressLists: CompiledList[];
  /** Hosts of real crypto sites (analysis/site/data/allowlist.json); their subdomains count too. */
  allowlist: readonly string[];
  allowlistSource: ListSource;
  /** More imitated sites for the look-alike checks (MetaMask's fuzzy list). */
  imitated?: readonly string[];
  /** The user's own blocked sites (and the e2e tests' test origins); exact hosts or parents. */
  extraBlockedHosts?: readonly string[];
  scoreDomain?: SiteRisk['scoreDomain'];
}

const LOOKALIKE_MEMO_HOSTS = 256;

export const USER_LIST: ListSource = { id: 'user', name: 'your own blocked sites', licence: 'n/a' };

export function createSiteRisk(data: SiteListData): SiteRisk {
  const domainSets: { source: ListSource; set: HashedSet }[] = data.domainLists.map((l) => ({ source: l.source, set: readHashedSet(l.bytes) }));
  const addressSets: { source: ListSource; set: HashedSet }[] = data.addressLists.map((l) => ({ source: l.source, set: readHashedSet(l.bytes) }));
  const allow = new Set(data.allowlist.map((h) => normalizeHost(h)).filter((h): h is string => h !== null));
  const extra = new Set((data.extraBlockedHosts ?? []).map((h) => normalizeHost(h)).filter((h): h is string => h !== null));
  const lookalike = createLookalikeChecker([...IMITATED_SITES, ...(data.imitated ?? [])]);

  const allowed = (host: string) => lookupNames(host).find((n) => allow.has(n));
  // A dapp asks many times from one host, and the look-alike check is the costliest part of the site's
  // rules (its skeletons: 16 % of the scan path's time): its answer for a host never changes with these lists.
  const lookalikeMemo = new Map<string, LookalikeHit[]>();
  const lookalikesOf = (host: string): LookalikeHit[] => {
    let hits = lookalikeMemo.get(host);
    if (!hits) {
      hits = allowed(host) ? [] : lookalike.check(host);
      if (lookalikeMemo.size >= LOOKALIKE_MEMO_HOSTS) lookalikeMemo.delete(lookalikeMemo.keys().next().value!);
      lookalikeMemo.set(host, hits);
    }
    return hits;
  };
  return {
    allowed,
    listedDomain(host) {
      const names = lookupNames(host);
      const hits: ListHit[] = [];
      const userHit = names.find((n) => extra.has(n));
      if (userHit) hits.push({ source: USER_LIST, matched: userHit });
      // The allowlist wins over the hashed lists where it names the listed site itself or a parent of it (it
      // guards against their rare false matches, as MetaMask's own detector does); a list entry for one
      // subdomain below an allow-listed site (a user's page on a platform, a hijacked subdomain) still counts.
      const allowedAt = allowed(host);
      const coveredBy = allowedAt === undefined ? names.length : names.indexOf(allowedAt);
      for (const { source, set } of domainSets) {
        const matched = names.slice(0, coveredBy).find((n) => set.has(n));
        if (matched) hits.push({ source, matched });
      }
      return hits;
    },
    listedAddress(address) {
      const key = address.toLowerCase();
      return addressSets.filter(({ set }) => set.has(key)).map(({ source }) => ({ source, matched: key }));
    },
    lookalikes: lookalikesOf,
    scoreDomain: data.scoreDomain,
  };
}
