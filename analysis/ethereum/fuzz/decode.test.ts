// Property-based tests of the decoders: calldata with every known selector followed by random, truncated
// or hostile ABI bytes (huge offsets and lengths, deep wrappers), messages of any bytes and typed data of
// any shape become actions — or a clear error finding through analyzeRequest — never an exception or a hang.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Hex } from 'viem';
import { knownFunctions } from '../decode/abis';
import { decodeCall } from '../decode/calldata';
import { decodeMessage } from '../decode/message';
import { decodeTypedData } from '../decode/typed-data';
import { A } from '../fixtures/build';
import { readTypedData } from '../normalize/typed-data';
import { A_USER, MAX_MS_PER_RUN, ORIGIN, analyzeChecked, junk, oddNumber, unicodeText } from './arbitraries';

const selectors = [...knownFunctions.keys()];
const word = fc.oneof(
  fc.bigInt({ min: 0n, max: (1n << 256n) - 1n }).map((n) => n.toString(16).padStart(64, '0')),
  fc.constantFrom('0'.repeat(64), 'f'.repeat(64), '0'.repeat(62) + '20', '0'.repeat(62) + '40', '0'.repeat(56) + 'ffffffff', '0'.repeat(24) + A.user.slice(2).toLowerCase(), '0'.repeat(63) + '1'),
);
/** Calldata for a known function: ABI words that are plausible, odd offsets and lengths, or cut short. */
const calldata = fc
  .tuple(fc.oneof(fc.constantFrom(...selectors), fc.constantFrom('00000000', 'ffffffff')), fc.array(word, { maxLength: 24 }), fc.nat({ max: 70 }))
  .map(([selector, words, cut]) => {
    const body = words.join('');
    return `${selector.startsWith('0x') ? selector : `0x${selector}`}${body.slice(0, Math.max(0, body.length - (cut % 2 === 0 ? cut : cut + 1)))}` as Hex;
  });

function timed<T>(f: () => T): T {
  const start = performance.now();
  const out = f();
  expect(performance.now() - start).toBeLessThan(MAX_MS_PER_RUN);
  return out;
}

describe('decoders', { timeout: 60_000 }, () => {
  it(`decodeCall turns any calldata for the ${selectors.length} known selectors into actions without throwing`, () => {
    fc.assert(
      fc.property(calldata, fc.bigInt({ min: 0n, max: (1n << 256n) - 1n }), fc.constantFrom(A.usdc, A.universalRouter, A.swapRouter02, A.permit2, A.unknownContract, undefined), (data, value, to) => {
        const actions = timed(() => decodeCall({ to, value, data }, A_USER, 'transaction'));
        expect(Array.isArray(actions)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('analyzeRequest gives a verdict for any calldata sent to the routers, tokens and unknown contracts', async () => {
    await fc.assert(
      fc.asyncProperty(calldata, fc.constantFrom(A.usdc, A.universalRouter, A.swapRouter02, A.oneInchV6, A.seaport16, A.unknownContract), async (data, to) => {
        const v = await analyzeChecked({ request: { method: 'eth_sendTransaction', params: [{ from: A_USER, to, data }] }, origin: ORIGIN, chainId: 1 });
        expect(v.findings.some((f) => f.id === 'internal.error'), JSON.stringify(v.findings.filter((f) => f.id === 'internal.error'))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('decodeMessage reads any bytes: binary, invalid UTF-8, unicode, control characters', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 300 }).map((b) => `0x${Buffer.from(b).toString('hex')}` as Hex),
      unicodeText.map((t) => `0x${Buffer.from(t, 'utf8').toString('hex')}` as Hex),
      fc.constantFrom<Hex>('0x', '0xff', '0xc0af', '0xeda080', `0x${'00'.repeat(32)}`, `0x${'ef'.repeat(100_000)}`),
    );
    fc.assert(
      fc.property(fc.constantFrom('eth_sign' as const, 'personal_sign' as const), bytes, (method, data) => {
        const action = timed(() => decodeMessage(method, data));
        expect(action).toBeDefined();
      }),
      { numRuns: 3000 },
    );
  });

  it('typed-data decoders read well-typed data with hostile values (Permit2, Seaport, EIP-2612 shapes) without throwing', () => {
    const value = fc.oneof(oddNumber, junk, unicodeText);
    const shapes = fc.constantFrom(
      { primaryType: 'PermitSingle', types: { PermitSingle: [{ name: 'details', type: 'PermitDetails' }, { name: 'spender', type: 'address' }, { name: 'sigDeadline', type: 'uint256' }], PermitDetails: [{ name: 'token', type: 'address' }, { name: 'amount', type: 'uint160' }, { name: 'expiration', type: 'uint48' }, { name: 'nonce', type: 'uint48' }] }, domain: { name: 'Permit2', chainId: 1, verifyingContract: A.permit2 } },
      { primaryType: 'Permit', types: { Permit: [{ name: 'owner', type: 'address' }, { name: 'spender', type: 'address' }, { name: 'value', type: 'uint256' }, { name: 'nonce', type: 'uint256' }, { name: 'deadline', type: 'uint256' }] }, domain: { name: 'USD Coin', version: '2', chainId: 1, verifyingContract: A.usdc } },
      { primaryType: 'OrderComponents', types: { OrderComponents: [{ name: 'offerer', type: 'address' }, { name: 'offer', type: 'OfferItem[]' }, { name: 'consideration', type: 'ConsiderationItem[]' }], OfferItem: [{ name: 'token', type: 'address' }], ConsiderationItem: [{ name: 'recipient', type: 'address' }] }, domain: { name: 'Seaport', version: '1.6', chainId: 1, verifyingContract: A.seaport16 } },
    );
    const keys = fc.constantFrom('details', 'spender', 'sigDeadline', 'token', 'amount', 'expiration', 'owner', 'value', 'deadline', 'offerer', 'offer', 'consideration', 'recipient', 'startAmount', 'itemType', 'nonce');
    const messageValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, value, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(keys, tie('node'), { maxKeys: 6 })),
    })).node;
    fc.assert(
      fc.property(shapes, fc.dictionary(keys, messageValue, { maxKeys: 8 }), (shape, message) => {
        const json = JSON.stringify({ ...shape, message }, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
        let parsed;
        try {
          parsed = readTypedData(json, []);
        } catch {
          return; // refused with an InputError: reported by input.unreadable
        }
        if (parsed.kind !== 'eip712') return;
        const actions = timed(() => decodeTypedData(parsed.typedData, A_USER));
        expect(Array.isArray(actions)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
