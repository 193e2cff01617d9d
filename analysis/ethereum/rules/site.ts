// Site and address lists: the page asking is a known phishing site or imitates a real dapp, or the
// request hands assets or rights to a known drainer address. The lists come in through `deps.site`
// (analysis/site); without it these rules stay silent.
import type { Address } from 'viem';
import { safeChecksum } from '../format';
import { normalizeHost } from '../../site/hostname';
import { hostToUnicode } from '../../site/punycode';
import type { ListHit } from '../../site/site-risk';
import type { LookalikeHit } from '../../site/lookalike';
import type { RuleContext, Rule } from './rule';

/** Top-level page and, when different, the frame that asked. */
function hostsOf(ctx: RuleContext): string[] {
  const hosts = [ctx.origin.origin, ctx.origin.frameOrigin].flatMap((o) => (o ? [normalizeHost(o)] : [])).filter((h): h is string => h !== null);
  return [...new Set(hosts)];
}

const sourceNames = (hits: ListHit[]) => [...new Set(hits.map((h) => h.source.name))].join(', ');

/** Addresses that receive assets or rights in the request, with the role each plays. */
function counterparties(ctx: RuleContext): { address: Address; role: string }[] {
  const out: { address: Address; role: string }[] = [];
  for (const a of ctx.actions) {
    switch (a.kind) {
      case 'approval':
        out.push({ address: a.spender, role: a.standard === 'setApprovalForAll' ? 'operator' : 'spender' });
        break;
      case 'transfer':
        out.push({ address: a.to, role: 'recipient' });
        break;
      case 'payout':
        out.push({ address: a.recipient, role: 'recipient' });
        break;
      case 'call':
        if (a.to) out.push({ address: a.to, role: 'target contract' });
        break;
      case 'order':
        for (const p of a.paysOthers) out.push({ address: p.recipient, role: 'order recipient' });
        if (a.taker) out.push({ address: a.taker, role: 'order taker' });
        break;
      case 'authorization':
        out.push({ address: a.delegate, role: 'EIP-7702 delegate' });
        break;
      case 'typed-data':
        if (a.verifyingContract) out.push({ address: a.verifyingContract, role: 'verifying contract' });
        break;
      default:
        break;
    }
  }
  const seen = new Set<string>();
  return out.filter((c) => !seen.has(`${c.address.toLowerCase()}:${c.role}`) && seen.add(`${c.address.toLowerCase()}:${c.role}`));
}

const KIND_WORDS: Record<LookalikeHit['kind'], string> = {
  homoglyph: 'uses letters from another alphabet to look like',
  typo: 'is spelled almost like',
  'other-suffix': 'uses the name of',
  'brand-in-name': 'puts a brand name in its address, like',
};

function lookalikeHits(ctx: RuleContext, strong: boolean): { host: string; hit: LookalikeHit }[] {
  const site = ctx.site;
  if (!site) return [];
  return hostsOf(ctx).flatMap((host) =>
    site
      .lookalikes(host)
      .filter((hit) => (hit.kind === 'homoglyph' || hit.kind === 'typo') === strong)
      .map((hit) => ({ host, hit })),
  );
}

export const siteRules: Rule[] = [
  {
    id: 'site.listed',
    severity: 'danger',
    summary: 'The page (or the frame) that asks is on a phishing list.',
    check: (ctx) => {
      const site = ctx.site;
      if (!site) return [];
      return hostsOf(ctx).flatMap((host) => {
        const hits = site.listedDomain(host);
        if (hits.length === 0) return [];
        return [
          {
            title: `${hostToUnicode(host)} is a known phishing site`,
            detail: `This site is on ${sourceNames(hits)}. Phishing sites copy real dapps to get a signature that hands over your assets. Close the page.`,
            evidence: { host, lists: hits.map((h) => ({ source: h.source.id, name: h.source.name, matched: h.matched })) },
          },
        ];
      });
    },
  },
  {
    id: 'site.listed-address',
    severity: 'danger',
    summary: 'The spender, operator, recipient or target contract is a known drainer, phishing or exploit address.',
    check: (ctx) => {
      const site = ctx.site;
      if (!site) return [];
      return counterparties(ctx).flatMap(({ address, role }) => {
        const hits = site.listedAddress(address);
        if (hits.length === 0) return [];
        return [
          {
            title: `The ${role} ${safeChecksum(address)} is a known scam address`,
            detail: `This address is on ${sourceNames(hits)} as a drainer, phishing or exploit address. Whatever the page says, this request gives it your assets or rights over them.`,
            evidence: { address, role, lists: hits.map((h) => ({ source: h.source.id, name: h.source.name })) },
          },
        ];
      });
    },
  },
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
