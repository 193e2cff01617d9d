// Plain-words rendering of addresses and amounts for titles and details.
import { formatUnits, getAddress, type Address } from 'viem';
import type { Facts } from './context/facts';
import { isUnlimitedAmount } from './decode/actions';
import { KNOWN_DECIMALS, WRAPPED_NATIVE } from './registry/deployments';

export function short(address: string): string {
  const a = safeChecksum(address);
  return `${a.slice(0, 6)}…${a.slice(-4)}`;
}

export function safeChecksum(address: string): string {
  try {
    return getAddress(address);
  } catch {
    return address;
  }
}

/** "Uniswap Permit2 (0x0000…8BA3)" or "0x1234…abcd". */
export function label(address: Address, facts: Facts): string {
  const f = facts.address(address);
  return f.known ? `${f.known.name} (${short(address)})` : short(address);
}

export function tokenLabel(token: Address | undefined, facts: Facts): string {
  if (!token) return nativeSymbol(facts.chainId);
  const t = facts.token(token);
  if (t?.symbol) return t.symbol;
  const known = facts.address(token).known?.name;
  const symbol = known?.match(/\(([^)]+)\)\s*$/)?.[1];
  return symbol ?? known ?? `token ${short(token)}`;
}

export function amountText(amount: bigint | undefined, token: Address | undefined, facts: Facts): string {
  if (amount === undefined) return `all your ${tokenLabel(token, facts)}`;
  if (isUnlimitedAmount(amount)) return `an unlimited amount of ${tokenLabel(token, facts)}`;
  const key = token?.toLowerCase();
  const decimals = !key ? 18 : (facts.token(token!)?.decimals ?? KNOWN_DECIMALS[key] ?? (WRAPPED_NATIVE.has(key) ? 18 : undefined));
  const symbol = tokenLabel(token, facts);
  return decimals === undefined ? `${amount} units of ${symbol}` : `${formatUnits(amount, decimals)} ${symbol}`;
}

export function nativeSymbol(chainId: number | undefined): string {
  const symbols: Record<number, string> = { 56: 'BNB', 137: 'POL', 43114: 'AVAX', 250: 'FTM', 100: 'xDAI' };
  return (chainId !== undefined ? symbols[chainId] : undefined) ?? 'ETH';
}

export function etherText(wei: bigint, chainId?: number): string {
  return `${formatUnits(wei, 18)} ${nativeSymbol(chainId)}`;
}

export function dateText(seconds: bigint): string {
  const ms = Number(seconds) * 1000;
  if (!Number.isFinite(ms) || ms > 8.64e15) return 'never';
  return new Date(ms).toISOString().slice(0, 10);
}

/** JSON-safe evidence: bigints become decimal strings. */
export function evidence(values: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(values, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))) as Record<string, unknown>;
}
