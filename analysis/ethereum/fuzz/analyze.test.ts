// Property-based tests of the whole analysis (normalize → decode → rules → verdict) with hostile input.
// Every input ends in a verdict within a bounded time and size, nothing throws out of analyzeRequest,
// and a guarded request that could not be read is never allowed.
//
// "Could not be read", precisely: normalizeRequest returns an `error` for a guarded method (the method
// is one the firewall guards, or the params carry an `authorizationList`). Such a request must come out
// as `warn` or `block` and carry `input.unreadable`. The generators below also build requests that are
// malformed by construction (a broken field the wallet could not parse either); for those the normalizer
// must report the error — accepting them silently would let the rules examine something else than the
// wallet would sign.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { A, MAX, call } from '../fixtures/build';
import { normalizeRequest } from '../normalize/request';
import { A_USER, GUARDED_METHODS, ORIGIN, analyzeChecked, cyclic, junk, nested, oddAddress, oddHex, oddNumber, unicodeText } from './arbitraries';

const atLeastWarn = (v: { verdict: string }) => expect(v.verdict).not.toBe('allow');
const ids = (v: { findings: { id: string }[] }) => v.findings.map((f) => f.id);

/** Guarded request whose read failed: never allowed, and says so. */
async function checkUnreadable(request: unknown, extra: Record<string, unknown> = {}) {
  const v = await analyzeChecked({ request, origin: ORIGIN, chainId: 1, from: A_USER, ...extra });
  const read = normalizeRequest(request);
  if (read.error !== undefined) {
    atLeastWarn(v);
    expect(ids(v)).toContain('input.unreadable');
  }
  return { v, read };
}

const field = fc.oneof(oddNumber, oddAddress, oddHex, junk);
const txObject = fc.record(
  { from: field, to: field, value: field, data: field, input: field, chainId: field, gas: field, authorizationList: fc.oneof(junk, fc.array(fc.record({ chainId: field, address: field, nonce: field }, { requiredKeys: [] }), { maxLength: 3 })) },
  { requiredKeys: [] },
);

/** A JSON typed-data value with hostile parts: unknown or missing primary types, odd field types, unicode names. */
const typeName = fc.oneof(fc.constantFrom('Mail', 'Person', 'EIP712Domain', 'PermitSingle', 'Order', '', 'uint256', 'address[]', 'Mail[]', 'string'), unicodeText);
const fieldType = fc.oneof(fc.constantFrom('uint256', 'int8', 'uint7', 'uint999', 'bytes32', 'bytes33', 'bytes', 'string', 'address', 'bool', 'Mail', 'Mail[]', 'Person[][3]', 'EIP712Domain', 'address[]', 'tuple', ''), unicodeText);
const typedDataValue = fc.record(
  {
    types: fc.oneof(junk, fc.dictionary(typeName, fc.array(fc.record({ name: fc.oneof(unicodeText, fc.constantFrom('to', 'from', 'amount', 'spender', 'value')), type: fieldType }), { maxLength: 5 }), { maxKeys: 4 })),
    primaryType: fc.oneof(typeName, junk),
    domain: fc.oneof(junk, fc.record({ name: unicodeText, version: fc.string({ maxLength: 4 }), chainId: oddNumber, verifyingContract: oddAddress }, { requiredKeys: [] })),
    message: fc.oneof(junk, fc.dictionary(fc.oneof(unicodeText, fc.constantFrom('to', 'from', 'amount', 'spender', 'value', 'details')), field, { maxKeys: 5 })),
  },
  { requiredKeys: [] },
);

describe('analyzeRequest with hostile input', { timeout: 60_000 }, () => {
  it('any method with any params ends in a verdict; guarded unreadable requests are at least warn', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...GUARDED_METHODS), fc.string({ maxLength: 20 })), fc.oneof(junk, fc.array(junk, { maxLength: 4 })), junk, junk, async (method, params, chainId, from) => {
        const request = { method, params };
        const { v, read } = await checkUnreadable(request, { chainId, from });
        if (read.request?.kind === 'unknown') expect(ids(v)).toContain('input.unknown-method');
      }),
      { numRuns: 2000 },
    );
  });

  it('transactions and batches with odd and broken fields end in a verdict; unreadable ones are at least warn', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('eth_sendTransaction', 'eth_signTransaction', 'wallet_sendCalls', 'eth_sendRawTransaction'), fc.array(txObject, { minLength: 1, maxLength: 3 }), field, async (method, txs, chainId) => {
        const params = method === 'wallet_sendCalls' ? [{ version: '2.0.0', chainId, from: txs[0]!.from, calls: txs }] : [txs[0]];
        await checkUnreadable({ method, params });
      }),
      { numRuns: 2000 },
    );
  });

  it('malformed by construction: a broken field in a guarded request is reported, never allowed', async () => {
    const broken = fc.constantFrom<[string, unknown]>(
      ['value', '-1'], ['value', -1], ['value', 1.5], ['value', '0x' + 'f'.repeat(65)], ['value', 'NaN'], ['value', {}],
      ['data', '0xzz'], ['data', 'hello'], ['data', 12], ['data', ['0x']],
      ['to', '0x1234'], ['to', '0x' + 'g'.repeat(40)], ['to', {}], ['to', -5], ['to', '0x' + 'a'.repeat(41)],
      ['from', 'vitalik.eth'], ['from', true],
      ['chainId', '-0x1'], ['chainId', 'mainnet'], ['chainId', 2 ** 60], ['chainId', '0x' + 'f'.repeat(20)],
      ['authorizationList', 'all'], ['authorizationList', [{ chainId: 1 }]], ['authorizationList', [{ chainId: 'x', address: A_USER }]],
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('eth_sendTransaction', 'eth_signTransaction', 'wallet_sendCalls', 'eth_call', 'eth_estimateGas'), broken, fc.nat({ max: 3 }), async (method, [key, bad], position) => {
        const good = { from: A_USER, to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', value: '0x1', data: '0x', chainId: '0x1' };
        const calls = Array.from({ length: position + 1 }, () => ({ ...good }));
        (calls[position] as Record<string, unknown>)[key] = bad;
        const params = method === 'wallet_sendCalls' ? [{ version: '2.0.0', calls }] : [calls[position]];
        // eth_call/eth_estimateGas are only guarded through their authorizationList.
        if (!method.startsWith('eth_s') && method !== 'wallet_sendCalls' && key !== 'authorizationList') return;
        const { v, read } = await checkUnreadable({ method, params });
        expect(read.error, `${method} ${key}=${String(bad)}`).toBeDefined();
        atLeastWarn(v);
      }),
      { numRuns: 1000 },
    );
  });

  it('messages: eth_sign and personal_sign with odd hex, unicode and swapped params end in a verdict', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('eth_sign', 'personal_sign'), fc.array(fc.oneof(oddHex, oddAddress, unicodeText, junk), { maxLength: 3 }), async (method, params) => {
        await checkUnreadable({ method, params });
      }),
      { numRuns: 1500 },
    );
  });

  it('typed data: unknown primary types, odd field types and unicode names end in a verdict; unreadable ones are at least warn', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('eth_signTypedData', 'eth_signTypedData_v1', 'eth_signTypedData_v3', 'eth_signTypedData_v4'), typedDataValue, fc.boolean(), fc.boolean(), async (method, td, asString, reversed) => {
        const data = asString ? JSON.stringify(td, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) : td;
        await checkUnreadable({ method, params: reversed ? [data, A_USER] : [A_USER, data] });
      }),
      { numRuns: 1500 },
    );
  });

  it('typed data: recursive types, deep nesting and cyclic objects end in a verdict', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3_000 }), fc.boolean(), fc.constantFrom('string', 'object', 'cyclic'), async (levels, asArray, form) => {
        const types = { EIP712Domain: [{ name: 'name', type: 'string' }], Node: [{ name: 'child', type: 'Node' }, { name: 'kids', type: 'Node[]' }, { name: 'v', type: 'uint256' }] };
        const message = nested(levels, { v: '1' }, asArray) as Record<string, unknown>;
        const td: Record<string, unknown> = { types, primaryType: 'Node', domain: { name: 'x' }, message };
        const data = form === 'string' ? JSON.stringify(td) : form === 'object' ? td : cyclic(td, 'message');
        await checkUnreadable({ method: 'eth_signTypedData_v4', params: [A_USER, data] });
      }),
      { numRuns: 100 },
    );
  });

  it('typed data of about a megabyte (just under and over the limit) ends in a verdict', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 900_000, max: 1_100_000 }), fc.constantFrom('one-string', 'many-fields', 'wide-array'), fc.boolean(), async (size, shape, asString) => {
        let message: Record<string, unknown>;
        if (shape === 'one-string') message = { contents: 'a'.repeat(size) };
        else if (shape === 'many-fields') message = Object.fromEntries(Array.from({ length: Math.floor(size / 16) }, (_, i) => [`f${i}`, String(i)]));
        else message = { list: Array.from({ length: Math.floor(size / 8) }, (_, i) => String(i)) };
        const fields = shape === 'many-fields' ? Object.keys(message).map((name) => ({ name, type: 'string' })) : shape === 'wide-array' ? [{ name: 'list', type: 'string[]' }] : [{ name: 'contents', type: 'string' }];
        const td = { types: { EIP712Domain: [{ name: 'name', type: 'string' }], Mail: fields }, primaryType: 'Mail', domain: { name: 'Ｍail ☃' }, message };
        await checkUnreadable({ method: 'eth_signTypedData_v4', params: [A_USER, asString ? JSON.stringify(td) : td] });
      }),
      { numRuns: 8 },
    );
  });

  it('batches of up to thousands of calls end in a verdict; over the limit they are at least warn', async () => {
    const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
    const approve = '0x095ea7b3000000000000000000000000000000000000000000000000000000000000dead' + 'f'.repeat(64);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer({ min: 1, max: 256 }), fc.constantFrom(256, 257), fc.integer({ min: 257, max: 5_000 })), fc.constantFrom('approve', 'empty', 'junk'), async (n, body) => {
        const call = body === 'approve' ? { to: USDC, data: approve } : body === 'empty' ? { to: A_USER, value: '0x1' } : { to: USDC, data: '0x12345678' + '00'.repeat(100) };
        const v = await analyzeChecked({ request: { method: 'wallet_sendCalls', params: [{ version: '2.0.0', chainId: '0x1', from: A_USER, calls: Array.from({ length: n }, () => call) }] }, origin: ORIGIN, chainId: 1 });
        if (n > 256) {
          atLeastWarn(v);
          expect(ids(v)).toContain('input.unreadable');
        }
        if (body === 'approve') atLeastWarn(v);
      }),
      { numRuns: 60 },
    );
  });

  it('a batch of multicalls (up to 256 × 128 nested calls) keeps the verdict small and is not allowed', async () => {
    const multicalls = new Map<number, `0x${string}`>();
    const multicall = (k: number) => multicalls.get(k) ?? multicalls.set(k, call.v3Multicall(0n, Array.from({ length: k }, () => call.approve(A.attacker, MAX)))).get(k)!;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer({ min: 1, max: 256 }), fc.constant(256)), fc.oneof(fc.integer({ min: 1, max: 128 }), fc.constant(128)), async (n, k) => {
        const calls = Array.from({ length: n }, () => ({ to: A.swapRouter02, data: multicall(k) }));
        const v = await analyzeChecked({ request: { method: 'wallet_sendCalls', params: [{ version: '2.0.0', chainId: '0x1', from: A_USER, calls }] }, origin: ORIGIN, chainId: 1 });
        atLeastWarn(v);
      }),
      { numRuns: 10 },
    );
  });

  it('megabyte texts (message, chain name, URLs, method name, origin) keep the verdict small', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 100_000, max: 1_200_000 }), fc.constantFrom('a', 'é', '🦄', 'а', '\n', '0'), fc.constantFrom('personal_sign', 'eth_sign', 'add-chain', 'method', 'origin', 'typed-name'), async (size, unit, where) => {
        const big = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
        let request: unknown = { method: 'personal_sign', params: [big, A_USER] };
        let origin = ORIGIN;
        if (where === 'eth_sign') request = { method: 'eth_sign', params: [A_USER, `0x${Buffer.from(big).toString('hex')}`] };
        if (where === 'add-chain') request = { method: 'wallet_addEthereumChain', params: [{ chainId: '0x1234', chainName: big, rpcUrls: [`https://${big}.example`], blockExplorerUrls: [`https://x.example/${big}`], nativeCurrency: { name: big, symbol: big, decimals: 18 } }] };
        if (where === 'method') request = { method: big, params: [] };
        if (where === 'origin') origin = { origin: `https://${big}.example` };
        if (where === 'typed-name') request = { method: 'eth_signTypedData_v4', params: [A_USER, JSON.stringify({ types: { EIP712Domain: [{ name: 'name', type: 'string' }], M: [{ name: 'x', type: 'string' }] }, primaryType: 'M', domain: { name: big.slice(0, 400_000) }, message: { x: '1' } })] };
        await checkUnreadable(request, { origin });
      }),
      { numRuns: 16 },
    );
  });

  it('wallet_addEthereumChain and wallet_switchEthereumChain with odd chain ids, unicode names and junk URLs end in a verdict', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('wallet_addEthereumChain', 'wallet_switchEthereumChain'),
        fc.record({ chainId: oddNumber, chainName: unicodeText, rpcUrls: fc.array(fc.oneof(fc.webUrl(), unicodeText, junk), { maxLength: 3 }), blockExplorerUrls: fc.oneof(junk, fc.array(fc.webUrl(), { maxLength: 2 })), nativeCurrency: fc.oneof(junk, fc.record({ name: unicodeText, symbol: unicodeText, decimals: oddNumber })) }, { requiredKeys: [] }),
        async (method, p) => {
          await checkUnreadable({ method, params: [p] });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('copes with cyclic request objects from direct callers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...GUARDED_METHODS, 'eth_call'), fc.constantFrom('params', 'param', 'request', 'origin'), async (method, where) => {
        const tx = { from: A_USER, to: A_USER, data: '0x', value: '0x0', chainId: '0x1' };
        let request: Record<string, unknown> = { method, params: [tx] };
        if (where === 'params') request = { method, params: cyclic({ ...tx, calls: [] }) };
        if (where === 'param') request = { method, params: [cyclic({ ...tx, calls: [tx], authorizationList: [] }), cyclic({})] };
        if (where === 'request') request = cyclic({ method, params: [tx] }, 'params');
        const origin = where === 'origin' ? cyclic({ origin: 'https://fuzz.example' }) : ORIGIN;
        await checkUnreadable(request, { origin });
      }),
      { numRuns: 200 },
    );
  });

  it('copes with objects whose every property read throws (Proxy, getters) from direct callers', async () => {
    const hostile = () => new Proxy({}, { get: () => { throw new Error('trap'); }, has: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); }, getPrototypeOf: () => { throw new Error('trap'); } });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...GUARDED_METHODS, 'eth_call'), fc.constantFrom('request', 'params', 'param', 'typed', 'input'), async (method, where) => {
        let request: unknown = { method, params: [hostile()] };
        if (where === 'request') request = hostile();
        if (where === 'params') request = { method, params: hostile() };
        if (where === 'typed') request = { method, params: [A_USER, hostile()] };
        const input = where === 'input' ? hostile() : { request, origin: ORIGIN, chainId: 1, from: A_USER };
        const v = await analyzeChecked(input);
        if ((GUARDED_METHODS as readonly string[]).includes(method) || where === 'request' || where === 'input') atLeastWarn(v);
      }),
      { numRuns: 200 },
    );
  });

  it('any request with an authorizationList is examined: unreadable ones are at least warn', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 24 }), fc.oneof(junk, fc.array(fc.record({ chainId: oddNumber, address: oddAddress, nonce: oddNumber }, { requiredKeys: [] }), { maxLength: 70 })), async (method, authorizationList) => {
        const { read } = await checkUnreadable({ method, params: [{ from: A_USER, authorizationList }] });
        if (authorizationList !== undefined && !['eth_sendTransaction', 'eth_signTransaction', 'wallet_sendCalls'].includes(method) && !GUARDED_METHODS.includes(method as never)) {
          expect(read.error !== undefined || read.request?.kind === 'authorizations').toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
