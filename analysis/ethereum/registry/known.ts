// Names for addresses, in two tiers: the protocols' own published deployments, per chain
// (deployments.json), then Etherscan name tags scraped by a third party (known-contracts.json, mainnet only).
import type { Address } from 'viem';
import generated from './known-contracts.json';
import { DEPLOYMENTS, deployment, KNOWN_7702_DELEGATES } from './deployments';

const labels = (generated as { chains: Record<string, Record<string, string>> }).chains;

export interface KnownContract {
  name: string;
  /** `curated`: from the protocol's own deployment record; `etherscan-labels`: a third party's name tag. */
  source: 'curated' | 'etherscan-labels';
  protocol?: string;
  /** Where the protocol published it (package and version, or repository, commit and path). */
  citation?: string;
}

export function knownContract(address: Address | string | undefined, chainId: number | undefined): KnownContract | undefined {
  if (!address) return undefined;
  // Without a chain id, mainnet names are still the best guess for display; trust rules see the same.
  const chain = chainId ?? 1;
  const published = deployment(address, chain);
  if (published) return { name: published.name, source: 'curated', protocol: published.protocol, citation: published.citation };
  const labelled = labels[String(chain)]?.[address.toLowerCase()];
  return labelled ? { name: labelled, source: 'etherscan-labels' } : undefined;
}

export function known7702Delegate(address: Address): string | undefined {
  return KNOWN_7702_DELEGATES.get(address.toLowerCase());
}

/**
 * Every address the registry names, per chain id, lowercase and sorted, both tiers together: for
 * build-time checks that no registry address is on a blocklist.
 */
export function registryAddressesByChain(): Record<number, string[]> {
  const out = new Map<number, Set<string>>();
  const put = (chainId: number, address: string) => out.set(chainId, (out.get(chainId) ?? new Set()).add(address.toLowerCase()));
  for (const d of DEPLOYMENTS) put(d.chainId, d.address);
  for (const [chainId, names] of Object.entries(labels)) for (const address of Object.keys(names)) put(Number(chainId), address);
  return Object.fromEntries([...out].sort(([a], [b]) => a - b).map(([chainId, set]) => [chainId, [...set].sort()]));
}
