// EIP-7702 authorizations hand the account's control to a contract's code: an unknown delegate can
// move everything the account owns, now and later, on every chain if the chain id is 0.
import { evidence, short } from '../format';
import { known7702Delegate } from '../registry/known';
import { actionsOf, type Rule } from './rule';

const isZero = (a: string) => BigInt(a) === 0n;

export const eip7702Rules: Rule[] = [
  {
    id: 'eip7702.any-chain',
    severity: 'danger',
    summary: 'An EIP-7702 authorization with chain id 0, valid on every chain.',
    check: (ctx) =>
      actionsOf(ctx, 'authorization')
        .filter((a) => a.chainId === 0 && !isZero(a.delegate))
        .map((a) => ({
          title: 'Hands control of your account to a contract on every network at once',
          detail: 'This EIP-7702 authorization uses chain id 0, so it can be replayed on every EVM chain where your account exists, including ones you never use with this site.',
          evidence: evidence({ delegate: a.delegate, chainId: a.chainId, where: a.where }),
        })),
  },
  {
    id: 'eip7702.unknown-delegate',
    severity: 'danger',
    summary: 'An EIP-7702 authorization delegates the account to a contract that is not a known wallet implementation.',
    check: (ctx) =>
      actionsOf(ctx, 'authorization')
        .filter((a) => !isZero(a.delegate) && !known7702Delegate(a.delegate))
        .map((a) => ({
          title: `Turns your account into contract ${short(a.delegate)}, which nobody vouches for`,
          detail: 'After this authorization, the code at that address decides what your account does: it can transfer all your coins, tokens and NFTs. Only wallet apps should ask for this, with their own well-known contract.',
          evidence: evidence({ delegate: a.delegate, chainId: a.chainId, nonce: a.nonce, where: a.where }),
        })),
  },
  {
    id: 'eip7702.known-delegate',
    severity: 'info',
    summary: 'An EIP-7702 authorization to a known smart-account implementation.',
    check: (ctx) =>
      actionsOf(ctx, 'authorization')
        .filter((a) => known7702Delegate(a.delegate))
        .map((a) => ({
          title: `Upgrades your account to ${known7702Delegate(a.delegate)}`,
          detail: 'A published smart-account implementation; your account will run its code from now on.',
          evidence: evidence({ delegate: a.delegate, chainId: a.chainId }),
        })),
  },
  {
    id: 'eip7702.revoke',
    severity: 'info',
    summary: 'An EIP-7702 authorization to the zero address (removes a delegation).',
    check: (ctx) =>
      actionsOf(ctx, 'authorization')
        .filter((a) => isZero(a.delegate))
        .map(() => ({ title: 'Removes the smart-account delegation from your account', detail: 'Your account goes back to being a plain account.' })),
  },
  {
    id: 'eip7702.chain-mismatch',
    severity: 'warn',
    summary: 'An EIP-7702 authorization for a chain other than the wallet\'s.',
    check: (ctx) =>
      actionsOf(ctx, 'authorization')
        .filter((a) => a.chainId !== 0 && ctx.chainId !== undefined && a.chainId !== ctx.chainId)
        .map((a) => ({
          title: `The authorization is for chain ${a.chainId}, your wallet is on chain ${ctx.chainId}`,
          detail: 'A site has no reason to ask for an authorization on a chain you are not using.',
          evidence: { chainId: a.chainId },
        })),
  },
];
