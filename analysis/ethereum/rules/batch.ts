// Batches (wallet_sendCalls, smart-account batches): each call is judged by the other rules; these
// judge the batch as a whole, where a harmless-looking approval and a transfer add up to a theft.
import type { Address } from 'viem';
import { evidence, label, short } from '../format';
import { actionsOf, sameAddress, type Rule, type RuleContext } from './rule';

function isBatch(ctx: RuleContext): boolean {
  return (ctx.request?.kind === 'calls' && ctx.request.calls.length > 1) || actionsOf(ctx, 'call').some((c) => c.depth > 0);
}

/** Assets leaving the signer, keyed by the address that receives them or the right to them. */
function outflowsByDestination(ctx: RuleContext): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  const add = (to: Address, asset: string) => {
    if (ctx.signer && sameAddress(to, ctx.signer)) return;
    const key = to.toLowerCase();
    if (!map.has(key)) map.set(key, new Set());
    map.get(key)!.add(asset);
  };
  for (const t of actionsOf(ctx, 'transfer')) if (!t.from) add(t.to, (t.token ?? 'native').toLowerCase());
  for (const a of actionsOf(ctx, 'approval')) if (!a.revokes) add(a.spender, a.token.toLowerCase());
  return map;
}

export const batchRules: Rule[] = [
  {
    id: 'batch.sweep',
    severity: 'danger',
    summary: 'One batch moves (or approves) three or more different assets to the same unrecognised address: a wallet sweep.',
    check: (ctx) => {
      if (!isBatch(ctx)) return [];
      return [...outflowsByDestination(ctx)]
        .filter(([to, assets]) => assets.size >= 3 && !ctx.facts.address(to as Address).known)
        .map(([to, assets]) => ({
          title: `Sends ${assets.size} different assets to ${short(to)} in one go`,
          detail: 'Emptying several tokens to one address in a single batch is what wallet drainers do. A normal app moves one or two assets per action.',
          evidence: evidence({ to, assets: [...assets] }),
        }));
    },
  },
  {
    id: 'batch.approve-and-transfer',
    severity: 'danger',
    summary: 'A batch approves an unrecognised spender that the batch itself never uses, and also sends assets away.',
    check: (ctx) => {
      if (!isBatch(ctx)) return [];
      const callTargets = actionsOf(ctx, 'call').map((c) => c.to);
      const transfersOut = actionsOf(ctx, 'transfer').filter((t) => !t.from && !(ctx.signer && sameAddress(t.to, ctx.signer)));
      if (transfersOut.length === 0) return [];
      return actionsOf(ctx, 'approval')
        .filter((a) => !a.revokes && !ctx.facts.address(a.spender).known && !callTargets.some((t) => sameAddress(t, a.spender)))
        .map((a) => ({
          title: `Approves ${short(a.spender)} and sends assets away in the same batch`,
          detail: `The batch gives ${short(a.spender)} the right to take your tokens without using that right itself, and also transfers assets out (to ${transfersOut.map((t) => label(t.to, ctx.facts)).join(', ')}). Together that leaves the door open after the visible transfer.`,
          evidence: evidence({ spender: a.spender, token: a.token, transfers: transfersOut.map((t) => ({ to: t.to, token: t.token, amount: t.amount })) }),
        }));
    },
  },
  {
    id: 'batch.summary',
    severity: 'info',
    summary: 'Counts the calls in a batch.',
    check: (ctx) =>
      ctx.request?.kind === 'calls'
        ? [{ title: `Runs ${ctx.request.calls.length} call${ctx.request.calls.length === 1 ? '' : 's'} in one batch`, detail: 'Each call is checked on its own and the batch as a whole.', evidence: { calls: ctx.request.calls.length } }]
        : [],
  },
];
