// Where the firewall's reading of a request and a wallet's could differ. The normalizer reads each
// field one way (values.ts); this module asks, for the same raw text, how other readers take it, and
// reports every field where two readings give different results. A request that means one thing to the
// firewall and another to the wallet must never pass as "checked": the rules turn these into warnings
// that show both readings (`input.ambiguous-encoding`) or, for a hidden prototype, a block
// (`input.prototype-key`).
//
// Readers compared, from their published code:
// - MetaMask, @metamask/transaction-controller (utils/utils.ts `normalizeTransactionParams`): every
//   quantity goes through `add0x`, so `value: "1000"` is sent as 0x1000 = 4096 wei; `data` is
//   left-padded to even length (`padHexToEvenLength`).
// - A reader that takes digits as decimal (this firewall's readQuantity, BigInt, many wallets' forms).
// - Node's `Buffer.from(hex, "hex")` (used by older ethereumjs-based signers) stops at the last whole
//   byte: odd-length data loses its last digit instead of gaining a leading 0.
// - `Object.assign` / `for…in` copies, which turn an own "__proto__" key into the copy's prototype.
import type { Hex } from 'viem';

export type DifferenceKind = 'number' | 'bytes' | 'address' | 'bool' | 'text' | 'duplicate-key' | 'shadow-key' | 'prototype-key';

export interface Reading {
  /** Who reads it this way, in words. */
  by: string;
  value: string;
  /** The reading as an amount of wei, for fields that are amounts of the native coin. */
  wei?: bigint;
  /** The reading as call data, for fields that are call data. */
  data?: Hex;
}

export interface ReadingDifference {
  kind: DifferenceKind;
  /** Where in the request, in words: "transaction value", "typed data message.allowed". */
  where: string;
  /** What the page wrote, clipped. */
  written: string;
  /** The firewall's reading first, then the others. */
  readings: Reading[];
}

const MAX_WRITTEN = 120;
export const clipText = (text: string, max = MAX_WRITTEN) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const FIREWALL = 'the firewall (and wallets that read digits as decimal)';
const ADD_0X = 'MetaMask and wallets that add "0x" in front';

/**
 * A quantity written as text without 0x: decimal to some readers, hex to others (MetaMask), and
 * "1e18" is 10^18 to JavaScript's Number. Undefined when every reader that accepts it agrees.
 */
export function quantityDifference(raw: unknown, where: string, unit?: 'wei'): ReadingDifference | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (text === '' || /^0x/i.test(text)) return undefined;
  const readings: Array<{ by: string; n: bigint }> = [];
  const decimal = /^[0-9]+$/.test(text);
  if (decimal && text.length <= 78) readings.push({ by: FIREWALL, n: BigInt(text) });
  if (/^[0-9a-fA-F]+$/.test(text) && text.length <= 64) readings.push({ by: decimal ? ADD_0X : 'the firewall and MetaMask (as hex without 0x)', n: BigInt(`0x${text}`) });
  const asNumber = Number(text);
  if (!decimal && Number.isInteger(asNumber) && asNumber >= 0 && asNumber < 2 ** 256) readings.push({ by: 'wallets that read it as a JavaScript number', n: BigInt(asNumber) });
  if (new Set(readings.map((r) => r.n)).size < 2) return undefined;
  return {
    kind: 'number',
    where,
    written: clipText(raw),
    readings: readings.map((r) => ({ by: r.by, value: r.n.toString(), ...(unit === 'wei' ? { wei: r.n } : {}) })),
  };
}

/** Call data or message bytes of odd length: MetaMask and viem add a leading 0, a Buffer-based signer drops the last digit. */
export function bytesDifference(raw: unknown, where: string): ReadingDifference | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  const body = /^0x/i.test(text) ? text.slice(2) : text;
  if (body.length % 2 === 0 || !/^[0-9a-fA-F]+$/.test(body)) return undefined;
  const padded = `0x0${body.toLowerCase()}` as Hex;
  const truncated = `0x${body.slice(0, -1).toLowerCase()}` as Hex;
  return {
    kind: 'bytes',
    where,
    written: clipText(raw),
    readings: [
      { by: 'the firewall, MetaMask and viem (a 0 added in front)', value: clipText(padded, 74), data: padded },
      { by: 'signers that drop the unpaired last digit (Node Buffer)', value: clipText(truncated, 74), data: truncated },
    ],
  };
}

/**
 * A personal_sign or eth_sign message of odd-length hex: MetaMask (@metamask/eth-sig-util, via
 * ethereumjs `toBuffer`) left-pads it to bytes, a wallet that does not take it for hex signs the text.
 */
export function messageDifference(raw: unknown, where: string): ReadingDifference | undefined {
  // Without 0x the firewall and MetaMask both sign the text: only 0x-prefixed odd hex is read two ways.
  if (typeof raw !== 'string' || !/^0x/i.test(raw.trim())) return undefined;
  const d = bytesDifference(raw, where);
  if (!d) return undefined;
  return { ...d, kind: 'text', readings: [{ ...d.readings[0]!, by: 'the firewall and MetaMask (bytes, a 0 added in front)' }, { by: 'wallets that sign it as text', value: JSON.stringify(clipText(raw, 72)) }] };
}

/** A 40-digit address made only of decimal digits reads as hex to most wallets and as a number to others. */
export function addressDifference(raw: unknown, where: string): ReadingDifference | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (!/^[0-9]{40}$/.test(text)) return undefined;
  const asNumber = BigInt(text);
  if (asNumber >= 1n << 160n) return undefined;
  return {
    kind: 'address',
    where,
    written: clipText(raw),
    readings: [
      { by: 'the firewall and wallets that add "0x"', value: `0x${text}` },
      { by: 'wallets that read digits as a number', value: `0x${asNumber.toString(16).padStart(40, '0')}` },
    ],
  };
}

const SHADOW_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_SCAN_NODES = 200_000;
const MAX_SCAN_DEPTH = 64;

/**
 * Own keys named `__proto__`, `constructor` or `prototype` anywhere in the params. `JSON.parse` makes
 * them ordinary own fields, which this firewall (and a spread copy) reads as such; a wallet that copies
 * the object with `Object.assign` or a for…in loop makes "__proto__" the copy's prototype and then sees
 * every field inside it as the request's own (a hidden `value` or `data`), and merge helpers follow
 * `constructor.prototype` into every object.
 */
export function shadowKeys(value: unknown, where: string): ReadingDifference[] {
  const out: ReadingDifference[] = [];
  const seen = new Set<object>();
  let nodes = 0;
  const visit = (v: unknown, path: string, depth: number) => {
    if (typeof v !== 'object' || v === null || seen.has(v) || depth > MAX_SCAN_DEPTH || ++nodes > MAX_SCAN_NODES || out.length >= 20) return;
    seen.add(v);
    // Paths are built only for objects: a megabyte array of strings costs one type check per item.
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (typeof v[i] === 'object' && v[i] !== null) visit(v[i], `${path}[${i}]`, depth + 1);
      return;
    }
    for (const key of Object.keys(v)) {
      const child = (v as Record<string, unknown>)[key];
      if (SHADOW_KEYS.has(key)) out.push(shadowKey(v as Record<string, unknown>, key, child, path || where));
      if (typeof child === 'object' && child !== null) visit(child, path ? `${path}.${key}` : key, depth + 1);
    }
  };
  visit(value, where, 0);
  return out;
}

function shadowKey(owner: Record<string, unknown>, key: string, child: unknown, at: string): ReadingDifference {
  const written = clipText(safeJson(child));
  if (key !== '__proto__') {
    return {
      kind: 'shadow-key',
      where: at,
      written,
      readings: [
        { by: 'the firewall', value: `an ordinary field named "${key}"` },
        { by: 'code that merges or clones objects', value: `a path into the prototype of every object ("${key}" is a built-in name)` },
      ],
    };
  }
  const hidden = typeof child === 'object' && child !== null && !Array.isArray(child) ? Object.keys(child).filter((k) => !Object.hasOwn(owner, k)) : [];
  const shown = hidden.slice(0, 6).map((k) => `${k} = ${clipText(safeJson((child as Record<string, unknown>)[k]), 80)}`);
  const valueField = hidden.includes('value') ? (child as Record<string, unknown>).value : undefined;
  const wei = typeof valueField === 'string' && /^0x[0-9a-fA-F]{1,64}$/.test(valueField) ? BigInt(valueField) : undefined;
  return {
    kind: 'prototype-key',
    where: at,
    written,
    readings: [
      { by: 'the firewall', value: hidden.length ? `ignores ${hidden.join(', ')} (not the request's own fields)` : 'an ordinary field named "__proto__"' },
      { by: 'a wallet that copies the request with Object.assign', value: shown.length ? `reads ${shown.join(', ')}` : 'a different prototype for this object', ...(wei !== undefined ? { wei } : {}) },
    ],
  };
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x)) ?? String(v);
  } catch {
    return String(v);
  }
}

interface Frame {
  object: boolean;
  path: string;
  index: number;
  /** Object frames: key → span of its (last) value. */
  keys?: Map<string, [number, number]>;
  expectKey?: boolean;
  key?: string;
  valueStart?: number;
}

/**
 * Keys that appear twice in one object of a JSON text (already known to parse). `JSON.parse`, and so
 * this firewall and MetaMask, keep the last value; streaming and strict parsers keep the first or
 * refuse. Reported only when the two values differ (after parsing, so whitespace does not count).
 */
export function duplicateKeys(text: string, where: string): ReadingDifference[] {
  const out: ReadingDifference[] = [];
  const stack: Frame[] = [];
  const childPath = (top: Frame | undefined) => (!top ? '' : top.object ? (top.path ? `${top.path}.${top.key ?? '?'}` : (top.key ?? '?')) : `${top.path}[${top.index}]`);
  const closeValue = (top: Frame, end: number) => {
    if (top.key === undefined || top.valueStart === undefined || !top.keys) return;
    const span: [number, number] = [top.valueStart, end];
    const previous = top.keys.get(top.key);
    if (previous && out.length < 20) {
      const first = text.slice(previous[0], previous[1]).trim();
      const last = text.slice(span[0], span[1]).trim();
      if (!sameJson(first, last)) {
        const at = top.path ? `${top.path}.${top.key}` : top.key;
        out.push({
          kind: 'duplicate-key',
          where: `${where} ${at}`,
          written: clipText(`"${top.key}" given twice`),
          readings: [
            { by: 'the firewall and MetaMask (JSON.parse keeps the last)', value: clipText(last) },
            { by: 'parsers that keep the first', value: clipText(first) },
          ],
        });
      }
    }
    top.keys.set(top.key, span);
    top.key = undefined;
    top.valueStart = undefined;
  };
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    const top = stack[stack.length - 1];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (top?.object && top.expectKey) {
        top.key = JSON.parse(text.slice(i, j + 1)) as string;
        top.expectKey = false;
      }
      i = j + 1;
      continue;
    }
    if (c === '{' || c === '[') stack.push({ object: c === '{', path: childPath(top), index: 0, ...(c === '{' ? { keys: new Map(), expectKey: true } : {}) });
    else if (c === ':' && top?.object) top.valueStart = i + 1;
    else if (c === ',' && top) {
      if (top.object) {
        closeValue(top, i);
        top.expectKey = true;
      } else top.index++;
    } else if (c === '}' || c === ']') {
      if (top?.object) closeValue(top, i);
      stack.pop();
    }
    i++;
  }
  return out;
}

function sameJson(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length > 100_000 || b.length > 100_000) return false;
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return false;
  }
}
