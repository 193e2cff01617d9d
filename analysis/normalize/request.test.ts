import { describe, expect, it } from 'vitest';
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
});
