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
    id: 'context.unavailable',
    severity: 'info',
    summary: 'Some on-chain details could not be read (no RPC, timeout); the findings say what is unknown.',
    check: (ctx) =>
      ctx.facts.unavailable.length > 0
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
