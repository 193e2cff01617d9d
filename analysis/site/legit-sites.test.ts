// Legitimate sites against the shipped lists and the look-alike rules, as classes measured on the public
// lists in ../shared/data: a platform or legitimate host that a phishing list named for a page it hosted
// is not blocked; a brand's own domains are never look-alikes of the brand; everything on the allowlist
// comes from a list that may ship.
import { beforeAll, describe, expect, it } from 'vitest';
import { allLegitSources } from './build/build-lists';
import { createLegitIndex } from './build/legit-hosts';
import { metamaskConfig, scamsnifferDomains, type LegitSource } from './build/sources';
import { IMITATED_SITES } from './brands';
import { ALLOWLIST } from './compiled-lists';
import { HOSTING_PLATFORMS, lookupNames, normalizeHost, registrableDomain } from './hostname';
import { createLookalikeChecker } from './lookalike';
import { loadSiteRiskFromDisk } from './node-lists';
import type { SiteRisk } from './site-risk';

let site: SiteRisk;
let legit: LegitSource[];
let phishing: string[];
beforeAll(async () => {
  site = await loadSiteRiskFromDisk();
  legit = allLegitSources();
  phishing = [...scamsnifferDomains(), ...metamaskConfig().blacklist.map((h) => normalizeHost(h)).filter((h): h is string => h !== null)];
});

describe('legitimate hosts on the phishing lists', () => {
  it('no hosting platform, and no host a current legitimate list names, is blocked (the whole class, not examples)', () => {
    const index = createLegitIndex(legit.filter((s) => s.trust === 'current'), phishing);
    const vouched = phishing.filter((h) => index.vouch(h) !== undefined);
    // The class is real: ScamSniffer lists x.com, sites.google.com, storage.googleapis.com, www.coinbase.com, …
    expect(vouched.length).toBeGreaterThan(50);
    expect(vouched).toEqual(expect.arrayContaining(['x.com', 'sites.google.com', 'storage.googleapis.com', 'coinbase.com']));
    expect(vouched.filter((h) => site.listedDomain(h).length > 0)).toEqual([]);
  });

  it('no hosting platform itself is blocked', () => {
    expect(HOSTING_PLATFORMS.filter((h) => site.listedDomain(h).length > 0)).toEqual([]);
  });

  it('users\' sites on a platform that hands out subdomains stay blocked', () => {
    const index = createLegitIndex(legit.filter((s) => s.trust === 'current'), phishing);
    // `*.it.com`, `*.codeanyapp.com`, `*.line.pm`: a legitimate list names the parent, strangers own the children.
    const onShared = phishing.filter((h) => lookupNames(h).slice(1).some((p) => index.sharedParents.has(p)) && index.vouch(h) === undefined);
    expect(onShared.length).toBeGreaterThan(100);
    const blocked = onShared.filter((h) => site.listedDomain(h).length > 0).length;
    expect(blocked / onShared.length).toBeGreaterThan(0.99);
  });

  it('a list entry for one subdomain below an allow-listed site still counts; one for the site or a parent does not', async () => {
    const { encodeHashedSet } = await import('./hashed-set');
    const { createSiteRisk } = await import('./site-risk');
    const source = { id: 't', name: 'a test list', licence: 'n/a' };
    const risk = createSiteRisk({
      domainLists: [{ source, bytes: encodeHashedSet(['user-page.dapp.example', 'dapp.example', 'other.example']) }],
      addressLists: [],
      allowlist: ['dapp.example', 'app.other.example'],
      allowlistSource: source,
    });
    expect(risk.listedDomain('user-page.dapp.example').map((h) => h.matched)).toEqual(['user-page.dapp.example']);
    expect(risk.listedDomain('dapp.example')).toEqual([]);
    expect(risk.listedDomain('app.dapp.example')).toEqual([]);
    expect(risk.listedDomain('app.other.example')).toEqual([]);
    expect(risk.listedDomain('x.app.other.example')).toEqual([]);
    expect(risk.listedDomain('mail.other.example').map((h) => h.matched)).toEqual(['other.example']);
  });
});

describe('the allowlist', () => {
  it('holds only hosts of lists that may ship (and the project\'s imitated sites)', () => {
    const shippable = new Set(legit.filter((s) => s.mayShip).flatMap((s) => s.hosts));
    expect(ALLOWLIST.whitelist.filter((h) => !shippable.has(h))).toEqual([]);
    expect(ALLOWLIST.whitelist.length).toBeGreaterThan(5000);
  });

  it('holds no hosting platform and no parent under which strangers get subdomains', () => {
    const index = createLegitIndex(legit.filter((s) => s.trust === 'current'), phishing);
    expect(ALLOWLIST.whitelist.filter((h) => HOSTING_PLATFORMS.includes(h) || index.sharedParents.has(h))).toEqual([]);
  });
});

describe("a brand's own domains", () => {
  it('are never look-alikes of the brand, with or without the allowlist', () => {
    const checker = createLookalikeChecker([...IMITATED_SITES, ...ALLOWLIST.fuzzylist]);
    const own = [...new Set([...IMITATED_SITES, ...ALLOWLIST.fuzzylist].map(registrableDomain))];
    const flagged = own.flatMap((d) => [d, `app.${d}`, `www.${d}`]).filter((h) => checker.check(normalizeHost(h)!).length > 0);
    expect(flagged).toEqual([]);
  });

  it('on the allowlist are never look-alikes or brand misuse', () => {
    expect(ALLOWLIST.whitelist.filter((h) => site.lookalikes(h).length > 0)).toEqual([]);
  });

  it("in SEAL's brand portfolios (exact-match list, not shipped): the brand rules spare most of them", () => {
    // Defensive registrations (coinbase.ac, kraken.bargains) are look-alikes by design and a user rarely
    // opens them; what matters is that the rules do not fire on most of a brand's real estate.
    const seal = legit.find((s) => s.id === 'seal-allowlists')!.hosts;
    const flagged = seal.filter((h) => site.lookalikes(h).some((x) => x.kind === 'homoglyph' || x.kind === 'typo')).length;
    expect(flagged / seal.length).toBeLessThan(0.1);
  }, 60_000);
});
