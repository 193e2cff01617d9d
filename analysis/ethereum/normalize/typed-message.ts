// Reads an EIP-712 message through its declared types, the way the wallet hashes it. Only declared
// fields are signed, so only declared fields mean anything: a key the types do not declare is ignored
// (real dapps send them, e.g. OpenSea's `totalOriginalConsiderationItems` in Seaport orders), and a
// decoder is chosen by what the types declare, never by which keys the message happens to carry.
//
// How signers read field values (checked against their code, and in readings.test.ts):
// - integers: viem (`numberToHex` in hashTypedData) and MetaMask (@metamask/eth-sig-util →
//   @metamask/abi-utils `createBigInt`) both call `BigInt(value)`: decimal, 0x, 0o and 0b text,
//   surrounding whitespace and a leading "+" all hash alike; "" is 0; fractions, "1e3", hex without
//   0x and numbers out of the type's range are refused. We read with the same `BigInt`.
// - bool: MetaMask and ethers hash `Boolean(value)`, so the text "false" signs as true; viem refuses
//   anything but a boolean. We read what MetaMask signs.
// - address: viem wants 0x and 40 hex digits; MetaMask converts other text in its own way.
import type { Address } from 'viem';
import type { TypedDataInput } from './typed-data';
import { clipText, type ReadingDifference } from './readings';
import { readAddress, tryRead } from './values';

type Types = TypedDataInput['types'];
type Obj = Record<string, unknown>;

/** A field a decoder needed and could not read the way the wallet would sign it. */
export interface UnreadableField {
  path: string;
  type: string;
  written: string;
  /** What the decoder assumed instead, in words ("unlimited", "nothing"). */
  treatedAs: string;
}

const INTEGER = /^(u?)int(\d*)$/;
const MAX_ITEMS = 4096;

/** An integer field as `BigInt` reads it, within the declared type's range; undefined when a signer would refuse it. */
export function readTypedInteger(value: unknown, type: string): bigint | undefined {
  const m = INTEGER.exec(type);
  if (!m) return undefined;
  const bits = m[2] ? Number(m[2]) : 256;
  let n: bigint;
  try {
    if (typeof value === 'bigint') n = value;
    else if (typeof value === 'number' && Number.isInteger(value)) n = BigInt(value);
    else if (typeof value === 'string' || typeof value === 'boolean') n = BigInt(value);
    else return undefined;
  } catch {
    return undefined;
  }
  const signed = m[1] === '';
  const max = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  const min = signed ? -(1n << BigInt(bits - 1)) : 0n;
  return n >= min && n <= max ? n : undefined;
}

/** What the value means to a reader that takes its words literally ("false", "0" are false). */
function literalBool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') {
    const t = value.trim().toLowerCase();
    if (t === 'true' || t === '1') return true;
    if (t === 'false' || t === '0' || t === '') return false;
  }
  return value === null || value === undefined ? false : undefined;
}

const baseType = (type: string) => type.replace(/(\[\d*\])+$/, '');
const arrayDepth = (type: string) => (type.match(/\[\d*\]/g) ?? []).length;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One struct of the message, read through its declared fields. */
export class TypedStruct {
  constructor(
    readonly types: Types,
    readonly type: string,
    private readonly value: Obj,
    readonly path: string,
    /** Shared by every struct of one message: fields a decoder needed and could not read. */
    readonly unreadable: UnreadableField[],
  ) {}

  static root(td: TypedDataInput, unreadable: UnreadableField[] = []): TypedStruct {
    return new TypedStruct(td.types, td.primaryType, td.message, 'message', unreadable);
  }

  /** The declared type of a field, or undefined when the struct does not declare it. */
  typeOf(name: string): string | undefined {
    const fields = Object.hasOwn(this.types, this.type) ? this.types[this.type] : undefined;
    return fields?.find((f) => f.name === name)?.type;
  }

  declares(name: string, type: RegExp | string): boolean {
    const t = this.typeOf(name);
    return t !== undefined && (typeof type === 'string' ? t === type : type.test(t));
  }

  /** The message's own value of a declared field (never an undeclared key, never an inherited property). */
  raw(name: string): unknown {
    return this.typeOf(name) !== undefined && Object.hasOwn(this.value, name) ? this.value[name] : undefined;
  }

  private at(name: string) {
    return `${this.path}.${name}`;
  }

  /** A declared integer field, or undefined when undeclared or unreadable. For what a decision rests on, use `amount`. */
  uint(name: string): bigint | undefined {
    const type = this.typeOf(name);
    return type === undefined ? undefined : readTypedInteger(this.raw(name), type);
  }

  /**
   * An amount the decision rests on. When it is declared but cannot be read the way a wallet would sign
   * it, the worst case for the signer is assumed (`worst`) and the field is reported.
   */
  amount(name: string, worst: bigint, treatedAs: string): bigint | undefined {
    const type = this.typeOf(name);
    if (type === undefined) return undefined;
    const n = readTypedInteger(this.raw(name), type);
    if (n !== undefined) return n;
    this.report(name, type, treatedAs);
    return worst;
  }

  /** A declared address field; an unreadable one is reported when `needed`. */
  address(name: string, needed = true): Address | undefined {
    const type = this.typeOf(name);
    if (type !== 'address') return undefined;
    const a = tryRead(() => readAddress(this.raw(name), this.at(name)));
    if (a === undefined && needed) this.report(name, type, 'unknown');
    return a;
  }

  /** A declared bool, as MetaMask and ethers hash it (`Boolean(value)`). */
  bool(name: string): boolean | undefined {
    if (this.typeOf(name) !== 'bool') return undefined;
    return Boolean(this.raw(name));
  }

  struct(name: string): TypedStruct | undefined {
    const type = this.typeOf(name);
    if (type === undefined || arrayDepth(type) > 0 || !Object.hasOwn(this.types, type)) return undefined;
    const v = this.raw(name);
    return isObj(v) ? new TypedStruct(this.types, type, v, this.at(name), this.unreadable) : undefined;
  }

  /** Every struct in a declared array field (of any dimension), flattened. */
  structs(name: string): TypedStruct[] {
    const type = this.typeOf(name);
    if (type === undefined || arrayDepth(type) === 0 || !Object.hasOwn(this.types, baseType(type))) return [];
    const out: TypedStruct[] = [];
    const walk = (v: unknown, depth: number, path: string) => {
      if (out.length >= MAX_ITEMS) return;
      if (depth > 0 && Array.isArray(v)) v.forEach((item, i) => walk(item, depth - 1, `${path}[${i}]`));
      else if (depth === 0 && isObj(v)) out.push(new TypedStruct(this.types, baseType(type), v, path, this.unreadable));
    };
    walk(this.raw(name), arrayDepth(type), this.at(name));
    return out;
  }

  /** A declared one-dimensional integer array; unreadable entries are undefined. */
  uints(name: string): Array<bigint | undefined> {
    const type = this.typeOf(name);
    const v = this.raw(name);
    if (type === undefined || arrayDepth(type) !== 1 || !Array.isArray(v)) return [];
    return v.slice(0, MAX_ITEMS).map((x) => readTypedInteger(x, baseType(type)));
  }

  private report(name: string, type: string, treatedAs: string) {
    if (this.unreadable.length < 50) this.unreadable.push({ path: this.at(name), type, written: written(this.raw(name)), treatedAs });
  }
}

function written(v: unknown): string {
  if (v === undefined) return '(missing)';
  try {
    return clipText(typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v)));
  } catch {
    return clipText(String(v));
  }
}

/**
 * Fields of the message that signers would hash differently from how they read: a bool written as
 * text ("false" signs as true in MetaMask), an address that is not 0x and 40 hex digits.
 */
export function typedDifferences(td: TypedDataInput): ReadingDifference[] {
  const out: ReadingDifference[] = [];
  let visited = 0;
  const visitValue = (type: string, value: unknown, path: string, depth: number) => {
    if (out.length >= 20 || ++visited > 100_000 || depth > 40) return;
    if (arrayDepth(type) > 0) {
      if (Array.isArray(value)) value.slice(0, MAX_ITEMS).forEach((item, i) => visitValue(type.slice(0, type.lastIndexOf('[')), item, `${path}[${i}]`, depth + 1));
      return;
    }
    if (Object.hasOwn(td.types, type)) {
      if (!isObj(value)) return;
      for (const f of td.types[type] ?? []) visitValue(f.type, Object.hasOwn(value, f.name) ? value[f.name] : undefined, `${path}.${f.name}`, depth + 1);
      return;
    }
    if (type === 'bool' && typeof value !== 'boolean' && value !== undefined) {
      const literal = literalBool(value);
      if (literal !== Boolean(value)) {
        out.push({
          kind: 'bool',
          where: `typed data ${path}`,
          written: written(value),
          readings: [
            { by: 'MetaMask and ethers, which sign it (and so the firewall)', value: String(Boolean(value)) },
            { by: 'a reader of the text', value: literal === undefined ? 'unclear' : String(literal) },
          ],
        });
      }
    }
    if (type === 'address' && typeof value === 'string' && !/^0x[0-9a-fA-F]{40}$/.test(value) && !/^[0-9]+$/.test(value.trim())) {
      const ours = tryRead(() => readAddress(value, 'address'));
      out.push({
        kind: 'address',
        where: `typed data ${path}`,
        written: written(value),
        readings: [
          { by: 'the firewall', value: ours ?? 'not an address' },
          { by: 'MetaMask (converts such text its own way) and viem (refuses it)', value: 'another address, or a refusal' },
        ],
      });
    }
  };
  visitValue(td.primaryType, td.message, 'message', 0);
  if (Object.hasOwn(td.types, 'EIP712Domain')) visitValue('EIP712Domain', td.domain, 'domain', 0);
  return out;
}
