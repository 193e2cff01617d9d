// Which phishing-list entries are legitimate hosts, not phishing sites. ScamSniffer keeps the host of
// every phishing URL, so a page on a big platform puts the platform itself on the list (x.com,
// sites.google.com, storage.googleapis.com, www.coinbase.com, link.trustwallet.com). The class, decided
// from data rather than by hand:
//   - hosting-platform: the host is a platform that hands out pages or subdomains (analysis/site/hostname.ts);
//   - on-legit-list: the host itself is on a legitimate-site list;
//   - under-legit-site: a parent domain is on a legitimate-site list and the phishing lists show no sign
//     that strangers get subdomains there (fewer than SHARED_PARENT_MIN listed hosts under it). Where they
//     do (`*.it.com`, `*.codeanyapp.com`, `*.line.pm`, `*.s3.amazonaws.com`), the subdomains are real
//     phishing sites run by the platform's users and stay.
import { HOSTING_PLATFORMS, lookupNames } from '../hostname';
import type { LegitSource } from './sources';

/** A parent with this many distinct listed hosts under it hands out subdomains to strangers. */
export const SHARED_PARENT_MIN = 3;

export type NoiseClass = 'hosting-platform' | 'on-legit-list' | 'under-legit-site';

export interface LegitVouch {
  cls: NoiseClass;
  /** The legitimate list entry (or platform) that matched. */
  matched: string;
  sources: string[];
}

export interface LegitIndex {
  /** Why `host` (a phishing-list entry) is a legitimate host, or undefined when it is not. */
  vouch(host: string): LegitVouch | undefined;
  /** Parents that hand out subdomains to strangers, by the phishing lists' own evidence. */
  sharedParents: ReadonlySet<string>;
}

export function createLegitIndex(sources: readonly LegitSource[], phishingHosts: Iterable<string>): LegitIndex {
  const exact = new Map<string, string[]>();
  const parentOk = new Map<string, string[]>();
  for (const s of sources) {
    for (const h of s.hosts) {
      exact.set(h, [...(exact.get(h) ?? []), s.id]);
      if (!s.exactOnly) parentOk.set(h, [...(parentOk.get(h) ?? []), s.id]);
    }
  }
  const below = new Map<string, number>();
  for (const h of phishingHosts) for (const p of lookupNames(h).slice(1)) below.set(p, (below.get(p) ?? 0) + 1);
  const sharedParents = new Set([...below].filter(([, n]) => n >= SHARED_PARENT_MIN).map(([p]) => p));
  const platforms = new Set(HOSTING_PLATFORMS);
  return {
    sharedParents,
    vouch(host) {
      if (platforms.has(host)) return { cls: 'hosting-platform', matched: host, sources: ['analysis/site/hostname.ts HOSTING_PLATFORMS'] };
      const own = exact.get(host);
      if (own) return { cls: 'on-legit-list', matched: host, sources: own };
      for (const p of lookupNames(host).slice(1)) {
        const by = parentOk.get(p);
        if (by && !sharedParents.has(p) && !platforms.has(p)) return { cls: 'under-legit-site', matched: p, sources: by };
      }
      return undefined;
    },
  };
}
