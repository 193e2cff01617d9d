// Findings about the request itself: unreadable, oddly encoded, read differently by some wallets,
// unknown method, missing context.
import { unreadableRequest } from '../../findings/outcomes';
import type { Hex } from 'viem';
import { knownFunctions } from '../decode/abis';
import { etherText } from '../format';
import type { Reading, ReadingDifference } from '../normalize/readings';
import { type Rule, type RuleContext } from './rule';

/** A reading in words: amounts of the coin in ETH, call data with the function it calls. */
function readingText(r: Reading, ctx: RuleContext): string {
  if (r.wei !== undefined) return etherText(r.wei, ctx.chainId);
  if (r.data !== undefined) return callText(r.data);
  return r.value;
}

function callText(data: Hex): string {
  if (data.length < 10) return data === '0x' ? 'no call data' : `the bytes ${data}`;
  const selector = data.slice(0, 10) as Hex;
  const known = knownFunctions.get(selector)?.[0];
  return known ? `a call to ${known.signature} (${selector})` : `a call to the unknown function ${selector}`;
}

const ambiguous = (ctx: RuleContext) => (ctx.differences ?? []).filter((d) => d.kind !== 'prototype-key');

function differenceHit(d: ReadingDifference, ctx: RuleContext) {
  const [ours, ...others] = d.readings;
  const readings = d.readings.map((r) => `${r.by}: ${readingText(r, ctx)}`).join('; ');
  return {
    title: `The ${d.where} can be read two ways: ${readingText(ours!, ctx)} or ${others.map((r) => readingText(r, ctx)).join(' or ')}`,
    detail: `It is written as ${d.written}. ${readings}. What you are shown may not be what your wallet signs or sends: no site needs to write it this way, so continue only if you know why it does.`,
    evidence: { where: d.where, written: d.written, readings: d.readings.map((r) => ({ by: r.by, value: r.value })) },
  };
}

export const inputRules: Rule[] = [
  {
    id: 'input.unreadable',
    severity: 'warn',
    summary: 'The request could not be read, so it was not examined.',
    check: (ctx) => unreadableRequest(ctx.method, ctx.readError),
  },
  {
    id: 'input.prototype-key',
    severity: 'danger',
    summary: 'The request has an own "__proto__" key: a wallet that copies it with Object.assign reads the fields inside as the request\'s own (a hidden value or data).',
    // A block, not a warning: no wallet API has such a field and no library writes one (JSON.stringify of
    // an ordinary object cannot), so it only appears in a request built to be read two ways, and the
    // hidden reading may move assets the firewall never examined.
    check: (ctx) =>
      (ctx.differences ?? [])
        .filter((d) => d.kind === 'prototype-key')
        .map((d) => ({
          title: 'The request hides fields that some wallets would use',
          detail: `In ${d.where} it has a key named "__proto__" holding ${d.written}. The firewall read the request without it; a wallet that copies the request with Object.assign ${d.readings[1]!.value}${d.readings[1]!.wei !== undefined ? `, which sends ${etherText(d.readings[1]!.wei, ctx.chainId)}` : ''}. Honest sites never send this.`,
          evidence: { where: d.where, written: d.written, readings: d.readings.map((r) => ({ by: r.by, value: r.value })) },
        })),
  },
  {
    id: 'input.ambiguous-encoding',
    severity: 'warn',
    summary: 'A field is written so that wallets may read it differently from the firewall (digits without 0x, odd-length hex, a key given twice, a bool as text…); shows both readings.',
    check: (ctx) => ambiguous(ctx).map((d) => differenceHit(d, ctx)),
  },
  {
    id: 'input.unusual-encoding',
    severity: 'info',
    summary: 'The request uses an unusual encoding every wallet reads the same way (hex without 0x, a zero-padded chain id, swapped parameters…).',
    check: (ctx) =>
      ctx.notes.length > 0 && !ctx.readError
        ? [{ title: 'The request is written in an unusual way', detail: `${[...new Set(ctx.notes)].slice(0, 6).join('; ')}.`, evidence: { notes: [...new Set(ctx.notes)] } }]
        : [],
  },
  {
    id: 'input.prepared-calls',
    severity: 'warn',
    summary: 'wallet_sendPreparedCalls: calls prepared and signed earlier; what they do is not in the request.',
    check: (ctx) =>
      ctx.request?.kind === 'prepared-calls'
        ? [
            {
              title: 'The site sends calls that were prepared and signed earlier',
              detail: 'This request carries only a signature and a reference to calls prepared before, so neither the firewall nor your wallet can show what they do. Continue only if you just approved these calls.',
              evidence: { method: ctx.method, chainId: ctx.request.chainId },
            },
          ]
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
      const n = failure.unanswered.length;
      return [
        {
          title: 'Your node did not answer, so this request was not checked on chain',
          // Which reads went unanswered, and the node's errors, are in the evidence (technical details).
          detail: `The firewall could not check ${what}: ${n === 1 ? 'one read' : `${n} reads`} got no answer in time. Check your connection or the node in the firewall's settings.`,
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
