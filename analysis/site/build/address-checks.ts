// The build-time check that the address blocklists mean what they say: no address that the registry,
// a shipped list or a benign label names may be on a blocklist. Run by `npm run lists:build` (which fails)
// and by analysis/site/address-lists.test.ts (`npm run test:unit`).
import { knownContract, registryAddressesByChain } from '../../ethereum/registry/known';
import { byAddress, ledgerDappContracts } from './sources';

/** Every address the registry names (analysis/ethereum/registry: published deployments and labels), with its name. */
export function registryAddresses(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [chainId, addresses] of Object.entries(registryAddressesByChain())) {
    for (const a of addresses) if (!out.has(a)) out.set(a, `${knownContract(a, Number(chainId))?.name ?? 'registry entry'} (chain ${chainId})`);
  }
  return out;
}

/** The contracts of the dApps in Ledger's allowlist (benign; no licence, so a build check only, never shipped). */
export function ledgerContracts(): Map<string, string> {
  return byAddress(ledgerDappContracts(), (c) => `${c.name} (${c.chain})`);
}

export interface AddressConflict {
  address: string;
  list: string;
  benignSource: string;
  name: string;
}

/** Benign addresses that a blocklist (anything with `has`, e.g. a shipped hashed set) holds. */
export function addressConflicts(blocklists: readonly { name: string; has(address: string): boolean }[], benign: readonly { source: string; addresses: ReadonlyMap<string, string> }[]): AddressConflict[] {
  const out: AddressConflict[] = [];
  for (const b of blocklists) {
    for (const g of benign) for (const [a, name] of g.addresses) if (b.has(a)) out.push({ address: a, list: b.name, benignSource: g.source, name });
  }
  return out;
}
