// Addresses: what the shipped address lists and the protocol registry say about contracts that public
// sources name as legitimate, and about addresses an independent study names as phishers. A listed
// address in a request's spender, operator, recipient or target is `site.listed-address` (block); a
// contract the registry does not know is a stranger to every rule that trusts known protocols.
import type { SiteRisk } from '../analysis/ethereum';
import { knownContract } from '../analysis/ethereum/registry/known';
import { etherscanNamedAddresses, fortaFalsePositives, ledgerContracts, ptxphishSeedAddresses, SOURCES, type DataSource, type LabelledAddress } from './sources';

export interface AddressRow {
  population: string;
  source: DataSource;
  n: number;
  /** On a shipped address list (a request naming it is blocked as "known scam address"). */
  listed: number;
  /** Unknown to the registry (analysis/ethereum/registry), for the populations where that matters. */
  unknown?: number;
  examples: string[];
  malicious: boolean;
}

function row(population: string, source: DataSource, items: LabelledAddress[], site: SiteRisk, malicious: boolean, registry: boolean): AddressRow {
  const r: AddressRow = { population, source, n: items.length, listed: 0, examples: [], malicious, ...(registry ? { unknown: 0 } : {}) };
  for (const a of items) {
    const listed = site.listedAddress(a.address).length > 0;
    if (listed) {
      r.listed++;
      if (!malicious && r.examples.length < 5) r.examples.push(`${a.label || a.address} ${a.address} (chain ${a.chainId})`);
    } else if (malicious && r.examples.length < 5) r.examples.push(`${a.label} ${a.address}`);
    if (registry && !knownContract(a.address, a.chainId)) r.unknown!++;
  }
  return r;
}

export function evaluateAddresses(site: SiteRisk): AddressRow[] {
  return [
    row("contracts of Ledger's allow-listed dApps (13 chains)", SOURCES.ledger, ledgerContracts(), site, false, true),
    row('Etherscan name tags, bad labels left out (mainnet)', SOURCES.etherscanLabels, etherscanNamedAddresses(), site, false, false),
    row("addresses Forta's scam detector flagged wrongly", SOURCES.fortaFp, fortaFalsePositives(), site, false, false),
    row('seed phishing addresses of PTXPhish (mainnet)', SOURCES.ptxphish, ptxphishSeedAddresses(), site, true, false),
  ];
}
