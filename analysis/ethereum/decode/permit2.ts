// Uniswap's Permit2: allowances it keeps for the signer (approve, permit) and pulls it makes with them.
import { parseAbi } from 'viem';
import { isUnlimitedAmount } from './actions';
import { callFamily } from './call-family';

export const permit2 = callFamily(
  'Permit2',
  parseAbi([
    'function approve(address token, address spender, uint160 amount, uint48 expiration)',
    'function permit(address owner, ((address token, uint160 amount, uint48 expiration, uint48 nonce) details, address spender, uint256 sigDeadline) permitSingle, bytes signature)',
    'function permit(address owner, ((address token, uint160 amount, uint48 expiration, uint48 nonce)[] details, address spender, uint256 sigDeadline) permitBatch, bytes signature)',
    'function transferFrom(address from, address to, uint160 amount, address token)',
    'function transferFrom((address from, address to, uint160 amount, address token)[] transferDetails)',
    'function lockdown((address token, address spender)[] approvals)',
    'function invalidateNonces(address token, address spender, uint48 newNonce)',
  ] as const),
  (c, s) => {
    if (!s.mine) return;
    const where = s.where;
    const allowance = (standard: 'permit2-approve' | 'permit2-single', token: `0x${string}`, spender: `0x${string}`, amount: bigint, expiration: number) =>
      s.push({ kind: 'approval', standard, token, spender, amount, unlimited: isUnlimitedAmount(amount), revokes: amount === 0n, expiresAt: BigInt(expiration), signature: false, where });
    switch (c.functionName) {
      case 'approve': {
        const [token, spender, amount, expiration] = c.args;
        return allowance('permit2-approve', token, spender, amount, expiration);
      }
      case 'permit': {
        const permit = c.args[1];
        const details = 'token' in permit.details ? [permit.details] : permit.details;
        for (const d of details) allowance('permit2-single', d.token, permit.spender, d.amount, d.expiration);
        return;
      }
      case 'transferFrom': {
        const a = c.args;
        if (a.length === 4) return s.push({ kind: 'transfer', asset: 'token', token: a[3], from: s.fromOther(a[0]), to: a[1], amount: a[2], where });
        for (const d of a[0]) s.push({ kind: 'transfer', asset: 'token', token: d.token, from: s.fromOther(d.from), to: d.to, amount: d.amount, where });
        return;
      }
      default:
        return;
    }
  },
);
