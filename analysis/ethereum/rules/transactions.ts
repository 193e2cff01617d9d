// Transactions: what the calldata calls, where value and tokens go, and the shapes drainers use.
import { type Address } from 'viem';
import { isRouterSentinel } from '../decode/universal-router';
import { amountText, etherText, evidence, label, short, tokenLabel } from '../format';
import { actionsOf, sameAddress, type Rule, type RuleContext } from './rule';

const topCalls = (ctx: RuleContext) => actionsOf(ctx, 'call').filter((c) => c.depth === 0);
const isKnown = (ctx: RuleContext, a: Address | undefined) => !!a && !!ctx.facts.address(a).known;

function txChainIds(ctx: RuleContext): number[] {
  const r = ctx.request;
  if (r?.kind === 'transaction') return r.tx.chainId !== undefined ? [r.tx.chainId] : [];
  if (r?.kind === 'calls') return [r.chainId, ...r.calls.map((c) => c.chainId)].filter((x): x is number => x !== undefined);
  return [];
}

export const transactionRules: Rule[] = [
  {
    id: 'tx.scam-function',
    severity: 'danger',
    summary: 'Sends coins to a function named like drainer kits name theirs ("Claim", "SecurityUpdate", …) on an unrecognised contract.',
    check: (ctx) =>
      actionsOf(ctx, 'call')
        .filter((c) => c.scamName && c.value > 0n && !isKnown(ctx, c.to))
        .map((c) => ({
          title: `Sends ${etherText(c.value, ctx.chainId)} to "${c.functionName}" on an unrecognised contract`,
          detail: `Scam sites ask you to pay a fee to "${c.functionName}" a reward or a security update; the function just forwards your money to the thief. Real airdrops and updates never need you to send coins.`,
          evidence: evidence({ to: c.to, value: c.value, selector: c.selector, function: c.signature, where: c.where }),
        })),
  },
  {
    id: 'tx.unknown-function-with-value',
    severity: 'warn',
    summary: 'Sends coins to a function the firewall cannot read, on a contract not in the registry.',
    check: (ctx) =>
      actionsOf(ctx, 'call')
        .filter((c) => c.value > 0n && c.to && c.selector && !c.signature && !isKnown(ctx, c.to) && ctx.facts.address(c.to).code !== 'eoa')
        .map((c) => ({
          title: `Sends ${etherText(c.value, ctx.chainId)} to an unreadable function on ${short(c.to!)}`,
          detail: `The function (${c.selector}) is not one the firewall recognises and the contract is not a well-known one${ctx.facts.address(c.to!).code === 'unknown' ? ', and its code could not be checked' : ''}. Only continue if you know what this payment is for.`,
          evidence: evidence({ to: c.to, value: c.value, selector: c.selector, where: c.where }),
        })),
  },
  {
    id: 'tx.data-to-plain-account',
    severity: 'warn',
    summary: 'Sends call data to an address that has no contract code.',
    check: (ctx) =>
      actionsOf(ctx, 'call')
        .filter((c) => c.to && c.data !== '0x' && ctx.facts.address(c.to).code === 'eoa' && !isKnown(ctx, c.to))
        .map((c) => ({
          title: `Calls ${c.functionName ?? 'a function'} on ${short(c.to!)}, which is not a contract`,
          detail: `There is no contract at this address on this chain, so nothing will run: ${c.value > 0n ? `the ${etherText(c.value, ctx.chainId)} simply goes to that account` : 'the transaction does nothing'}. This happens on the wrong network, or when a site hides a payment behind a function name.`,
          evidence: evidence({ to: c.to, value: c.value, selector: c.selector, where: c.where }),
        })),
  },
  {
    id: 'tx.token-to-itself',
    severity: 'danger',
    summary: 'Sends tokens to the token contract itself, where they are lost.',
    check: (ctx) =>
      actionsOf(ctx, 'transfer')
        .filter((t) => t.token && sameAddress(t.to, t.token))
        .map((t) => ({
          title: `Sends ${amountText(t.amount, t.token, ctx.facts)} to the token's own contract`,
          detail: 'Tokens sent to their own contract address are almost always lost for good. You probably pasted the token address instead of the recipient.',
          evidence: evidence({ token: t.token, amount: t.amount, where: t.where }),
        })),
  },
  {
    id: 'tx.output-to-other',
    severity: 'warn',
    summary: 'A swap or withdrawal pays its output to an address other than yours.',
    check: (ctx) =>
      actionsOf(ctx, 'payout')
        .filter((p) => {
          if (!ctx.signer || sameAddress(p.recipient, ctx.signer) || isRouterSentinel(p.recipient) || BigInt(p.recipient) === 0n) return false;
          if (topCalls(ctx).some((c) => sameAddress(c.to, p.recipient))) return false; // the router keeps it for a later step
          return !isKnown(ctx, p.recipient);
        })
        .map((p) => ({
          title: `The ${p.protocol} sends what you get to ${short(p.recipient)}, not to you`,
          detail: `You pay, but the tokens out of this ${p.protocol} go to another address. That is right only if you meant to send them to someone.`,
          evidence: evidence({ recipient: p.recipient, protocol: p.protocol, where: p.where }),
        })),
  },
  {
    id: 'tx.transfer',
    severity: 'info',
    summary: 'Describes coins and tokens the transaction sends.',
    check: (ctx) =>
      actionsOf(ctx, 'transfer')
        .filter((t) => !t.from)
        .map((t) => ({
          title: `Sends ${t.asset === 'native' ? etherText(t.amount ?? 0n, ctx.chainId) : t.tokenId !== undefined ? `${tokenLabel(t.token, ctx.facts)} #${t.tokenId}` : amountText(t.amount, t.token, ctx.facts)} to ${label(t.to, ctx.facts)}`,
          detail: ctx.facts.address(t.to).code === 'eoa' && ctx.facts.address(t.to).nonce === 0 ? 'The recipient account has never sent a transaction.' : 'Check the recipient address in full before you continue.',
          evidence: evidence({ asset: t.asset, token: t.token, to: t.to, amount: t.amount, tokenId: t.tokenId, where: t.where }),
        })),
  },
  {
    id: 'tx.call',
    severity: 'info',
    summary: 'Describes the contract call (decoded function and contract name).',
    check: (ctx) =>
      topCalls(ctx)
        .filter((c) => c.to && c.data !== '0x')
        .map((c) => ({
          title: `Calls ${c.signature ? c.functionName : `function ${c.selector ?? '(none)'}`} on ${label(c.to!, ctx.facts)}${c.value > 0n ? ` with ${etherText(c.value, ctx.chainId)}` : ''}`,
          detail: `${c.family ? `${c.family}: ${c.signature}` : 'The function is not one of the standards or protocols the firewall reads.'}${isKnown(ctx, c.to) ? '' : ctx.facts.address(c.to!).code === 'contract' ? ' The contract is not among the well-known contracts.' : ''}`,
          evidence: evidence({ to: c.to, value: c.value, selector: c.selector, function: c.signature }),
        })),
  },
  {
    id: 'tx.contract-creation',
    severity: 'info',
    summary: 'Deploys a new contract.',
    check: (ctx) =>
      topCalls(ctx)
        .filter((c) => !c.to)
        .map((c) => ({ title: 'Deploys a new contract', detail: 'The transaction creates a contract from the code it carries.', evidence: evidence({ size: (c.data.length - 2) / 2 }) })),
  },
  {
    id: 'tx.chain-mismatch',
    severity: 'warn',
    summary: 'The transaction names a chain other than the one the wallet is on.',
    check: (ctx) =>
      ctx.chainId === undefined
        ? []
        : [...new Set(txChainIds(ctx))]
            .filter((id) => id !== ctx.chainId)
            .map((id) => ({
              title: `The transaction is for chain ${id}, your wallet is on chain ${ctx.chainId}`,
              detail: 'The site may be confused about the network, or trying to get a transaction signed for another chain.',
              evidence: { txChainId: id, walletChainId: ctx.chainId },
            })),
  },
];
