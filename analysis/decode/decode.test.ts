import { describe, expect, it } from 'vitest';
import { encodeFunctionData, parseAbi, type Address } from 'viem';
import { A, MAX, NOW_S, call, eth, hexOf, nft, serializedTx, seaportOrder, siweMessage, ur, blurOrder } from '../fixtures/build';
import { normalizeRequest } from '../normalize/request';
import type { TypedDataInput } from '../normalize/typed-data';
import { decodeCall } from './calldata';
import { decodeMessage } from './message';
import { decodeTypedData } from './typed-data';

const td = (data: object): TypedDataInput => {
  const r = normalizeRequest({ method: 'eth_signTypedData_v4', params: [A.user, JSON.stringify(data)] });
  if (r.request?.kind !== 'typed-data') throw new Error(r.error);
  return r.request.typedData;
};

describe('calldata', () => {
  it('decodes a Universal Router program: Permit2 permit, swap to the caller sentinel', () => {
    const data = call.urExecute('0x0a08', [ur.permit2Permit(A.usdc, 1000n, NOW_S + 86400, A.universalRouter, BigInt(NOW_S)), ur.v2SwapExactIn(ur.MSG_SENDER, 1000n, 1n, [A.usdc, A.weth], true)], BigInt(NOW_S));
    const actions = decodeCall({ to: A.universalRouter, value: 0n, data }, A.user, 'transaction');
    expect(actions.find((a) => a.kind === 'call')).toMatchObject({ functionName: 'execute', family: 'Uniswap Universal Router' });
    expect(actions.find((a) => a.kind === 'approval')).toMatchObject({ standard: 'permit2-single', spender: A.universalRouter, amount: 1000n });
    expect(actions.some((a) => a.kind === 'payout')).toBe(false);
  });

  it('follows router multicalls and reports who receives the output', () => {
    const data = call.v3Multicall(0n, [call.v3ExactInputSingle(A.usdc, A.weth, A.friend, 1n, 1n)]);
    const actions = decodeCall({ to: A.swapRouter02, value: 0n, data }, A.user, 'transaction');
    expect(actions.filter((a) => a.kind === 'call').map((a) => a.kind === 'call' && a.depth)).toEqual([0, 1]);
    expect(actions.find((a) => a.kind === 'payout')).toMatchObject({ recipient: A.friend });
  });

  it('does not attribute Multicall3 sub-calls to the signer', () => {
    const agg = encodeFunctionData({ abi: parseAbi(['function aggregate3((address target, bool allowFailure, bytes callData)[] calls) payable']), functionName: 'aggregate3', args: [[{ target: A.usdc, allowFailure: false, callData: call.approve(A.attacker, MAX) }]] });
    const actions = decodeCall({ to: '0xcA11bde05977b3631167028862bE2a173976CA11', value: 0n, data: agg }, A.user, 'transaction');
    expect(actions.some((a) => a.kind === 'approval')).toBe(false);
    expect(actions.filter((a) => a.kind === 'call')).toHaveLength(2);
  });

  it('recognises payable scam names and leaves unknown selectors undecoded', () => {
    const [claim] = decodeCall({ to: A.drainerContract as Address, value: 1n, data: call.noArgs('SecurityUpdate()') }, A.user, 'transaction');
    expect(claim).toMatchObject({ kind: 'call', scamName: true, functionName: 'SecurityUpdate' });
    const [unknown] = decodeCall({ to: A.drainerContract as Address, value: 1n, data: '0x12345678' }, A.user, 'transaction');
    expect(unknown).toMatchObject({ kind: 'call', selector: '0x12345678' });
    expect(unknown?.kind === 'call' && unknown.signature).toBeUndefined();
  });
});

describe('typed data', () => {
  it('sums a Seaport order from the signer side', () => {
    const [, order] = decodeTypedData(td(seaportOrder(A.user, [nft(A.bayc, 1n)], [eth(90n), eth(10n, A.openseaFees)])), A.user);
    expect(order).toMatchObject({ kind: 'order', market: 'Seaport', receives: [{ asset: 'native', amount: 90n }], paysOthers: [{ amount: 10n, recipient: A.openseaFees }] });
  });

  it('reads a Blur sell order net of fees', () => {
    const [, order] = decodeTypedData(td(blurOrder(A.user, 1, A.azuki, 5n, 10_000n, [{ rate: 100, recipient: A.friend }])), A.user);
    expect(order).toMatchObject({ market: 'Blur', receives: [{ amount: 9_900n }], paysOthers: [{ amount: 100n }] });
  });

  it('marks typed data it does not know as unrecognised', () => {
    const [meta] = decodeTypedData(td({ types: { EIP712Domain: [], Mail: [{ name: 'body', type: 'string' }] }, primaryType: 'Mail', domain: {}, message: { body: 'hi' } }), A.user);
    expect(meta).toMatchObject({ kind: 'typed-data', recognised: false, primaryType: 'Mail' });
  });
});

describe('messages', () => {
  it('parses SIWE', () => {
    const m = decodeMessage('personal_sign', hexOf(siweMessage('app.example.org', 'https://app.example.org', A.user)));
    expect(m.siwe).toMatchObject({ domain: 'app.example.org', chainId: 1 });
    expect(m.siweMalformed).toBe(false);
  });
  it('tells hashes and transactions from text', () => {
    expect(decodeMessage('personal_sign', `0x${'ab'.repeat(32)}`).looksLikeHash).toBe(true);
    expect(decodeMessage('personal_sign', serializedTx(A.attacker)).transactionType).toBe('eip1559');
    expect(decodeMessage('personal_sign', hexOf('hello')).text).toBe('hello');
  });
});
