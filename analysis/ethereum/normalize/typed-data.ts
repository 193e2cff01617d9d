// Typed data (EIP-712) arrives as a JSON string or an object, sometimes megabytes big or deeply
// nested by an attacker hoping the firewall gives up. Limits are checked before anything is walked.
import { hashTypedData, type Hex } from 'viem';
import { duplicateKeys, shadowKeys, type ReadingDifference } from './readings';
import { typedDifferences } from './typed-message';
import { InputError, type Notes } from './values';

export interface TypedDataInput {
  domain: Record<string, unknown>;
  types: Record<string, Array<{ name: string; type: string }>>;
  primaryType: string;
  message: Record<string, unknown>;
  /** EIP-712 digest as the wallet would compute it (viem), when the data is well formed. */
  hash?: Hex;
  /** Why viem could not hash it: the wallet would likely refuse it, or read it differently. */
  hashError?: string;
}

/** eth_signTypedData v1: a flat list of typed values. */
export interface LegacyTypedField {
  type: string;
  name: string;
  value: unknown;
}

export const MAX_TYPED_DATA_CHARS = 1_000_000;
export const MAX_DEPTH = 32;

export type ParsedTypedData = { kind: 'eip712'; typedData: TypedDataInput } | { kind: 'legacy'; fields: LegacyTypedField[] };

/**
 * `differences` collects what other readers would take differently: keys given twice in the JSON text
 * (JSON.parse keeps the last, other parsers the first) and field values signers hash unlike they read.
 */
export function readTypedData(value: unknown, notes: Notes, differences: ReadingDifference[] = []): ParsedTypedData {
  let data = value;
  if (typeof data === 'string') {
    if (data.length > MAX_TYPED_DATA_CHARS) throw new InputError(`typed data is larger than ${MAX_TYPED_DATA_CHARS / 1_000_000} MB`);
    try {
      data = JSON.parse(data);
    } catch {
      throw new InputError('typed data is not valid JSON');
    }
    // JSON text is parsed here, so its keys are scanned here (params as objects are scanned by normalizeRequest).
    differences.push(...duplicateKeys(value as string, 'typed data'), ...shadowKeys(data, 'typed data'));
  } else if (typeof data === 'object' && data !== null) {
    notes.push('typed data is given as an object, not a JSON string');
  }
  if (depth(data, 0) > MAX_DEPTH) throw new InputError(`typed data is nested deeper than ${MAX_DEPTH} levels`);
  if (typeof value === 'object' && approximateSize(data, 0) > MAX_TYPED_DATA_CHARS) throw new InputError('typed data is too large');
  if (Array.isArray(data)) return { kind: 'legacy', fields: readLegacy(data) };
  if (typeof data !== 'object' || data === null) throw new InputError('typed data is not an object');
  const o = data as Record<string, unknown>;
  if (typeof o.types !== 'object' || o.types === null || Array.isArray(o.types)) throw new InputError('typed data has no types');
  if (typeof o.primaryType !== 'string') throw new InputError('typed data has no primaryType');
  if (typeof o.message !== 'object' || o.message === null || Array.isArray(o.message)) throw new InputError('typed data has no message');
  const domain = typeof o.domain === 'object' && o.domain !== null && !Array.isArray(o.domain) ? (o.domain as Record<string, unknown>) : {};
  const types = o.types as Record<string, unknown>;
  for (const [name, fields] of Object.entries(types)) {
    if (!Array.isArray(fields) || !fields.every((f) => typeof f?.name === 'string' && typeof f?.type === 'string')) {
      throw new InputError(`typed data type ${name} is malformed`);
    }
  }
  if (!Object.hasOwn(types, o.primaryType)) throw new InputError(`typed data primaryType ${o.primaryType} is not defined in types`);
  const typedData: TypedDataInput = {
    domain,
    types: types as TypedDataInput['types'],
    primaryType: o.primaryType,
    message: o.message as Record<string, unknown>,
  };
  differences.push(...typedDifferences(typedData));
  try {
    typedData.hash = hashOf(typedData);
  } catch (error) {
    // An address whose mixed case is not its checksum: viem refuses it, MetaMask hashes its bytes. It
    // names the same account either way, so it is hashed as MetaMask does and noted.
    const lowered = lowerCaseAddresses(typedData, 0);
    const relaxed = tryHash(lowered as TypedDataInput);
    if (relaxed) {
      typedData.hash = relaxed;
      notes.push('an address in the typed data has an invalid checksum');
    } else {
      const e = error as { shortMessage?: string; message?: string };
      typedData.hashError = e.shortMessage ?? e.message ?? String(error);
    }
  }
  return { kind: 'eip712', typedData };
}

const hashOf = (td: TypedDataInput): Hex => hashTypedData(td as Parameters<typeof hashTypedData>[0]);

function tryHash(td: TypedDataInput): Hex | undefined {
  try {
    return hashOf(td);
  } catch {
    return undefined;
  }
}

const MIXED_CASE_ADDRESS = /^0x(?=[0-9a-fA-F]*[a-f])(?=[0-9a-fA-F]*[A-F])[0-9a-fA-F]{40}$/;

/** A copy with every mixed-case 20-byte hex string in lower case (depth is bounded by the caller's check). */
function lowerCaseAddresses(value: unknown, level: number): unknown {
  if (typeof value === 'string') return MIXED_CASE_ADDRESS.test(value) ? value.toLowerCase() : value;
  if (typeof value !== 'object' || value === null || level > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v) => lowerCaseAddresses(v, level + 1));
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(value)) out[k] = lowerCaseAddresses(v, level + 1);
  return out;
}

function readLegacy(list: unknown[]): LegacyTypedField[] {
  return list.map((f, i) => {
    if (typeof f !== 'object' || f === null) throw new InputError(`typed data entry ${i + 1} is not an object`);
    const { type, name, value } = f as Record<string, unknown>;
    if (typeof type !== 'string' || typeof name !== 'string') throw new InputError(`typed data entry ${i + 1} has no type or name`);
    return { type, name, value };
  });
}

function depth(value: unknown, level: number): number {
  if (level > MAX_DEPTH) return level;
  if (typeof value !== 'object' || value === null) return level;
  let max = level;
  for (const v of Object.values(value)) max = Math.max(max, depth(v, level + 1));
  return max;
}

function approximateSize(value: unknown, level: number): number {
  if (level > MAX_DEPTH) return Infinity;
  if (typeof value === 'string') return value.length;
  if (typeof value !== 'object' || value === null) return 8;
  let total = 2;
  for (const [k, v] of Object.entries(value)) {
    total += k.length + approximateSize(v, level + 1);
    if (total > MAX_TYPED_DATA_CHARS) return total;
  }
  return total;
}
