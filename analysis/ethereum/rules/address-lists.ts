// The request's addresses against the drainer address lists: the request hands assets or rights to a
// known drainer, phishing or exploit address. The lists come in through `deps.site` (analysis/site);
// without it this rule stays silent. The rules on the page's site and frame are chain-neutral
// (analysis/site/site-rules.ts).
import type { Address } from 'viem';
import { safeChecksum } from '../format';
import { listNames, onLists } from '../../site/site-rules';
import type { RuleContext, Rule } from './rule';

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

export const addressListRules: Rule[] = [
  {
    id: 'site.listed-address',
    severity: 'danger',
    summary: 'The spender, operator, recipient or target contract is a known drainer, phishing or exploit address.',
    check: onLists(
      counterparties,
      (site, { address }) => site.listedAddress(address),
      ({ address, role }, hits) => ({
        title: `The ${role} ${safeChecksum(address)} is a known scam address`,
        detail: `This address is on ${listNames(hits)} as a drainer, phishing or exploit address. Whatever the page says, this request gives it your assets or rights over them.`,
        evidence: { address, role, lists: hits.map((h) => ({ source: h.source.id, name: h.source.name })) },
      }),
    ),
  },
];
