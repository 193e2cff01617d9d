// The request's addresses against the drainer address lists: the request hands assets or rights to a
// known drainer, phishing or exploit address. The lists come in through `deps.site` (analysis/site);
// without it this rule stays silent. The rules on the page's site and frame are chain-neutral
// (analysis/site/site-rules.ts).
import { safeChecksum } from '../format';
import { listNames, onLists } from '../../site/site-rules';
import { counterparties } from '../counterparty';
import type { RuleContext, Rule } from './rule';

export const addressListRules: Rule[] = [
  {
    id: 'site.listed-address',
    severity: 'danger',
    summary: 'The spender, operator, recipient or target contract is a known drainer, phishing or exploit address.',
    check: onLists(
      (ctx: RuleContext) => counterparties(ctx.actions),
      (site, { address }) => site.listedAddress(address),
      ({ address, role }, hits) => ({
        title: `The ${role} ${safeChecksum(address)} is a known scam address`,
        detail: `This address is on ${listNames(hits)} as a drainer, phishing or exploit address. Whatever the page says, this request gives it your assets or rights over them.`,
        evidence: { address, role, lists: hits.map((h) => ({ source: h.source.id, name: h.source.name })) },
      }),
    ),
  },
];
