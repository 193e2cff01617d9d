// The rules on the page that asks, the same for every chain: the frame the request came from, as the
// guard saw it start, and the site's name against the phishing lists, the allowlist and the look-alike
// checks. They read only what the browser and the extension say about the page (`PageContext`), never
// the request. The frame rule sits here with the site rules because both judge the page, not the
// request. The lists come in through `deps.site` (analysis/site); without it the site rules stay silent.
import type { Rule, RuleHit } from '../findings/rule';
import type { RequestOrigin } from '../types';
import { normalizeHost } from './hostname';
import type { LookalikeHit } from './lookalike';
import { hostToUnicode } from './punycode';
import type { ListHit, SiteRisk } from './site-risk';

/** What the page rules read: the page and frame that asked, the lists, and what the guard found in the frame. */
export interface PageContext {
  origin: RequestOrigin;
  /** Phishing lists, allowlist and look-alike checks (analysis/site); absent => site rules stay silent. */
  site?: SiteRisk;
  /** What the guard found changed in the frame's built-ins before it started (a frame the page prepared). */
  frameTampered?: string;
}

/** Top-level page and, when different, the frame that asked. */
function hostsOf(ctx: PageContext): string[] {
  const hosts = [ctx.origin.origin, ctx.origin.frameOrigin].flatMap((o) => (o ? [normalizeHost(o)] : [])).filter((h): h is string => h !== null);
  return [...new Set(hosts)];
}

/** The names of the lists behind the hits, for a finding's detail. */
export const listNames = (hits: ListHit[]) => [...new Set(hits.map((h) => h.source.name))].join(', ');

/** A list rule's check: one hit for each item (a host here, an address in a chain's rules) that a list names; silent without the lists. */
export function onLists<C extends { site?: SiteRisk }, T>(items: (ctx: C) => readonly T[], lookup: (site: SiteRisk, item: T) => ListHit[], hit: (item: T, hits: ListHit[]) => RuleHit): (ctx: C) => RuleHit[] {
  return (ctx) => {
    const site = ctx.site;
    if (!site) return [];
    return items(ctx).flatMap((item) => {
      const hits = lookup(site, item);
      return hits.length === 0 ? [] : [hit(item, hits)];
    });
  };
}

const KIND_WORDS: Record<LookalikeHit['kind'], string> = {
  homoglyph: 'uses letters from another alphabet to look like',
  typo: 'is spelled almost like',
  'other-suffix': 'uses the name of',
  'brand-in-name': 'puts a brand name in its address, like',
};

function lookalikeHits(ctx: PageContext, strong: boolean): { host: string; hit: LookalikeHit }[] {
  const site = ctx.site;
  if (!site) return [];
  return hostsOf(ctx).flatMap((host) =>
    site
      .lookalikes(host)
      .filter((hit) => (hit.kind === 'homoglyph' || hit.kind === 'typo') === strong)
      .map((hit) => ({ host, hit })),
  );
}

export const frameRules: readonly Rule<PageContext>[] = [
  {
    id: 'context.tampered-frame',
    severity: 'danger',
    summary: 'The page changed the browser\'s built-in functions in this frame before the firewall started there, so anything from it is suspect.',
    // A page can prepare a frame or window it opens before its document loads, and keep what it changed
    // there (realm.ts in the guard). No ordinary site does this; a drainer does it to reach the wallet
    // around the firewall, so every signing request from such a frame is held, whatever it asks.
    check: (ctx) =>
      ctx.frameTampered
        ? [
            {
              title: 'This page tampered with your browser in the frame that sent this request',
              detail: `Before this frame loaded, the page that opened it changed built-in parts of it (${ctx.frameTampered}). Sites do this to get around security checks and reach your wallet directly. Do not continue, and close the page.`,
              evidence: { tampered: ctx.frameTampered },
            },
          ]
        : [],
  },
];

/** The site on a phishing list. A chain's pipeline runs its own address-list rules right after these. */
export const siteListRules: readonly Rule<PageContext>[] = [
  {
    id: 'site.listed',
    severity: 'danger',
    summary: 'The page (or the frame) that asks is on a phishing list.',
    check: onLists(
      hostsOf,
      (site, host) => site.listedDomain(host),
      (host, hits) => ({
        title: `${hostToUnicode(host)} is a known phishing site`,
        detail: `This site is on ${listNames(hits)}. Phishing sites copy real dapps to get a signature that hands over your assets. Close the page.`,
        evidence: { host, lists: hits.map((h) => ({ source: h.source.id, name: h.source.name, matched: h.matched })) },
      }),
    ),
  },
];

/** The site's name: imitating a real dapp, misusing a brand, or on the allowlist. */
export const siteNameRules: readonly Rule<PageContext>[] = [
  {
    id: 'site.lookalike',
    severity: 'danger',
    summary: 'The site name imitates a real dapp: letters from another alphabet (punycode) or one or two letters off.',
    check: (ctx) =>
      lookalikeHits(ctx, true).map(({ host, hit }) => ({
        title: `${hostToUnicode(host)} imitates ${hit.imitates}`,
        detail: `This site's name ${KIND_WORDS[hit.kind]} ${hit.imitates}, but it is not that site. Open the real site from a bookmark.`,
        evidence: { host, kind: hit.kind, imitates: hit.imitates, shown: hit.evidence },
      })),
  },
  {
    id: 'site.brand-misuse',
    severity: 'warn',
    summary: "A brand name in a site that is not the brand's: another suffix, a subdomain or a hyphenated name (uniswap.claim-rewards.xyz).",
    check: (ctx) => {
      const hits = lookalikeHits(ctx, false);
      if (hits.length === 0) return [];
      const brands = [...new Set(hits.map((h) => h.hit.imitates))];
      const host = hits[0]!.host;
      return [
        {
          title: `${hostToUnicode(host)} uses the name ${brands.join(', ')} but is not its site`,
          detail: `Phishing sites put a well-known name in their address to look official. ${hostToUnicode(host)} is not run by ${brands.join(' or ')} as far as the firewall knows.`,
          evidence: { host, kinds: [...new Set(hits.map((h) => h.hit.kind))], brands },
        },
      ];
    },
  },
  {
    id: 'site.allowlisted',
    severity: 'info',
    summary: 'The site is on the shipped allowlist of real dapps and crypto sites (MetaMask eth-phishing-detect, ethereum-lists chains, the WalletConnect registry, the Superchain token list).',
    check: (ctx) => {
      const site = ctx.site;
      const host = hostsOf(ctx)[0];
      const entry = host ? site?.allowed(host) : undefined;
      if (!host || !entry) return [];
      return [{ title: `${hostToUnicode(host)} is a known dapp`, detail: `It is on the allowlist of real crypto sites (${entry}). The request is still checked in full.`, evidence: { host, allowlisted: entry } }];
    },
  },
];

/** Every rule on the page, in the order findings are listed. */
export const pageRules: readonly Rule<PageContext>[] = [...frameRules, ...siteListRules, ...siteNameRules];
