import { describe, expect, it } from 'vitest';
import { encodeFunctionData, getAddress, parseAbi, type Address } from 'viem';
import { A, MAX, NOW_S, ONE_INCH_TRAITS, call, cowOrder, daiPermit, erc2612Permit, eth, hexOf, nft, oneInchOrder, permit2Single, serializedTx, seaportOrder, siweMessage, uniswapXOrder, ur, blurOrder, zeroExNftOrder } from '../fixtures/build';
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

  it('chooses the permit decoder by the declared types, not by the keys in the message', () => {
    const permit = erc2612Permit(A.usdc, 'USD Coin', '2', A.user, A.attacker, MAX, NOW_S + 3600);
    const [, approval] = decodeTypedData(td({ ...permit, message: { ...permit.message, allowed: false } }), A.user);
    expect(approval).toMatchObject({ kind: 'approval', standard: 'permit', amount: MAX, unlimited: true, revokes: false });
    const [, revoke] = decodeTypedData(td(daiPermit(A.user, A.swapRouter02, false, 0)), A.user);
    expect(revoke).toMatchObject({ standard: 'dai-permit', revokes: true, unlimited: false });
  });

  it('reads amounts as the wallet hashes them, and an unreadable one as unlimited, never 0', () => {
    const permit = erc2612Permit(A.usdc, 'USD Coin', '2', A.user, A.attacker, 0n, NOW_S + 3600);
    for (const value of [`0o${MAX.toString(8)}`, `0b${MAX.toString(2)}`, ` ${MAX} `, `0X${MAX.toString(16).toUpperCase()}`]) {
      expect(decodeTypedData(td({ ...permit, message: { ...permit.message, value } }), A.user)[1], value).toMatchObject({ amount: MAX, revokes: false });
    }
    const [meta, approval] = decodeTypedData(td({ ...permit, message: { ...permit.message, value: 'ff' } }), A.user);
    expect(approval).toMatchObject({ amount: MAX, unlimited: true, revokes: false, amountUnreadable: true });
    expect(meta).toMatchObject({ unreadable: [{ path: 'message.value', treatedAs: 'unlimited' }] });
    const p2 = permit2Single(A.usdc, 0n, A.attacker, NOW_S, NOW_S);
    const [, single] = decodeTypedData(td({ ...p2, message: { ...p2.message, details: { ...p2.message.details, amount: 'all' } } }), A.user);
    expect(single).toMatchObject({ standard: 'permit2-single', unlimited: true, amountUnreadable: true });
  });

  it('reads a UniswapX order per recipient: the swapper\'s output is what they get, the fee is paid to others', () => {
    const order = uniswapXOrder(A.user, { token: A.usdc, amount: 1000n }, [{ token: A.weth, start: 310n, end: 300n, recipient: A.user }, { token: A.weth, start: 2n, end: 1n, recipient: A.feeCollector }], NOW_S);
    const actions = decodeTypedData(td(order), A.user);
    expect(actions.find((a) => a.kind === 'order')).toMatchObject({ market: 'UniswapX', gives: [{ token: A.usdc, amount: 1000n }], receives: [{ token: A.weth, amount: 300n }], paysOthers: [{ amount: 1n, recipient: getAddress(A.feeCollector) }] });
    expect(actions.some((a) => a.kind === 'payout')).toBe(false);
  });

  it('reads a 1inch order, its receiver and whether its proceeds go through an extension', () => {
    const [, plain] = decodeTypedData(td(oneInchOrder(A.user, A.usdc, 1000n, A.weth, 3n)), A.user);
    expect(plain).toMatchObject({ market: '1inch', gives: [{ token: A.usdc, amount: 1000n }], receives: [{ token: A.weth, amount: 3n }], paysOthers: [] });
    const [, fusion] = decodeTypedData(td(oneInchOrder(A.user, A.usdc, 1000n, A.weth, 3n, A.oneInchSettlement, ONE_INCH_TRAITS.postInteraction | ONE_INCH_TRAITS.expiration(NOW_S))), A.user);
    expect(fusion).toMatchObject({ receives: [], paysOthers: [{ recipient: getAddress(A.oneInchSettlement), forwarded: true }], endTime: BigInt(NOW_S) });
  });

  it('reads a CoW order: sell amount plus fee given, buy amount to the receiver', () => {
    const order = cowOrder(A.usdc, 1000n, A.weth, 3n, NOW_S, A.friend);
    const [, cow] = decodeTypedData(td({ ...order, message: { ...order.message, feeAmount: '5' } }), A.user);
    expect(cow).toMatchObject({ market: 'CoW Protocol', gives: [{ token: A.usdc, amount: 1005n }], receives: [], paysOthers: [{ token: A.weth, amount: 3n, recipient: A.friend }], endTime: BigInt(NOW_S) });
  });

  it('counts the fees of a 0x NFT bid as paid by the signer, and not those of a listing', () => {
    const fees = [{ recipient: A.openseaFees, amount: 25n }];
    const [, bid] = decodeTypedData(td(zeroExNftOrder(1, A.user, A.bayc, 1n, A.weth, 1000n, fees)), A.user);
    expect(bid).toMatchObject({ gives: [{ token: A.weth, amount: 1025n }], paysOthers: [{ amount: 25n }] });
    const [, listing] = decodeTypedData(td(zeroExNftOrder(0, A.user, A.bayc, 1n, A.weth, 1000n, fees)), A.user);
    expect(listing).toMatchObject({ receives: [{ amount: 1000n }], paysOthers: [] });
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
