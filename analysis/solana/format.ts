// Words for Solana amounts and addresses, the same everywhere a finding says them.
import type { AccountRef } from './decode/actions';

/** "7xKX…gAsU"; "an account the firewall could not look up" for one from an unread lookup table. */
export function short(address: AccountRef): string {
  if (address === undefined) return 'an account from a lookup table the firewall could not read';
  return address.length > 12 ? `${address.slice(0, 4)}…${address.slice(-4)}` : address;
}

/** An integer amount with `decimals` digits after the point, trailing zeros dropped. */
export function unitsText(amount: bigint, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const whole = amount / scale;
  const fraction = (amount % scale).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${whole.toLocaleString('en-US')}${fraction ? `.${fraction}` : ''}`;
}

/** 1 SOL is 10^9 lamports (Solana docs, "Core concepts: fees", lamports). */
export function solText(lamports: bigint): string {
  return `${unitsText(lamports, 9)} SOL`;
}

/** 2^64 − 1, the largest amount an SPL Token instruction can carry (its amounts are u64). */
export const U64_MAX = 2n ** 64n - 1n;

/** Token amounts in their smallest units unless the instruction says the mint's decimals. */
export function tokenAmountText(amount: bigint, decimals: number | undefined, mint: AccountRef | undefined): string {
  const token = mint ? `of the token ${short(mint)}` : 'of a token';
  if (amount === U64_MAX) return `an unlimited amount ${token}`;
  return decimals === undefined ? `${amount.toLocaleString('en-US')} units ${token}` : `${unitsText(amount, decimals)} ${token}`;
}

/** JSON-safe evidence: bigints as decimal strings, unknown accounts as null. */
export function evidence(values: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(values, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v === undefined ? null : v))) as Record<string, unknown>;
}

export function errorText(error: unknown): string {
  const e = error as { message?: string };
  return (e?.message ?? String(error)).split('\n')[0]!.slice(0, 200);
}
