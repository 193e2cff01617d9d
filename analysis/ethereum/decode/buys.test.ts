// What a swap buys: the output token each router call names (the token-code rules read its code).
import { describe, expect, it } from 'vitest';
import { encodeFunctionData, getAddress, parseAbi, type Hex } from 'viem';
import { A, NOW_S, call, ur } from '../fixtures/build';
import { decodeCall } from './calldata';
import { v3PathOutput } from './universal-router';

const bought = (to: `0x${string}`, data: Hex) => decodeCall({ to, value: 0n, data }, A.user, 'transaction').flatMap((a) => (a.kind === 'buy' ? [a.token] : []));
const v3Path = (...hops: string[]) => `0x${hops.map((h) => h.replace(/^0x/, '')).join('')}` as Hex;
const FEE = '000bb8';

const exactOutput = parseAbi(['function exactOutput((bytes path, address recipient, uint256 amountOut, uint256 amountInMaximum) params) payable']);

describe('swaps say what they buy', () => {
  it('Uniswap V2: the last token of the path', () => {
    expect(bought(A.v2Router, call.v2SwapExactTokensForTokens(1n, 1n, [A.usdc, A.weth, A.trapToken], A.user, BigInt(NOW_S)))).toEqual([getAddress(A.trapToken)]);
  });

  it('Uniswap V3 exactInputSingle: tokenOut', () => {
    expect(bought(A.swapRouter02, call.v3ExactInputSingle(A.usdc, A.trapToken, A.user, 1n, 1n))).toEqual([getAddress(A.trapToken)]);
  });

  it('Uniswap V3 exactOutput: the path is reversed, so the first token is the one bought', () => {
    const data = encodeFunctionData({ abi: exactOutput, functionName: 'exactOutput', args: [{ path: v3Path(A.trapToken, FEE, A.weth), recipient: A.user, amountOut: 1n, amountInMaximum: 2n }] });
    expect(bought(A.swapRouter02, data)).toEqual([getAddress(A.trapToken)]);
  });

  it('Universal Router V2 and V3 swaps, the caller sentinel as recipient included', () => {
    const data = call.urExecute('0x0800', [ur.v2SwapExactIn(ur.MSG_SENDER, 1n, 1n, [A.weth, A.usdc], true), ur.v3SwapExactIn(ur.ADDRESS_THIS, 1n, 1n, v3Path(A.usdc, FEE, A.trapToken), false)], BigInt(NOW_S));
    expect(bought(A.universalRouter, data)).toEqual([getAddress(A.usdc), getAddress(A.trapToken)]);
  });

  it('a malformed V3 path buys nothing', () => {
    expect(v3PathOutput('0x1234', false)).toBeUndefined();
    expect(v3PathOutput(v3Path(A.usdc, FEE), false)).toBeUndefined();
  });
});
