// Lenient readers for the value shapes wallets accept. A wallet executes what it parses, so these
// accept what popular wallets accept (and say so through `notes`) instead of rejecting it: if the
// firewall refused a shape the wallet would happily sign, an attacker could slip past it.
import { getAddress, isAddress, type Address, type Hex } from 'viem';

/** Collected while reading: unusual encodings the wallet would still accept. */
export type Notes = string[];

const HEX_BODY = /^[0-9a-fA-F]*$/;
const DECIMAL = /^[0-9]+$/;
const MAX_UINT160 = (1n << 160n) - 1n;

export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Byte string: accepts a missing `0x`, any case and odd length (padded on the left, as wallets do). */
export function readHex(value: unknown, what: string, notes?: Notes): Hex {
  if (typeof value !== 'string') throw new InputError(`${what} is not a hex string`);
  let body = value.trim();
  if (body.startsWith('0x') || body.startsWith('0X')) body = body.slice(2);
  else if (body.length > 0) notes?.push(`${what} has no 0x prefix`);
  if (!HEX_BODY.test(body)) throw new InputError(`${what} is not hex`);
  if (body.length % 2 === 1) {
    notes?.push(`${what} has an odd number of hex digits`);
    body = `0${body}`;
  }
  return `0x${body.toLowerCase()}`;
}

/** Non-negative integer given as number, bigint, decimal string or hex string (with or without 0x). */
export function readQuantity(value: unknown, what: string, notes?: Notes): bigint {
  if (typeof value === 'bigint') {
    if (value < 0n) throw new InputError(`${what} is negative`);
    if (value >= 1n << 256n) throw new InputError(`${what} is wider than 256 bits`);
    return value;
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) throw new InputError(`${what} is not a whole non-negative number`);
    return BigInt(value);
  }
  if (typeof value !== 'string') throw new InputError(`${what} is not a number`);
  const text = value.trim();
  if (text === '') throw new InputError(`${what} is empty`);
  if (/^0x/i.test(text)) {
    const body = text.slice(2);
    if (body === '') return 0n;
    if (!HEX_BODY.test(body)) throw new InputError(`${what} is not hex`);
    if (body.length > 64) throw new InputError(`${what} is wider than 256 bits`);
    return BigInt(`0x${body}`);
  }
  if (DECIMAL.test(text)) {
    if (text.length > 78) throw new InputError(`${what} is wider than 256 bits`);
    notes?.push(`${what} is written in decimal`);
    return BigInt(text);
  }
  if (HEX_BODY.test(text) && text.length <= 64) {
    notes?.push(`${what} is hex without 0x`);
    return BigInt(`0x${text}`);
  }
  throw new InputError(`${what} is not a number`);
}

/** Chain id in any form wallets accept: 1, "1", "0x1", "0x01", "0x000…01". */
export function readChainId(value: unknown, what = 'chain id', notes?: Notes): number {
  const id = readQuantity(value, what, notes);
  if (id > BigInt(Number.MAX_SAFE_INTEGER)) throw new InputError(`${what} is too large`);
  return Number(id);
}

/**
 * Address in any case, without `0x`, zero-padded to 32 bytes, or as a decimal integer (some wallets
 * convert numbers to addresses). Returns the checksummed form.
 */
export function readAddress(value: unknown, what: string, notes?: Notes): Address {
  if (typeof value === 'number' || typeof value === 'bigint') {
    if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new InputError(`${what} is not a whole number`);
    notes?.push(`${what} is given as a number`);
    return addressFromInteger(BigInt(value), what);
  }
  if (typeof value !== 'string') throw new InputError(`${what} is not an address`);
  const text = value.trim();
  // A 40-digit string is far more likely hex without 0x than a decimal integer.
  if (DECIMAL.test(text) && text.length !== 40) {
    notes?.push(`${what} is given as a decimal number`);
    return addressFromInteger(BigInt(text), what);
  }
  let body = /^0x/i.test(text) ? text.slice(2) : text;
  if (!HEX_BODY.test(body)) throw new InputError(`${what} is not an address`);
  if (!/^0x/i.test(text)) notes?.push(`${what} has no 0x prefix`);
  if (body.length === 64 && /^0{24}/.test(body)) {
    notes?.push(`${what} is zero-padded to 32 bytes`);
    body = body.slice(24);
  }
  if (body.length !== 40) throw new InputError(`${what} is not 20 bytes long`);
  const candidate = `0x${body}` as const;
  const mixedCase = body !== body.toLowerCase() && body !== body.toUpperCase();
  if (mixedCase && !isAddress(candidate, { strict: true })) notes?.push(`${what} has an invalid checksum`);
  return getAddress(candidate.toLowerCase());
}

function addressFromInteger(n: bigint, what: string): Address {
  if (n < 0n || n > MAX_UINT160) throw new InputError(`${what} does not fit in 20 bytes`);
  return getAddress(`0x${n.toString(16).padStart(40, '0')}`);
}

/** True when the value reads as an address (used to tell params apart, e.g. personal_sign order). */
export function looksLikeAddress(value: unknown): boolean {
  return typeof value === 'string' && /^(0x)?[0-9a-fA-F]{40}$/.test(value.trim());
}

export function tryRead<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
