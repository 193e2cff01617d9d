// Shared pieces of the property-based tests: a fixed seed, run counts sized for ~60 s on 2 cores,
// generators of hostile values (odd hex, huge and negative numbers, unicode, deep and cyclic objects),
// and the checks every verdict must pass (bounded time and size, nothing thrown).
import fc from 'fast-check';
import { expect } from 'vitest';
import { analyzeRequest, type AnalysisDeps, type AnalysisInput } from '../index';
import type { Verdict } from '../../types';

/** One seed for every property, so CI replays the same inputs; override with FUZZ_SEED to explore. */
export const SEED = Number(process.env.FUZZ_SEED ?? 20_261_126);
fc.configureGlobal({ seed: SEED });

/** Generous guard against hangs only: a healthy run takes milliseconds. Never a performance assertion. */
export const MAX_MS_PER_RUN = 5_000;
/** The verdict is shown and stored: whatever the page sends, it stays this small (JSON characters). */
export const MAX_VERDICT_CHARS = 256 * 1024;

export const A_USER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
export const ORIGIN = { origin: 'https://fuzz.example' };

export const GUARDED_METHODS = [
  'eth_sendTransaction', 'eth_signTransaction', 'wallet_sendCalls', 'eth_sign', 'personal_sign', 'eth_signTypedData', 'eth_signTypedData_v1',
  'eth_signTypedData_v3', 'eth_signTypedData_v4', 'wallet_addEthereumChain', 'wallet_switchEthereumChain',
  // Read since the guard holds every signing namespace (issue 15 #6).
  'eth_sendTransactionSync', 'wallet_sendTransaction', 'eth_sendUnsignedTransaction', 'personal_sendTransaction', 'eth_sendRawTransaction', 'eth_sendRawTransactionSync',
  'wallet_prepareCalls', 'wallet_sendPreparedCalls', 'wallet_grantPermissions', 'wallet_requestExecutionPermissions',
] as const;

/** JSON with bigints (direct callers may put them in evidence) and without throwing on odd values. */
export function jsonSize(value: unknown): number {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)).length;
}

/** Runs the analysis and checks what holds for every input: a verdict, in bounded time and size. */
export async function analyzeChecked(input: unknown, deps: AnalysisDeps = {}): Promise<Verdict> {
  const start = performance.now();
  let verdict: Verdict;
  try {
    verdict = await analyzeRequest(input as AnalysisInput, { now: 1_735_689_600_000, ...deps });
  } catch (error) {
    throw new Error(`analyzeRequest threw: ${String(error)}`);
  }
  const ms = performance.now() - start;
  expect(ms, 'analysis time (hang guard)').toBeLessThan(MAX_MS_PER_RUN);
  expect(['allow', 'warn', 'block']).toContain(verdict.verdict);
  expect(typeof verdict.summary).toBe('string');
  expect(Array.isArray(verdict.findings)).toBe(true);
  for (const f of verdict.findings) {
    expect(['info', 'warn', 'danger']).toContain(f.severity);
    expect(typeof f.id).toBe('string');
  }
  expect(jsonSize(verdict), 'verdict JSON size').toBeLessThan(MAX_VERDICT_CHARS);
  return verdict;
}

const hexChars = fc.constantFrom(...'0123456789abcdefABCDEF');
const junkChars = fc.constantFrom(...'0123456789abcdefxXgGz -+._\n\t\u0000ａ٣０\u200b𝟎é');

/** Hex that wallets may accept (no 0x, odd length, upper case, spaces around) and hex that is not hex at all. */
export const oddHex = fc.oneof(
  fc.string({ unit: hexChars, maxLength: 80 }).map((s) => `0x${s}`),
  fc.string({ unit: hexChars, maxLength: 80 }).map((s) => `0X${s}`),
  fc.string({ unit: hexChars, maxLength: 80 }),
  fc.string({ unit: hexChars, maxLength: 80 }).map((s) => ` 0x${s} `),
  fc.string({ unit: junkChars, maxLength: 80 }),
  fc.string({ unit: junkChars, maxLength: 80 }).map((s) => `0x${s}`),
  fc.constantFrom('', '0x', '0X', '-0x1', '0x-1', '1e18', 'NaN', 'Infinity', '0x' + 'f'.repeat(65), '0x' + '0'.repeat(200) + '1', '9'.repeat(79), '0b101', '0o7', '１２３'),
);

/** Numbers as a page (or a direct caller) might send them: huge, negative, fractional, not numbers. */
export const oddNumber = fc.oneof(
  fc.bigInt({ min: -(1n << 300n), max: 1n << 300n }),
  fc.bigInt({ min: -(1n << 300n), max: 1n << 300n }).map((n) => (n < 0n ? `-0x${(-n).toString(16)}` : `0x${n.toString(16)}`)),
  fc.bigInt({ min: -(1n << 300n), max: 1n << 300n }).map((n) => n.toString()),
  fc.double(),
  fc.integer(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 1, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.MIN_VALUE, 2 ** 53, 1e308),
  oddHex,
);

/** An address-shaped value: valid in odd forms, or broken. */
export const oddAddress = fc.oneof(
  fc.string({ unit: hexChars, minLength: 40, maxLength: 40 }).map((s) => `0x${s}`),
  fc.string({ unit: hexChars, minLength: 40, maxLength: 40 }),
  fc.string({ unit: hexChars, minLength: 40, maxLength: 40 }).map((s) => `0x${'0'.repeat(24)}${s}`),
  fc.string({ unit: hexChars, minLength: 0, maxLength: 80 }).map((s) => `0x${s}`),
  fc.bigInt({ min: -(1n << 170n), max: 1n << 170n }),
  fc.bigInt({ min: 0n, max: 1n << 170n }).map((n) => n.toString()),
  oddHex,
  fc.constantFrom(null, undefined, 0, -1, 1.5, {}, [], 'vitalik.eth', '0x' + '9'.repeat(100_000), '9'.repeat(100_000)),
);

/** Strings in many scripts, look-alike letters, controls and astral characters. */
export const unicodeText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...'aаеοрсхуіјԁһɡıαν0o1lrnmvwcl-._ 🦄\u200d\u202e\u0301ßæø'), maxLength: 40 }),
  fc.string({ maxLength: 40 }),
);

/** Arbitrary JSON-ish values with unicode and odd numbers inside. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  fc.anything({ maxDepth: 4, withBigInt: true, withNullPrototype: true, withObjectString: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withDate: true }),
  oddNumber,
  oddHex,
  unicodeText,
);

/** An object nested `levels` deep (arrays and objects), each level carrying `leaf`. */
export function nested(levels: number, leaf: unknown = 1, asArray = false): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < levels; i++) value = asArray ? [value] : { a: value, t: 'x' };
  return value;
}

/** An object that contains itself (only direct callers can send one: the guard sends JSON snapshots). */
export function cyclic<T extends Record<string, unknown>>(base: T, key = 'self'): T {
  const o: Record<string, unknown> = { ...base };
  o[key] = o;
  return o as T;
}
