// Property-based tests of the normalizer and its value readers: whatever the page sends, they return
// a typed request or a clear error — never throw, never hang — and equivalent encodings read the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeRequest } from '../normalize/request';
import { InputError, readAddress, readChainId, readHex, readQuantity } from '../normalize/values';
import { GUARDED_METHODS, MAX_MS_PER_RUN, cyclic, junk, nested, oddAddress, oddHex, oddNumber } from './arbitraries';

/** A reader either returns or throws an InputError (a clear message), nothing else, in bounded time. */
function readsOrSaysWhy<T>(read: () => T): { ok: true; value: T } | { ok: false } {
  const start = performance.now();
  try {
    return { ok: true, value: read() };
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(InputError);
    return { ok: false };
  } finally {
    expect(performance.now() - start).toBeLessThan(MAX_MS_PER_RUN);
  }
}

const method = fc.oneof(fc.constantFrom(...GUARDED_METHODS), fc.string({ maxLength: 20 }));

describe('value readers', { timeout: 60_000 }, () => {
  it('readHex returns lower-case even-length 0x hex or an InputError', () => {
    fc.assert(
      fc.property(fc.oneof(oddHex, junk), (v) => {
        const r = readsOrSaysWhy(() => readHex(v, 'data'));
        if (r.ok) expect(r.value).toMatch(/^0x([0-9a-f]{2})*$/);
      }),
      { numRuns: 4000 },
    );
  });

  it('readQuantity returns a uint256 or an InputError (negative, fractional, too wide and non-numbers are refused)', () => {
    fc.assert(
      fc.property(fc.oneof(oddNumber, junk), (v) => {
        const r = readsOrSaysWhy(() => readQuantity(v, 'value'));
        if (r.ok) {
          expect(r.value >= 0n).toBe(true);
          expect(r.value < 1n << 256n).toBe(true);
        }
      }),
      { numRuns: 4000 },
    );
  });

  it('readChainId returns a safe non-negative integer or an error', () => {
    fc.assert(
      fc.property(fc.oneof(oddNumber, junk), (v) => {
        const r = readsOrSaysWhy(() => readChainId(v));
        if (r.ok) expect(Number.isSafeInteger(r.value) && r.value >= 0).toBe(true);
      }),
      { numRuns: 2500 },
    );
  });

  it('readAddress returns a checksummed 20-byte address or an error', () => {
    fc.assert(
      fc.property(fc.oneof(oddAddress, junk), (v) => {
        const r = readsOrSaysWhy(() => readAddress(v, 'to'));
        if (r.ok) expect(r.value).toMatch(/^0x[0-9a-fA-F]{40}$/);
      }),
      { numRuns: 2500 },
    );
  });

  it('quantities read the same as hex in any case, zero-padded, as decimal and as a number', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 256n) - 1n }), fc.nat({ max: 8 }), (n, pad) => {
        const hex = n.toString(16);
        const forms: unknown[] = [n, `0x${hex}`, `0x${hex.toUpperCase()}`, `0X${hex}`, `0x${'0'.repeat(Math.min(pad, 64 - hex.length))}${hex}`, n.toString()];
        if (n <= BigInt(Number.MAX_SAFE_INTEGER)) forms.push(Number(n));
        for (const f of forms) expect(readQuantity(f, 'value'), String(f)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('addresses read the same in lower, upper and checksummed case, zero-padded to 32 bytes and as integers', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 160n) - 1n }), (n) => {
        const body = n.toString(16).padStart(40, '0');
        const expected = readAddress(`0x${body}`, 'to');
        for (const f of [`0x${body.toUpperCase()}`, expected, expected.toLowerCase(), `0x${'0'.repeat(24)}${body}`, n]) expect(readAddress(f, 'to'), String(f)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('normalizeRequest', { timeout: 60_000 }, () => {
  it('never throws: any request gives a typed request or an error', () => {
    fc.assert(
      fc.property(fc.oneof(junk, fc.record({ method, params: junk }, { requiredKeys: [] }), fc.record({ method, params: fc.array(junk, { maxLength: 4 }) })), (raw) => {
        const start = performance.now();
        const r = normalizeRequest(raw);
        expect(performance.now() - start).toBeLessThan(MAX_MS_PER_RUN);
        expect(r.request !== undefined || typeof r.error === 'string').toBe(true);
        if (r.error !== undefined) expect(r.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads transaction fields of any shape into a transaction or an error', () => {
    const field = fc.oneof(oddNumber, oddAddress, oddHex, junk);
    const txObject = fc.record({ from: field, to: field, value: field, data: field, input: field, chainId: field, gas: field, authorizationList: fc.oneof(junk, fc.array(fc.record({ chainId: field, address: field, nonce: field }, { requiredKeys: [] }), { maxLength: 3 })) }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.constantFrom('eth_sendTransaction', 'eth_signTransaction', 'wallet_sendCalls', 'eth_call'), txObject, (m, t) => {
        const params = m === 'wallet_sendCalls' ? [{ calls: [t], chainId: t.chainId, from: t.from }] : [t];
        const r = normalizeRequest({ method: m, params });
        expect(r.request !== undefined || typeof r.error === 'string').toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('copes with cyclic and deeply nested objects from direct callers', () => {
    fc.assert(
      fc.property(fc.constantFrom(...GUARDED_METHODS), fc.integer({ min: 0, max: 5_000 }), fc.boolean(), (m, levels, asArray) => {
        const deep = nested(levels, cyclic({ chainId: '0x1' }), asArray);
        for (const params of [[deep], [A_SIGNER, deep], [cyclic({ to: A_SIGNER, data: '0x', chainId: '0x1' })], cyclic({ method: m, calls: [] })]) {
          const r = normalizeRequest({ method: m, params });
          expect(r.request !== undefined || typeof r.error === 'string').toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});

const A_SIGNER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
