// SPL Token and Token-2022: delegates (Approve), authorities (SetAuthority), closing accounts, and
// the token instructions read but not judged. On Solana a token account's owner can hand others the
// right to move or close it; that right outlives the transaction, so it is what matters most here.
import { evidence, short, tokenAmountText, U64_MAX } from '../format';
import { actionsOf, isSigner, where, type SolanaRule } from './rule';

const PROGRAM_WORDS = { 'spl-token': 'SPL Token', 'token-2022': 'Token-2022' } as const;

/** From here on an allowance is unlimited in practice: more than half of the largest amount a token can hold. */
const PRACTICALLY_UNLIMITED = U64_MAX / 2n;

const AUTHORITY_WORDS = {
  'account-owner': 'ownership of the token account',
  'close-account': 'the right to close the token account',
  'mint-tokens': 'the right to create new tokens of this mint',
  'freeze-account': 'the right to freeze holders\' accounts of this mint',
} as const;

export const tokenRules: SolanaRule[] = [
  {
    id: 'solana.approve-delegate',
    severity: 'warn',
    summary: 'SPL Token Approve/ApproveChecked: names a delegate that may move tokens out of the account later, without asking again.',
    check: (ctx) =>
      actionsOf(ctx, 'token-approve').map(({ action: a, tx }) => {
        const unlimited = a.amount >= PRACTICALLY_UNLIMITED;
        return {
          title: `Lets ${short(a.delegate)} take ${unlimited ? `an unlimited amount ${a.mint ? `of the token ${short(a.mint)}` : 'of the tokens'}` : tokenAmountText(a.amount, a.decimals, a.mint)} from your token account ${short(a.source)}`,
          detail: `This makes ${short(a.delegate)} a delegate of the account (${PROGRAM_WORDS[a.token]} ${a.checked ? 'ApproveChecked' : 'Approve'}): it can move ${unlimited ? 'everything in the account' : 'up to this amount'} at any time later, without asking you again, until you revoke it. Drainers ask for exactly this; real apps rarely need a delegate.`,
          evidence: evidence({ ...where(ctx, tx, a), source: a.source, delegate: a.delegate, owner: a.owner, amount: a.amount, mint: a.mint, decimals: a.decimals, unlimited }),
        };
      }),
  },
  {
    id: 'solana.set-authority-owner',
    severity: 'danger',
    summary: 'SPL Token SetAuthority hands the ownership of a token account to another address: everything in it becomes theirs.',
    check: (ctx) =>
      actionsOf(ctx, 'token-set-authority')
        .filter(({ action: a, tx }) => a.authority === 'account-owner' && !isSigner(tx, a.newAuthority ?? undefined))
        .map(({ action: a, tx }) => ({
          title: `Gives ${a.newAuthority ? short(a.newAuthority) : 'no one'} ownership of your token account ${short(a.account)}`,
          detail: 'After this the account and every token in it, now and later, belong to the new owner; you cannot take it back. A balance-change preview shows nothing moving, because the tokens stay where they are — only their owner changes.',
          evidence: evidence({ ...where(ctx, tx, a), account: a.account, authority: a.authority, newAuthority: a.newAuthority, currentOwner: a.owner }),
        })),
  },
  {
    id: 'solana.set-authority-close',
    severity: 'warn',
    summary: 'SPL Token SetAuthority hands the right to close a token account to another address.',
    check: (ctx) =>
      actionsOf(ctx, 'token-set-authority')
        .filter(({ action: a, tx }) => a.authority === 'close-account' && a.newAuthority !== null && !isSigner(tx, a.newAuthority))
        .map(({ action: a, tx }) => ({
          title: `Lets ${short(a.newAuthority!)} close your token account ${short(a.account)}`,
          detail: 'The new close authority can close the account and keep the SOL it holds for rent (and, for a wrapped-SOL account, the wrapped SOL itself). Apps have no usual reason to ask for this.',
          evidence: evidence({ ...where(ctx, tx, a), account: a.account, authority: a.authority, newAuthority: a.newAuthority }),
        })),
  },
  {
    id: 'solana.set-authority-mint',
    severity: 'warn',
    summary: 'SPL Token SetAuthority hands a mint\'s minting or freezing authority to another address.',
    check: (ctx) =>
      actionsOf(ctx, 'token-set-authority')
        .filter(({ action: a, tx }) => (a.authority === 'mint-tokens' || a.authority === 'freeze-account') && a.newAuthority !== null && !isSigner(tx, a.newAuthority))
        .map(({ action: a, tx }) => ({
          title: `Gives ${short(a.newAuthority!)} ${AUTHORITY_WORDS[a.authority]} ${short(a.account)}`,
          detail: 'Whoever holds this authority controls the token for every holder. Only continue if you manage this token and meant to hand it over.',
          evidence: evidence({ ...where(ctx, tx, a), mint: a.account, authority: a.authority, newAuthority: a.newAuthority }),
        })),
  },
  {
    id: 'solana.set-authority-kept',
    severity: 'info',
    summary: 'SPL Token SetAuthority that removes an authority or gives it to the signer itself.',
    check: (ctx) =>
      actionsOf(ctx, 'token-set-authority')
        .filter(({ action: a, tx }) => (a.newAuthority === null && a.authority !== 'account-owner') || isSigner(tx, a.newAuthority ?? undefined))
        .map(({ action: a, tx }) => ({
          title: a.newAuthority === null ? `Removes ${AUTHORITY_WORDS[a.authority]} ${short(a.account)} for good` : `Makes you the holder of ${AUTHORITY_WORDS[a.authority]} ${short(a.account)}`,
          detail: a.newAuthority === null ? 'No one will hold this authority any more; it cannot be given back.' : 'The authority goes to your own account.',
          evidence: evidence({ ...where(ctx, tx, a), account: a.account, authority: a.authority, newAuthority: a.newAuthority }),
        })),
  },
  {
    id: 'solana.close-account-elsewhere',
    severity: 'warn',
    summary: 'SPL Token CloseAccount sends what the closed account holds (its rent, and wrapped SOL) to an address other than the signer.',
    check: (ctx) =>
      actionsOf(ctx, 'token-close-account')
        .filter(({ action: a, tx }) => !isSigner(tx, a.destination))
        .map(({ action: a, tx }) => ({
          title: `Closes your token account ${short(a.account)} and sends what it holds to ${short(a.destination)}`,
          detail: 'Closing a token account releases the SOL it holds for rent, and all of it when it is a wrapped-SOL account. Here that SOL goes to someone else instead of you.',
          evidence: evidence({ ...where(ctx, tx, a), account: a.account, destination: a.destination, owner: a.owner }),
        })),
  },
  {
    id: 'solana.close-account',
    severity: 'info',
    summary: 'SPL Token CloseAccount whose SOL goes back to the signer.',
    check: (ctx) =>
      actionsOf(ctx, 'token-close-account')
        .filter(({ action: a, tx }) => isSigner(tx, a.destination))
        .map(({ action: a, tx }) => ({ title: `Closes your token account ${short(a.account)}`, detail: 'The SOL it held for rent comes back to you.', evidence: evidence({ ...where(ctx, tx, a), account: a.account }) })),
  },
  {
    id: 'solana.revoke',
    severity: 'info',
    summary: 'SPL Token Revoke: removes a token account\'s delegate.',
    check: (ctx) =>
      actionsOf(ctx, 'token-revoke').map(({ action: a, tx }) => ({
        title: `Removes the delegate of your token account ${short(a.source)}`,
        detail: 'Revoking a delegate is a safe clean-up.',
        evidence: evidence({ ...where(ctx, tx, a), source: a.source }),
      })),
  },
  {
    id: 'solana.burn',
    severity: 'info',
    summary: 'SPL Token Burn/BurnChecked: destroys tokens.',
    check: (ctx) =>
      actionsOf(ctx, 'token-burn').map(({ action: a, tx }) => ({
        title: `Destroys ${tokenAmountText(a.amount, undefined, a.mint)}`,
        detail: 'Burned tokens are gone for good.',
        evidence: evidence({ ...where(ctx, tx, a), account: a.account, mint: a.mint, amount: a.amount }),
      })),
  },
  {
    id: 'solana.token-other',
    severity: 'info',
    summary: 'A token instruction that sets up or maintains accounts (initialize, sync, mint, freeze, thaw).',
    check: (ctx) =>
      actionsOf(ctx, 'token-other').map(({ action: a, tx }) => ({
        title: `${PROGRAM_WORDS[a.token]}: ${a.instruction}`,
        detail: 'A token instruction that moves nothing out of your accounts.',
        evidence: evidence({ ...where(ctx, tx, a), instruction: a.instruction }),
      })),
  },
];
