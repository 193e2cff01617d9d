// Uniswap's routers: who receives a swap's output (V2, V3 / SwapRouter02) and the Universal Router's
// command programs (universal-router.ts).
import { parseAbi, type Address } from 'viem';
import { callFamily, type CallScope } from './call-family';
import { decodeUniversalRouter, v3PathOutput } from './universal-router';

function payout(s: CallScope, protocol: string, recipient: Address): void {
  s.push({ kind: 'payout', protocol, recipient, where: s.where });
}

/** The token a swap buys: its code decides whether the signer can sell it again (rules/token-code.ts). */
function buy(s: CallScope, protocol: string, token: Address | undefined): void {
  if (token) s.push({ kind: 'buy', protocol, token, where: s.where });
}


export const uniswapV2Router = callFamily(
  'Uniswap V2 router',
  parseAbi([
    'function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)',
    'function swapTokensForExactTokens(uint256 amountOut, uint256 amountInMax, address[] path, address to, uint256 deadline)',
    'function swapExactETHForTokens(uint256 amountOutMin, address[] path, address to, uint256 deadline) payable',
    'function swapTokensForExactETH(uint256 amountOut, uint256 amountInMax, address[] path, address to, uint256 deadline)',
    'function swapExactTokensForETH(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)',
    'function swapETHForExactTokens(uint256 amountOut, address[] path, address to, uint256 deadline) payable',
    'function swapExactTokensForTokensSupportingFeeOnTransferTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)',
    'function swapExactETHForTokensSupportingFeeOnTransferTokens(uint256 amountOutMin, address[] path, address to, uint256 deadline) payable',
    'function swapExactTokensForETHSupportingFeeOnTransferTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)',
    'function addLiquidity(address tokenA, address tokenB, uint256 amountADesired, uint256 amountBDesired, uint256 amountAMin, uint256 amountBMin, address to, uint256 deadline)',
    'function addLiquidityETH(address token, uint256 amountTokenDesired, uint256 amountTokenMin, uint256 amountETHMin, address to, uint256 deadline) payable',
    'function removeLiquidity(address tokenA, address tokenB, uint256 liquidity, uint256 amountAMin, uint256 amountBMin, address to, uint256 deadline)',
    'function removeLiquidityETH(address token, uint256 liquidity, uint256 amountTokenMin, uint256 amountETHMin, address to, uint256 deadline)',
  ] as const),
  (c, s) => {
    const protocol = 'Uniswap V2 router';
    // Every swap names its route as address[] path, from the token sold to the token bought.
    if (c.functionName.startsWith('swap')) {
      const path = (c.args as readonly unknown[]).find((a): a is readonly Address[] => Array.isArray(a));
      buy(s, protocol, path?.at(-1));
    }
    switch (c.functionName) {
      case 'swapExactETHForTokens':
      case 'swapETHForExactTokens':
      case 'swapExactETHForTokensSupportingFeeOnTransferTokens':
        return payout(s, protocol, c.args[2]);
      case 'addLiquidity':
        return payout(s, protocol, c.args[6]);
      case 'addLiquidityETH':
      case 'removeLiquidityETH':
        return payout(s, protocol, c.args[4]);
      case 'removeLiquidity':
        return payout(s, protocol, c.args[5]);
      default:
        return payout(s, protocol, c.args[3]);
    }
  },
);

export const uniswapV3Router = callFamily(
  'Uniswap V3 router',
  parseAbi([
    'function exactInputSingle((address tokenIn, address tokenOut, uint24 fee, address recipient, uint256 deadline, uint256 amountIn, uint256 amountOutMinimum, uint160 sqrtPriceLimitX96) params) payable',
    'function exactInput((bytes path, address recipient, uint256 deadline, uint256 amountIn, uint256 amountOutMinimum) params) payable',
    'function exactOutputSingle((address tokenIn, address tokenOut, uint24 fee, address recipient, uint256 deadline, uint256 amountOut, uint256 amountInMaximum, uint160 sqrtPriceLimitX96) params) payable',
    'function exactOutput((bytes path, address recipient, uint256 deadline, uint256 amountOut, uint256 amountInMaximum) params) payable',
    // SwapRouter02 dropped the deadline from the structs (it moved to multicall).
    'function exactInputSingle((address tokenIn, address tokenOut, uint24 fee, address recipient, uint256 amountIn, uint256 amountOutMinimum, uint160 sqrtPriceLimitX96) params) payable',
    'function exactInput((bytes path, address recipient, uint256 amountIn, uint256 amountOutMinimum) params) payable',
    'function exactOutputSingle((address tokenIn, address tokenOut, uint24 fee, address recipient, uint256 amountOut, uint256 amountInMaximum, uint160 sqrtPriceLimitX96) params) payable',
    'function exactOutput((bytes path, address recipient, uint256 amountOut, uint256 amountInMaximum) params) payable',
    'function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to) payable',
    'function swapTokensForExactTokens(uint256 amountOut, uint256 amountInMax, address[] path, address to) payable',
    'function unwrapWETH9(uint256 amountMinimum, address recipient) payable',
    'function unwrapWETH9(uint256 amountMinimum) payable',
    'function sweepToken(address token, uint256 amountMinimum, address recipient) payable',
    'function refundETH() payable',
    'function selfPermit(address token, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) payable',
  ] as const),
  (c, s) => {
    const protocol = 'Uniswap V3 router';
    switch (c.functionName) {
      case 'exactInputSingle':
      case 'exactOutputSingle':
        buy(s, protocol, c.args[0].tokenOut);
        return payout(s, protocol, c.args[0].recipient);
      case 'exactInput':
      case 'exactOutput':
        buy(s, protocol, v3PathOutput(c.args[0].path, c.functionName === 'exactOutput'));
        return payout(s, protocol, c.args[0].recipient);
      case 'swapExactTokensForTokens':
      case 'swapTokensForExactTokens':
        buy(s, protocol, c.args[2].at(-1));
        return payout(s, protocol, c.args[3]);
      case 'unwrapWETH9':
        // Without a recipient the coin goes to the caller.
        if (c.args.length === 2) payout(s, protocol, c.args[1]);
        return;
      case 'sweepToken':
        return payout(s, protocol, c.args[2]);
      default:
        return;
    }
  },
);

export const universalRouter = callFamily(
  'Uniswap Universal Router',
  parseAbi(['function execute(bytes commands, bytes[] inputs, uint256 deadline) payable', 'function execute(bytes commands, bytes[] inputs) payable'] as const),
  (c, s) => {
    const decoded = decodeUniversalRouter(c.args[0], c.args[1], s.where);
    if (s.mine) decoded.actions.forEach((a) => s.push(a));
    s.call.signature = `${s.call.signature} [${decoded.names.join(', ')}]`;
  },
);
