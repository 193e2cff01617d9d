// Findings about the request itself: unreadable, oddly encoded, unknown method, missing context.
import { type Rule } from './rule';

export const inputRules: Rule[] = [
  {
    id: 'input.unreadable',
    severity: 'warn',
    summary: 'The request could not be read, so it was not examined.',
    check: (ctx) =>
      ctx.readError
        ? [
            {
              title: 'The firewall could not read this request',
              detail: `${ctx.readError}. Your wallet might still read it some way, so it was not checked: do not continue unless you know what it is.`,
              evidence: { method: ctx.method, error: ctx.readError },
            },
          ]
        : [],
  },
  {
    id: 'input.unusual-encoding',
    severity: 'info',
    summary: 'The request uses an unusual encoding the wallet accepts (no 0x, odd-length hex, swapped parameters…).',
    check: (ctx) =>
      ctx.notes.length > 0 && !ctx.readError
        ? [{ title: 'The request is written in an unusual way', detail: `${[...new Set(ctx.notes)].slice(0, 6).join('; ')}.`, evidence: { notes: [...new Set(ctx.notes)] } }]
        : [],
  },
  {
    id: 'input.unknown-method',
    severity: 'warn',
    summary: 'A method the firewall does not know.',
    check: (ctx) =>
      ctx.request?.kind === 'unknown'
        ? [{ title: `The site calls "${ctx.method}", which the firewall does not know`, detail: 'It was not examined. Continue only if you expected it.', evidence: { method: ctx.method } }]
        : [],
  },
  {
    id: 'context.no-chain',
    severity: 'warn',
    summary: 'The wallet did not say which network it is on, so a transaction could not be checked on chain.',
    // Without a chain there is no node to ask: no simulation, no contract checks. A page can cause this
    // (by keeping the wallet busy), so it must not read as "checked, nothing found".
    check: (ctx) => {
      const kind = ctx.request?.kind;
      if (!ctx.chainUnknown || (kind !== 'transaction' && kind !== 'calls')) return [];
      return [
        {
          title: 'The network of this transaction is unknown, so it was not checked on chain',
          detail: 'Your wallet did not tell the firewall which network it is on in time, so it could not simulate this transaction or look at the contracts it touches.',
          evidence: { method: ctx.method },
        },
      ];
    },
  },
  {
    id: 'context.unchecked',
    severity: 'warn',
    summary: 'The node set for this chain did not answer, or serves another chain, so the on-chain checks could not be made.',
    // A fault, not a choice: passing the request on quietly would look like "checked, nothing found".
    check: (ctx) => {
      const failure = ctx.facts.nodeFailure;
      if (!failure) return [];
      const what = 'whether the addresses involved are contracts or plain accounts, and the tokens involved';
      if (failure.wrongChain) {
        const { served, expected } = failure.wrongChain;
        return [
          {
            title: 'Your node is on another network, so this request was not checked on chain',
            detail: `The node set for chain ${expected} (your wallet's) says it serves chain ${served}, so none of its answers were used: the firewall could not check ${what}. Check the node in the firewall's settings.`,
            evidence: { served, expected },
          },
        ];
      }
      const list = failure.unanswered.slice(0, 4).join('; ') + (failure.unanswered.length > 4 ? '; …' : '');
      return [
        {
          title: 'Your node did not answer, so this request was not checked on chain',
          detail: `The firewall could not check ${what}. No answer for: ${list}.`,
          evidence: { unanswered: failure.unanswered },
        },
      ];
    },
  },
  {
    id: 'context.unavailable',
    severity: 'info',
    summary: 'Some on-chain details could not be read (no RPC configured, a read refused); the findings say what is unknown.',
    // When the node failed, `context.unchecked` already says so, with the reads that went unanswered.
    check: (ctx) =>
      ctx.facts.unavailable.length > 0 && !ctx.facts.nodeFailure
        ? [
            {
              title: 'Some on-chain details could not be checked',
              detail: `Could not read: ${ctx.facts.unavailable.slice(0, 4).join('; ')}${ctx.facts.unavailable.length > 4 ? '; …' : ''}.`,
              evidence: { unavailable: ctx.facts.unavailable },
            },
          ]
        : [],
  },
];
