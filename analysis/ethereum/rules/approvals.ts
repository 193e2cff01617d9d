// Token approvals in every form (approve, increaseAllowance, setApprovalForAll, EIP-2612/DAI permits,
// Permit2). The question that matters most is who receives the right to move the tokens.
import type { ApprovalAction } from '../decode/actions';
import { amountText, dateText, evidence, label, short, tokenLabel } from '../format';
import { permissionRules } from './permissions';
import { actionsOf, type Rule, type RuleContext } from './rule';

const STANDARD_WORDS: Record<ApprovalAction['standard'], string> = {
  approve: 'an approval',
  increaseAllowance: 'an allowance increase',
  setApprovalForAll: 'access to all your NFTs in this collection',
  permit: 'a permit signature',
  'dai-permit': 'a DAI-style permit signature',
  'permit2-approve': 'a Permit2 allowance',
  'permit2-single': 'a Permit2 allowance',
  'permit2-batch': 'a Permit2 allowance for several tokens',
  'permit2-transfer': 'a Permit2 one-time transfer signature',
};

const YEAR_S = 365n * 24n * 3600n;

/** Approvals that grant something (not revocations). */
function grants(ctx: RuleContext): ApprovalAction[] {
  return actionsOf(ctx, 'approval').filter((a) => !a.revokes);
}

/** ERC-20 and ERC-721 `approve` share a selector; for an NFT the "amount" is a token id, never unlimited. */
export function isNftApprove(a: ApprovalAction, ctx: RuleContext): boolean {
  return a.standard === 'approve' && ctx.facts.token(a.token)?.isErc721 === true;
}

export function isBroad(a: ApprovalAction, ctx: RuleContext): boolean {
  if (isNftApprove(a, ctx)) return false;
  if (a.unlimited) return true;
  const balance = ctx.facts.token(a.token)?.balance;
  return a.amount !== undefined && balance !== undefined && a.amount > balance;
}

function what(a: ApprovalAction, ctx: RuleContext): string {
  if (a.standard === 'setApprovalForAll') return `all your ${tokenLabel(a.token, ctx.facts)} NFTs`;
  if (a.amountUnreadable) return `an amount of ${tokenLabel(a.token, ctx.facts)} that cannot be read (taken as unlimited)`;
  if (isNftApprove(a, ctx)) return `your ${tokenLabel(a.token, ctx.facts)} NFT #${a.amount}`;
  return amountText(a.amount, a.token, ctx.facts);
}

function facts(a: ApprovalAction) {
  return evidence({ standard: a.standard, token: a.token, spender: a.spender, amount: a.amount, ...(a.amountUnreadable ? { amountUnreadable: true } : {}), expiresAt: a.expiresAt, where: a.where });
}

export const approvalRules: Rule[] = [
  {
    id: 'approval.to-plain-account',
    severity: 'danger',
    summary: 'An approval or permit names a plain account (not a contract) as spender: typical of approval phishing.',
    check: (ctx) =>
      grants(ctx)
        .filter((a) => !ctx.facts.address(a.spender).known && ['eoa', 'delegated'].includes(ctx.facts.address(a.spender).code))
        .map((a) => ({
          title: `Gives ${short(a.spender)}, a personal account, the right to take ${what(a, ctx)}`,
          detail: `This is ${STANDARD_WORDS[a.standard]} to an address that is not a contract, so whoever holds its key can move the tokens at any time without asking you again. Real apps ask you to approve their contracts, not a person's account.`,
          evidence: facts(a),
        })),
  },
  {
    id: 'approval.unknown-spender-broad',
    severity: 'warn',
    summary: 'A broad approval (unlimited, all NFTs, or more than you hold) to a contract not in the registry, or to an address whose code could not be checked.',
    check: (ctx) =>
      grants(ctx)
        .filter((a) => {
          const f = ctx.facts.address(a.spender);
          return !f.known && (f.code === 'unknown' || (f.code === 'contract' && isBroad(a, ctx)));
        })
        .map((a) => {
          const unknownCode = ctx.facts.address(a.spender).code === 'unknown';
          return {
            title: `Gives an unrecognised ${unknownCode ? 'address' : 'contract'} (${short(a.spender)}) the right to take ${what(a, ctx)}`,
            detail: unknownCode
              ? `This is ${STANDARD_WORDS[a.standard]}. The spender is not a well-known contract and the firewall could not check on-chain whether it is a contract at all. Only continue if you trust the site and expected this approval.`
              : `This is ${STANDARD_WORDS[a.standard]} to a contract that is not among the well-known contracts. If that contract is malicious or gets hacked, it can take these tokens later without asking you again.`,
            evidence: facts(a),
          };
        }),
  },
  {
    id: 'approval.unknown-spender',
    severity: 'info',
    summary: 'A limited approval to a contract not in the registry.',
    check: (ctx) =>
      grants(ctx)
        .filter((a) => {
          const f = ctx.facts.address(a.spender);
          return !f.known && f.code === 'contract' && !isBroad(a, ctx);
        })
        .map((a) => ({
          title: `Lets contract ${short(a.spender)} spend ${what(a, ctx)}`,
          detail: `The contract is not among the well-known contracts; the approval is limited to this amount.`,
          evidence: facts(a),
        })),
  },
  {
    id: 'approval.known-spender',
    severity: 'info',
    summary: 'An approval to a well-known protocol contract; names it.',
    check: (ctx) =>
      grants(ctx)
        .filter((a) => ctx.facts.address(a.spender).known)
        .map((a) => ({
          title: `Lets ${label(a.spender, ctx.facts)} spend ${what(a, ctx)}`,
          detail: `${ctx.facts.address(a.spender).known!.name} is a well-known contract. This is ${STANDARD_WORDS[a.standard]}.`,
          evidence: facts(a),
        })),
  },
  {
    id: 'approval.unlimited',
    severity: 'info',
    summary: 'The approval amount is unlimited.',
    check: (ctx) =>
      grants(ctx)
        .filter((a) => a.unlimited && a.standard !== 'setApprovalForAll' && !isNftApprove(a, ctx))
        .map((a) => ({
          title: `The allowance for ${tokenLabel(a.token, ctx.facts)} is unlimited`,
          detail: 'The spender may take any amount of this token you hold now or later, until you revoke the approval.',
          evidence: facts(a),
        })),
  },
  {
    id: 'approval.exceeds-balance',
    severity: 'info',
    summary: 'The approval amount is larger than your current balance.',
    check: (ctx) =>
      grants(ctx)
        .filter((a) => !a.unlimited && !isNftApprove(a, ctx) && isBroad(a, ctx))
        .map((a) => ({
          title: `Approves more ${tokenLabel(a.token, ctx.facts)} than you hold`,
          detail: `The approval covers ${amountText(a.amount, a.token, ctx.facts)}, more than your balance of ${amountText(ctx.facts.token(a.token)?.balance, a.token, ctx.facts)}.`,
          evidence: facts(a),
        })),
  },
  {
    id: 'approval.long-lived',
    severity: 'info',
    summary: 'A signed permit or Permit2 allowance stays valid for more than a year.',
    check: (ctx) =>
      grants(ctx)
        .filter((a) => (a.signature || a.standard.startsWith('permit2')) && a.expiresAt !== undefined && a.expiresAt > BigInt(Math.floor(ctx.now / 1000)) + YEAR_S)
        .map((a) => ({
          title: `This permission stays valid until ${dateText(a.expiresAt!)}`,
          detail: 'A long validity gives the spender a long window to use it. Apps usually ask for days or weeks.',
          evidence: facts(a),
        })),
  },
  {
    id: 'approval.expired',
    severity: 'info',
    summary: 'The permit signature is already past its deadline (it cannot be used).',
    check: (ctx) =>
      grants(ctx)
        .filter((a) => a.signature && a.expiresAt !== undefined && a.expiresAt > 0n && a.expiresAt < BigInt(Math.floor(ctx.now / 1000)))
        .map((a) => ({
          title: `The signature's deadline (${dateText(a.expiresAt!)}) has already passed`,
          detail: 'The contract will reject it. A site asking for an expired permit is either broken or testing what you sign.',
          evidence: facts(a),
        })),
  },
  {
    id: 'approval.revoke',
    severity: 'info',
    summary: 'Revokes an approval (sets it to zero / false).',
    check: (ctx) =>
      actionsOf(ctx, 'approval')
        .filter((a) => a.revokes)
        .map((a) => ({
          title: `Removes ${label(a.spender, ctx.facts)}'s permission over your ${tokenLabel(a.token, ctx.facts)}`,
          detail: 'Revoking an approval is a safe clean-up.',
          evidence: facts(a),
        })),
  },
  // ERC-7715 standing permissions are approvals in another form; listed here, after the token approvals.
  ...permissionRules,
];
