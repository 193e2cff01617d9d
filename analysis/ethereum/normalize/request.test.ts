import { describe, expect, it } from 'vitest';
import { parseEther, serializeTransaction } from 'viem';
import { executionPermission, grantPermissions } from '../fixtures/build';
import { normalizeRequest } from './request';

const USER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

describe('normalizeRequest', () => {
  it('reads personal_sign in both parameter orders', () => {
    const a = normalizeRequest({ method: 'personal_sign', params: ['0x68656c6c6f', USER] });
    const b = normalizeRequest({ method: 'personal_sign', params: [USER, '0x68656c6c6f'] });
    expect(a.request).toEqual(b.request && { ...b.request, paramsSwapped: false });
    expect(b.notes).toContain('personal_sign parameters are in reverse order');
  });
  it('signs plain text as UTF-8 bytes', () => {
    const r = normalizeRequest({ method: 'personal_sign', params: ['hello', USER] });
    expect(r.request).toMatchObject({ kind: 'message', data: '0x68656c6c6f' });
  });
  it('reads typed data as a string or an object, in either order', () => {
    const td = { types: { EIP712Domain: [], M: [{ name: 'a', type: 'uint256' }] }, primaryType: 'M', domain: {}, message: { a: '1' } };
    const s = normalizeRequest({ method: 'eth_signTypedData_v4', params: [USER, JSON.stringify(td)] });
    const o = normalizeRequest({ method: 'eth_signTypedData_v4', params: [td, USER] });
    expect(s.request?.kind).toBe('typed-data');
    expect(o.request?.kind).toBe('typed-data');
  });
  it('refuses megabyte and deeply nested typed data', () => {
    const big = normalizeRequest({ method: 'eth_signTypedData_v4', params: [USER, 'x'.repeat(2_000_000)] });
    expect(big.error).toMatch(/larger/);
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = { d: deep };
    const nested = normalizeRequest({ method: 'eth_signTypedData_v4', params: [USER, { types: {}, primaryType: 'X', message: deep }] });
    expect(nested.error).toMatch(/nested/);
  });
  it('reads legacy v1 typed data', () => {
    const r = normalizeRequest({ method: 'eth_signTypedData', params: [[{ type: 'string', name: 'msg', value: 'hi' }], USER] });
    expect(r.request?.kind).toBe('typed-data-legacy');
  });
  it('reads wallet_sendCalls with hex chain id and inherits from', () => {
    const r = normalizeRequest({ method: 'wallet_sendCalls', params: [{ version: '2.0.0', chainId: '0x01', from: USER, calls: [{ to: USER, value: '0x1' }] }] });
    expect(r.request).toMatchObject({ kind: 'calls', chainId: 1, calls: [{ from: USER, value: 1n, chainId: 1 }] });
  });
  it('rejects data and input that disagree', () => {
    expect(normalizeRequest({ method: 'eth_sendTransaction', params: [{ to: USER, data: '0x01', input: '0x02' }] }).error).toMatch(/different/);
  });
  it('finds authorization lists on any method', () => {
    const r = normalizeRequest({ method: 'wallet_signAuthorizations', params: [{ authorizationList: [{ chainId: '0x0', address: USER }] }] });
    expect(r.request).toMatchObject({ kind: 'authorizations', authorizations: [{ chainId: 0 }] });
  });
  it('reports junk instead of throwing', () => {
    for (const junk of [null, 42, 'x', { method: 7 }, { method: 'eth_sendTransaction' }, { method: 'eth_sign', params: [1] }, { method: 'wallet_addEthereumChain', params: [{}] }]) {
      const r = normalizeRequest(junk);
      expect(r.error).toBeTypeOf('string');
    }
  });
  it('reads the methods that take a transaction like eth_sendTransaction', () => {
    const t = { from: USER, to: USER, value: '0x1' };
    for (const method of ['eth_sendTransactionSync', 'wallet_sendTransaction', 'eth_sendUnsignedTransaction', 'personal_sendTransaction']) {
      expect(normalizeRequest({ method, params: [t, 'passphrase'] }).request, method).toMatchObject({ kind: 'transaction', tx: { to: USER, value: 1n } });
    }
  });
  it('reads a signed raw transaction', () => {
    const raw = serializeTransaction({ chainId: 10, type: 'eip1559', to: USER, value: parseEther('2'), maxFeePerGas: 1n, maxPriorityFeePerGas: 1n, gas: 21000n }, { r: `0x${'1'.repeat(64)}`, s: `0x${'2'.repeat(64)}`, yParity: 0 });
    expect(normalizeRequest({ method: 'eth_sendRawTransaction', params: [raw] }).request).toMatchObject({ kind: 'transaction', tx: { to: USER, value: 2n * 10n ** 18n, chainId: 10, presigned: true } });
    expect(normalizeRequest({ method: 'eth_sendRawTransactionSync', params: ['0x1234'] }).error).toMatch(/does not parse/);
  });
  it('reads ERC-7715 requests in viem\'s and in MetaMask\'s shape', () => {
    const mm = normalizeRequest(executionPermission(USER, { type: 'erc20-token-stream', data: { tokenAddress: USER, amountPerSecond: '0x10', maxAmount: '0x1000', initialAmount: '0x1' } }, 1_800_000_000));
    expect(mm.request).toMatchObject({ kind: 'permissions', chainId: 1, grants: [{ type: 'erc20-token-stream', grantee: USER, token: USER, amount: 0x1000n, perSecond: 0x10n, expiry: 1_800_000_000n, adjustable: true }] });
    const draft = normalizeRequest(grantPermissions(USER, [{ type: 'erc20-token-transfer', data: { address: USER, ticker: 'X' }, policies: [{ type: 'token-allowance', data: { allowance: '0x64' } }] }], 1_800_000_000));
    expect(draft.request).toMatchObject({ kind: 'permissions', grants: [{ type: 'erc20-token-transfer', grantee: USER, token: USER, amount: 100n, expiry: 1_800_000_000n }] });
    const unreadable = normalizeRequest(executionPermission(USER, { type: 'native-token-periodic', data: { periodAmount: 'lots', periodDuration: 86400 } }));
    expect(unreadable.request).toMatchObject({ grants: [{ token: 'native', amountUnreadable: true, periodSeconds: 86400 }] });
    expect(normalizeRequest({ method: 'wallet_grantPermissions', params: [{ expiry: 1 }] }).error).toMatch(/no list of permissions/);
  });
  it('reads fields as the request\'s own, never through a prototype', () => {
    const inherited = Object.create({ value: '0x3635c9adc5dea00000' }) as Record<string, unknown>;
    inherited.to = USER;
    expect(normalizeRequest({ method: 'eth_sendTransaction', params: [inherited] }).request).toMatchObject({ tx: { value: 0n } });
    const parsed = JSON.parse(`[{"to":"${USER}","__proto__":{"value":"0x1"}}]`) as unknown;
    const r = normalizeRequest({ method: 'eth_sendTransaction', params: parsed });
    expect(r.request).toMatchObject({ tx: { value: 0n } });
    expect(r.differences.map((d) => d.kind)).toEqual(['prototype-key']);
  });
  it('finds a __proto__ key inside typed data given as JSON text', () => {
    const text = '{"types":{"M":[{"name":"a","type":"uint256"}]},"primaryType":"M","domain":{},"message":{"a":"1","__proto__":{"spender":"0x1"}}}';
    const r = normalizeRequest({ method: 'eth_signTypedData_v4', params: [USER, text] });
    expect(r.differences.map((d) => [d.kind, d.where])).toEqual([['prototype-key', 'typed data.message']]);
  });
  it('reports the prototype key even when the rest cannot be read', () => {
    const r = normalizeRequest({ method: 'eth_sendTransaction', params: JSON.parse('[{"to":"nope","__proto__":{"value":"0x1"}}]') as unknown });
    expect(r.error).toBeTypeOf('string');
    expect(r.differences.map((d) => d.kind)).toEqual(['prototype-key']);
  });
  it('lists fields other wallets read differently, and only those', () => {
    const r = normalizeRequest({ method: 'wallet_sendCalls', params: [{ chainId: '10', from: USER, calls: [{ to: USER, value: '0x10', data: '0x123' }, { to: USER, value: '25' }] }] });
    expect(r.differences.map((d) => d.where)).toEqual(['batch chain id', 'call 1 data', 'call 2 value']);
    expect(normalizeRequest({ method: 'eth_sendTransaction', params: [{ to: USER, value: '0x10', data: '0x1234', chainId: '0x0001' }] }).differences).toEqual([]);
  });
});
