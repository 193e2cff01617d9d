// Addresses the user has sent assets to before, kept locally by the extension (never sent anywhere).
// Address poisoning plants look-alikes of these in the user's transaction list.
import type { Address } from 'viem';

export interface AddressHistory {
  has(address: Address): boolean;
  /** Every remembered address (lower-case or checksummed). */
  list(): Iterable<string>;
}

export function createMemoryHistory(addresses: Iterable<string> = []): AddressHistory & { add(address: string): void } {
  const set = new Set<string>();
  for (const a of addresses) set.add(a.toLowerCase());
  return {
    has: (address) => set.has(address.toLowerCase()),
    list: () => set.values(),
    add: (address) => void set.add(address.toLowerCase()),
  };
}

/** Wallets show the first and last few characters; poisoners match exactly those. */
export function lookalikes(address: Address, history: AddressHistory, chars = 3): string[] {
  if (history.has(address)) return [];
  const a = address.toLowerCase();
  const head = a.slice(2, 2 + chars);
  const tail = a.slice(-chars);
  const found: string[] = [];
  for (const h of history.list()) {
    const b = h.toLowerCase();
    if (b !== a && b.slice(2, 2 + chars) === head && b.slice(-chars) === tail) found.push(h);
  }
  return found;
}
