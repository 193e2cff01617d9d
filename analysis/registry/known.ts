// Names for addresses: curated entries first, then the generated Etherscan registry (mainnet only).
import type { Address } from 'viem';
import generated from './known-contracts.json';
import { EVERY_CHAIN, KNOWN_7702_DELEGATES, PER_CHAIN } from './curated';

const chains = (generated as { chains: Record<string, Record<string, string>> }).chains;

export interface KnownContract {
  name: string;
  source: 'curated' | 'etherscan-labels';
}

export function knownContract(address: Address | string | undefined, chainId: number | undefined): KnownContract | undefined {
  if (!address) return undefined;
  const key = address.toLowerCase();
  const curated = (chainId !== undefined ? PER_CHAIN[chainId]?.[key] : undefined) ?? EVERY_CHAIN[key];
  if (curated) return { name: curated, source: 'curated' };
  // Without a chain id, mainnet names are still the best guess for display; trust rules see the same.
  const labelled = chains[String(chainId ?? 1)]?.[key];
  return labelled ? { name: labelled, source: 'etherscan-labels' } : undefined;
}

export function known7702Delegate(address: Address): string | undefined {
  return KNOWN_7702_DELEGATES[address.toLowerCase()];
}

export function registrySize(): number {
  return Object.values(chains).reduce((n, c) => n + Object.keys(c).length, 0) + Object.keys(EVERY_CHAIN).length + Object.values(PER_CHAIN).reduce((n, c) => n + Object.keys(c).length, 0);
}
