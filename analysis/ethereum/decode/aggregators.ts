// Swap aggregators: who receives a 1inch swap's output; 0x's entry points are named only.
import { getAddress, parseAbi } from 'viem';
import { callFamily } from './call-family';

export const oneInchRouter = callFamily(
  '1inch router',
  parseAbi([
    'function swap(address executor, (address srcToken, address dstToken, address srcReceiver, address dstReceiver, uint256 amount, uint256 minReturnAmount, uint256 flags) desc, bytes permit, bytes data) payable',
    'function swap(address executor, (address srcToken, address dstToken, address srcReceiver, address dstReceiver, uint256 amount, uint256 minReturnAmount, uint256 flags) desc, bytes data) payable',
  ] as const),
  (c, s) => {
    const receiver = c.args[1].dstReceiver;
    // Zero means the caller.
    if (BigInt(receiver) !== 0n) s.push({ kind: 'payout', protocol: '1inch router', recipient: getAddress(receiver), where: s.where });
  },
);

export const zeroExProxy = callFamily(
  '0x exchange proxy',
  parseAbi([
    'function transformERC20(address inputToken, address outputToken, uint256 inputTokenAmount, uint256 minOutputTokenAmount, (uint32 deploymentNonce, bytes data)[] transformations) payable',
    'function sellToUniswap(address[] tokens, uint256 sellAmount, uint256 minBuyAmount, bool isSushi) payable',
  ] as const),
  () => {},
);
