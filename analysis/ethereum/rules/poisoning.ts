// Address poisoning: the thief sends dust from an address that starts and ends like one the user
// really pays, hoping it gets copied from the transaction list.
import type { Address } from 'viem';
import { lookalikes } from '../context/history';
import { safeChecksum } from '../format';
import { actionsOf, type Rule } from './rule';

export const poisoningRules: Rule[] = [
  {
    id: 'poisoning.lookalike',
    severity: 'danger',
    summary: 'The recipient looks like (same first and last characters) but is not an address you sent to before.',
    check: (ctx) => {
      const history = ctx.history;
      if (!history) return [];
      const targets: Address[] = [
        ...actionsOf(ctx, 'transfer').filter((t) => !t.from).map((t) => t.to),
        ...actionsOf(ctx, 'approval').map((a) => a.spender),
        ...actionsOf(ctx, 'payout').map((p) => p.recipient),
      ];
      return [...new Set(targets)].flatMap((to) => {
        const similar = lookalikes(to, history);
        if (similar.length === 0) return [];
        return [
          {
            title: `${safeChecksum(to)} only looks like an address you used before`,
            detail: `You have sent to ${safeChecksum(similar[0]!)} before. This one starts and ends the same way but is different in the middle: address poisoning. Copy the address from a trusted source, not from your history.`,
            evidence: { recipient: to, lookalikeOf: similar },
          },
        ];
      });
    },
  },
];
