// ERC-20 tokens (and WETH, an ERC-20 that wraps the coin): transfers and allowances the signer makes.
import { parseAbi } from 'viem';
import { isUnlimitedAmount } from './actions';
import { callFamily } from './call-family';

export const erc20 = callFamily(
  'ERC-20',
  parseAbi([
    'function transfer(address to, uint256 amount) returns (bool)',
    'function transferFrom(address from, address to, uint256 amount) returns (bool)',
    'function approve(address spender, uint256 amount) returns (bool)',
    'function increaseAllowance(address spender, uint256 addedValue) returns (bool)',
    'function decreaseAllowance(address spender, uint256 subtractedValue) returns (bool)',
    'function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s)',
    'function permit(address holder, address spender, uint256 nonce, uint256 expiry, bool allowed, uint8 v, bytes32 r, bytes32 s)',
  ] as const),
  (c, s) => {
    if (!s.mine) return;
    const token = s.to;
    switch (c.functionName) {
      case 'transfer':
        return s.push({ kind: 'transfer', asset: 'token', token, to: c.args[0], amount: c.args[1], where: s.where });
      case 'transferFrom':
        return s.push({ kind: 'transfer', asset: 'token', token, from: s.fromOther(c.args[0]), to: c.args[1], amount: c.args[2], where: s.where });
      case 'approve':
      case 'increaseAllowance': {
        const [spender, amount] = c.args;
        const approve = c.functionName === 'approve';
        return s.push({
          kind: 'approval',
          standard: c.functionName,
          token,
          spender,
          amount,
          unlimited: isUnlimitedAmount(amount),
          revokes: approve && amount === 0n,
          signature: false,
          where: s.where,
        });
      }
      default:
        return;
    }
  },
);

export const weth = callFamily('WETH', parseAbi(['function deposit() payable', 'function withdraw(uint256 amount)'] as const), () => {});
