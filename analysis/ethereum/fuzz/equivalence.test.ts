// Normalization equivalence: the benign fixtures (real-world shapes) keep their `allow` verdict under
// harmless re-encodings a wallet reads the same way — hex in either case, numbers in decimal or hex,
// zero-padded chain ids, addresses in any case, typed data as pretty-printed JSON or reordered keys.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory } from '../context/history';
import { NOW } from '../fixtures/build';
import { benign, type Fixture } from '../fixtures/requests';
import type { AnalysisInput } from '../index';
import { analyzeChecked } from './arbitraries';

type TypedInteger = 'decimal' | 'hex' | 'octal' | 'binary' | 'spaced' | 'plus' | 'number' | 'same';
type Variant = { hexCase: 'lower' | 'upper' | 'same'; number: 'hex' | 'padded' | 'upper' | 'number' | 'same'; pad: number; addressCase: 'lower' | 'upper' | 'same'; pretty: boolean; reorder: boolean; typedInteger: TypedInteger };

const variant: fc.Arbitrary<Variant> = fc.record({
  hexCase: fc.constantFrom('lower', 'upper', 'same'),
  number: fc.constantFrom('hex', 'padded', 'upper', 'number', 'same'),
  pad: fc.integer({ min: 1, max: 8 }),
  addressCase: fc.constantFrom('lower', 'upper', 'same'),
  pretty: fc.boolean(),
  reorder: fc.boolean(),
  typedInteger: fc.constantFrom('decimal', 'hex', 'octal', 'binary', 'spaced', 'plus', 'number', 'same'),
});

/** A typed-data integer as signers read it (BigInt): every form here hashes to the same signature. */
function typedInteger(value: unknown, form: TypedInteger): unknown {
  let n: bigint;
  try {
    n = BigInt(value as string);
  } catch {
    return value;
  }
  if (n < 0n) return value;
  switch (form) {
    case 'decimal':
      return n.toString();
    case 'hex':
      return `0x${n.toString(16)}`;
    case 'octal':
      return `0o${n.toString(8)}`;
    case 'binary':
      return `0b${n.toString(2)}`;
    case 'spaced':
      return ` ${n.toString()}\n`;
    case 'plus':
      return `+${n.toString()}`;
    case 'number':
      return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : value;
    default:
      return value;
  }
}

type Types = Record<string, Array<{ name: string; type: string }>>;

/** Rewrites every field the types declare as an integer, through structs and arrays. */
function varyIntegers(types: Types, type: string, value: unknown, form: TypedInteger): unknown {
  if (/\[\d*\]$/.test(type)) return Array.isArray(value) ? value.map((x) => varyIntegers(types, type.slice(0, type.lastIndexOf('[')), x, form)) : value;
  if (Object.hasOwn(types, type)) {
    if (typeof value !== 'object' || value === null) return value;
    const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const f of types[type]!) if (Object.hasOwn(out, f.name)) out[f.name] = varyIntegers(types, f.type, out[f.name], form);
    return out;
  }
  return /^u?int\d*$/.test(type) ? typedInteger(value, form) : value;
}

function quantity(value: unknown, v: Variant): unknown {
  let n: bigint;
  try {
    n = BigInt(value as string);
  } catch {
    return value;
  }
  const hex = n.toString(16);
  switch (v.number) {
    case 'hex':
      return `0x${hex}`;
    case 'padded':
      return `0x${'0'.repeat(v.pad)}${hex}`;
    case 'upper':
      return `0x${hex.toUpperCase()}`;
    case 'number':
      return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : value;
    default:
      return value;
  }
}

const isAddress = (x: unknown): x is string => typeof x === 'string' && /^0x[0-9a-fA-F]{40}$/.test(x);
const address = (a: string, v: Variant) => (v.addressCase === 'lower' ? a.toLowerCase() : v.addressCase === 'upper' ? `0x${a.slice(2).toUpperCase()}` : a);
const hexData = (d: unknown, v: Variant) => (typeof d !== 'string' || !/^0x[0-9a-fA-F]*$/.test(d) ? d : v.hexCase === 'lower' ? d.toLowerCase() : v.hexCase === 'upper' ? `0x${d.slice(2).toUpperCase()}` : d);

function txFields(t: Record<string, unknown>, v: Variant): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(t)) {
    if (k === 'value' || k === 'chainId' || k === 'nonce' || k === 'gas') out[k] = quantity(val, v);
    else if ((k === 'from' || k === 'to' || k === 'address') && isAddress(val)) out[k] = address(val, v);
    else if (k === 'data' || k === 'input') out[k] = hexData(val, v);
    else if (k === 'calls' && Array.isArray(val)) out[k] = val.map((c) => txFields(c as Record<string, unknown>, v));
    else if (k === 'authorizationList' && Array.isArray(val)) out[k] = val.map((a) => txFields(a as Record<string, unknown>, v));
    else out[k] = val;
  }
  return v.reorder ? Object.fromEntries(Object.entries(out).reverse()) : out;
}

/** The same request as a wallet would read it, written differently. */
function vary(request: AnalysisInput['request'], v: Variant): AnalysisInput['request'] {
  const params = Array.isArray(request.params) ? request.params : [];
  const { method } = request;
  if (method === 'eth_sendTransaction' || method === 'wallet_sendCalls' || method === 'wallet_switchEthereumChain' || method === 'wallet_addEthereumChain') {
    return { method, params: params.map((p) => txFields(p as Record<string, unknown>, v)) };
  }
  if (method.startsWith('eth_signTypedData')) {
    return {
      method,
      params: params.map((p) => {
        if (isAddress(p)) return address(p, v);
        if (typeof p !== 'string') return p;
        const parsed = JSON.parse(p) as { types: Types; primaryType: string; message: unknown } & Record<string, unknown>;
        const data = { ...parsed, message: varyIntegers(parsed.types, parsed.primaryType, parsed.message, v.typedInteger) };
        const ordered = v.reorder ? Object.fromEntries(Object.entries(data).reverse()) : data;
        return JSON.stringify(ordered, null, v.pretty ? 2 : undefined);
      }),
    };
  }
  if (method === 'personal_sign') return { method, params: params.map((p) => (isAddress(p) ? address(p, v) : p)) };
  return request;
}

const run = (f: Fixture, request: AnalysisInput['request']) => analyzeChecked({ ...f.input, request }, { code: f.code, history: f.history ? createMemoryHistory(f.history) : undefined, now: NOW });

const allowed = benign.filter((f) => f.expect === 'allow');

describe('normalization equivalence', { timeout: 60_000 }, () => {
  it('has benign fixtures to vary', () => {
    expect(allowed.length).toBeGreaterThan(20);
  });

  it('benign requests stay allowed, with the same findings, under harmless re-encodings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...allowed), variant, async (f, v) => {
        const base = await run(f, f.input.request);
        const varied = await run(f, vary(f.input.request, v));
        expect(varied.verdict, `${f.name} ${JSON.stringify(v)}`).toBe('allow');
        // Only the note about the unusual encoding may differ.
        const idsOf = (x: typeof base) => x.findings.map((y) => y.id).filter((id) => id !== 'input.unusual-encoding').sort();
        expect(idsOf(varied), f.name).toEqual(idsOf(base));
        expect(varied.summary, f.name).toBe(base.summary);
      }),
      { numRuns: 2000 },
    );
  });

  it('a transaction value written as decimal digits warns, showing the decimal and the hex reading', async () => {
    const transfers = allowed.filter((f) => f.input.request.method === 'eth_sendTransaction' && /^0x[0-9a-f]+$/.test(String((f.input.request.params as Array<Record<string, unknown>>)[0]?.value)));
    expect(transfers.length).toBeGreaterThan(3);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...transfers), fc.bigInt({ min: 10n, max: 10n ** 24n }), async (f, wei) => {
        const [t] = f.input.request.params as Array<Record<string, unknown>>;
        const v = await run(f, { ...f.input.request, params: [{ ...t, value: wei.toString() }] });
        expect(v.verdict).not.toBe('allow');
        const hit = v.findings.find((x) => x.id === 'input.ambiguous-encoding');
        expect((hit?.evidence?.readings as Array<{ value: string }>).map((r) => r.value)).toEqual([wei.toString(), BigInt(`0x${wei}`).toString()]);
      }),
      { numRuns: 200 },
    );
  });
});
