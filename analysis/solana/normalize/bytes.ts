// Bytes from whatever a Solana request carries them as: a Uint8Array (the Wallet Standard), an array
// of numbers or a Uint8Array/Buffer after a JSON snapshot, a base64 or base58 string, or a legacy
// provider's transaction object that serializes itself. Anything else is an error the caller turns
// into a finding; nothing here throws.
import { getBase58Encoder, getBase64Encoder } from '@solana/kit';

/** Far above any transaction (1232 bytes on the wire) or honest message: what is larger is not read. */
export const MAX_BYTES = 64 * 1024;

export type BytesResult = { bytes: Uint8Array; encoding: 'bytes' | 'base64' | 'base58' | 'serialized' } | { error: string };

function fromNumbers(values: readonly unknown[]): BytesResult {
  if (values.length > MAX_BYTES) return { error: `the data is ${values.length} bytes long, more than the ${MAX_BYTES} the firewall reads` };
  if (!values.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 255)) return { error: 'the data is a list, but not of bytes (whole numbers from 0 to 255)' };
  return { bytes: Uint8Array.from(values as number[]), encoding: 'bytes' };
}

/** `{"0":1,"1":2}`: what JSON.stringify makes of a Uint8Array. */
function indexedValues(value: object): unknown[] | undefined {
  const keys = Object.keys(value);
  if (keys.length === 0 || keys.length > MAX_BYTES || !keys.every((k, i) => k === String(i))) return undefined;
  return keys.map((k) => (value as Record<string, unknown>)[k]);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE58 = /^[1-9A-HJ-NP-Za-km-z]+$/;

/** Every way the string reads as bytes; the caller picks the one that decodes as what it expects. */
export function stringReadings(text: string): { bytes: Uint8Array; encoding: 'base64' | 'base58' }[] {
  if (text.length > MAX_BYTES * 2) return [];
  const readings: { bytes: Uint8Array; encoding: 'base64' | 'base58' }[] = [];
  for (const [encoding, pattern, encoder] of [
    ['base64', BASE64, getBase64Encoder()],
    ['base58', BASE58, getBase58Encoder()],
  ] as const) {
    if (!pattern.test(text)) continue;
    try {
      readings.push({ bytes: Uint8Array.from(encoder.encode(text)), encoding });
    } catch {
      // not this encoding after all
    }
  }
  return readings;
}

/** Bytes that are not a string; strings are read by `stringReadings`, since their encoding is a guess. */
export function bytesOf(value: unknown): BytesResult {
  if (value instanceof Uint8Array) return value.length > MAX_BYTES ? { error: `the data is ${value.length} bytes long, more than the ${MAX_BYTES} the firewall reads` } : { bytes: Uint8Array.from(value), encoding: 'bytes' };
  if (value instanceof ArrayBuffer) return bytesOf(new Uint8Array(value));
  if (ArrayBuffer.isView(value)) return bytesOf(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  if (Array.isArray(value)) return fromNumbers(value);
  if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    // A Node Buffer as JSON.
    if (o.type === 'Buffer' && Array.isArray(o.data)) return fromNumbers(o.data);
    // A legacy provider's Transaction or VersionedTransaction, when the analysis is handed the object itself.
    if (typeof o.serialize === 'function') {
      try {
        const out = bytesOf((o.serialize as (options?: unknown) => unknown).call(value, { requireAllSignatures: false, verifySignatures: false }));
        return 'bytes' in out ? { bytes: out.bytes, encoding: 'serialized' } : out;
      } catch (error) {
        return { error: `the transaction object could not be serialized (${(error as Error)?.message ?? String(error)})` };
      }
    }
    const indexed = indexedValues(value);
    if (indexed) return fromNumbers(indexed);
  }
  return { error: `expected bytes, got ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value}` };
}
