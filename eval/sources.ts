// The public data the evaluation reads, from ../shared/data (each folder's SOURCE.md names its
// repository, commit and licence). Nothing here is written by us: hosts and addresses only, as the
// sources list them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeHost } from '../analysis/site/hostname';
import { metamaskConfig, scamsnifferDatedDomains } from '../analysis/site/build/build-lists';
import { etherscanBenignTags, fortaFalsePositives as fortaFalsePositivesFromSource, ledgerDappContracts, type NamedAddress } from '../analysis/site/build/sources';

/** Where analysis/site/build/build-lists.ts reads it too. */
export const SHARED_DATA = join(import.meta.dirname, '..', '..', 'shared', 'data');

export interface DataSource {
  id: string;
  /** Repository @ commit and path, or package@version and file. */
  origin: string;
  licence: string;
}

export const SOURCES = {
  ledger: { id: 'ledger-web3allowlist', origin: 'LedgerHQ/web3allowlist @ 1a532db8 all-dapp-allowlist.json (30 % withheld by shared/data)', licence: 'none (evaluation only)' },
  seal: { id: 'seal-allowlists', origin: 'security-alliance/allowlists @ 774fe258 domain.txt', licence: 'none (evaluation only)' },
  walletconnect: { id: 'walletconnect-registry', origin: 'WalletConnect/walletconnect-registry @ 26e7e0ae public/data/{dapps,wallets}.json', licence: 'MIT' },
  defillama: { id: 'defillama-protocols-2022-03', origin: 'shinitakunai/defillama-server @ d495b749 defi/src/protocols/data*.ts', licence: 'none (evaluation only)' },
  optimism: { id: 'optimism-tokenlist', origin: 'ethereum-optimism/ethereum-optimism.github.io @ 9db0b003 data/*/data.json', licence: 'MIT' },
  chains: { id: 'ethereum-lists-chains', origin: 'RevokeCash/chains @ c9f05d2a src/chains.ts (infoURL, explorers, faucets)', licence: 'MIT' },
  topSites: { id: 'top-sites', origin: 'Kikobeats/top-sites @ c426d312 top-sites.json (Moz Top 500)', licence: "MIT package, Moz's terms on the data" },
  metamask: { id: 'metamask-eth-phishing-detect', origin: 'npm eth-phishing-detect@1.2.0 src/config.json', licence: 'DBAD-1.1' },
  scamsniffer: { id: 'scamsniffer-scam-database', origin: 'scamsniffer/scam-database @ 75000558 blacklist/ (archive 2022-05-31 … 2026-04-30)', licence: 'GPL-3.0' },
  etherscanLabels: { id: 'etherscan-labels', origin: 'brianleect/etherscan-labels @ 923aba72 data/etherscan/combined/combinedAllLabels.json', licence: 'MIT' },
  fortaFp: { id: 'forta-starter-kits', origin: 'forta-network/starter-kits @ 95a4bf4b scam-detector-py/fp_list.csv', licence: 'MIT' },
  ptxphish: { id: 'ptxphish', origin: 'HypoopyH/PTXPhish @ 18efed8f dataset/InitialAddress.xlsx (Chen et al., NDSS 2025)', licence: 'none (evaluation only)' },
} satisfies Record<string, DataSource>;

const read = (path: string) => readFileSync(join(SHARED_DATA, path), 'utf8');
const json = <T>(path: string): T => JSON.parse(read(path)) as T;

export function sharedDataPresent(): boolean {
  return existsSync(join(SHARED_DATA, 'README.md'));
}

/** Unique host names, as the analysis normalizes them. */
export function hosts(values: Iterable<unknown>): string[] {
  const out = new Set<string>();
  for (const v of values) {
    if (typeof v !== 'string' || v.trim() === '') continue;
    // Ledger writes three dApps as wildcards (*.ens.domains): the registrable domain stands for them.
    const host = normalizeHost(v.trim().replace(/^\*\./, ''));
    if (host && host.includes('.')) out.add(host);
  }
  return [...out];
}

const LEDGER_CHAINS: Record<string, number> = { arbitrum: 42161, avalanche: 43114, base: 8453, bsc: 56, celo: 42220, ethereum: 1, fantom: 250, gnosis: 100, linea: 59144, optimism: 10, polygon: 137, scroll: 534352, zksync: 324 };

type LedgerFile = { allowlist: Record<string, { name: string; domain: string; contracts?: { address: string }[] }[]> };

/** Legitimate crypto sites, one list per source. */
export function legitimateCryptoHosts(): { source: DataSource; hosts: string[] }[] {
  const ledger = json<LedgerFile>('ledger-web3allowlist/all-dapp-allowlist.json');
  const wc = ['dapps', 'wallets'].flatMap((f) => Object.values(json<Record<string, { homepage?: string; app?: { browser?: string } }>>(`walletconnect-registry/${f}.json`)));
  const chains = Object.values(json<Record<string, { infoURL?: string; explorers?: { url: string }[]; faucets?: string[] }>>('ethereum-lists-chains/chains.json'));
  return [
    { source: SOURCES.ledger, hosts: hosts(Object.values(ledger.allowlist).flatMap((dapps) => dapps.map((d) => d.domain))) },
    { source: SOURCES.seal, hosts: hosts(read('seal-allowlists/domain.txt').split('\n')) },
    { source: SOURCES.walletconnect, hosts: hosts(wc.flatMap((e) => [e.homepage, e.app?.browser])) },
    { source: SOURCES.defillama, hosts: hosts(json<{ url?: string }[]>('defillama-protocols-2022-03/protocols.json').map((p) => p.url)) },
    { source: SOURCES.optimism, hosts: hosts(json<{ website?: string }[]>('optimism-tokenlist/token-websites.json').map((t) => t.website)) },
    { source: SOURCES.chains, hosts: hosts(chains.flatMap((c) => [c.infoURL, ...(c.explorers ?? []).map((e) => e.url), ...(c.faucets ?? [])])) },
    { source: SOURCES.metamask, hosts: hosts(metamaskConfig().whitelist) },
  ];
}

export function topSiteHosts(): string[] {
  return hosts(json<{ rootDomain: string }[]>('top-sites/top-sites.json').map((s) => s.rootDomain));
}

/** ScamSniffer's phishing hosts with the day its daily archive first listed them (undated: the two snapshots). */
export function scamsnifferHosts(): { dated: Map<string, string>; undated: Set<string> } {
  const dated = scamsnifferDatedDomains();
  const snapshot = json<{ domains: unknown[] }>('scamsniffer-scam-database/blacklist_2024-03-06/all.json').domains;
  const combined = Object.keys(json<Record<string, unknown>>('scamsniffer-scam-database/blacklist/combined.json'));
  return { dated, undated: new Set(hosts([...snapshot, ...combined])) };
}

export interface LabelledAddress {
  address: string;
  chainId: number;
  label: string;
}

/** Contracts of Ledger's allow-listed dApps, per chain: the build check's own reader (analysis/site/build/sources.ts). */
export function ledgerContracts(): LabelledAddress[] {
  const seen = new Map<string, LabelledAddress>();
  for (const c of ledgerDappContracts()) {
    const chainId = LEDGER_CHAINS[c.chain];
    if (chainId !== undefined && !seen.has(`${chainId}:${c.address}`)) seen.set(`${chainId}:${c.address}`, { address: c.address, chainId, label: c.name });
  }
  return [...seen.values()];
}

const labelled = (named: NamedAddress[]): LabelledAddress[] => named.map((n) => ({ address: n.address, chainId: Number(n.chain) || 1, label: n.name }));

/** Etherscan's name tags other than the ones that mean "bad" (mainnet): what the build check calls benign. */
export const etherscanNamedAddresses = (): LabelledAddress[] => labelled(etherscanBenignTags());

/** Addresses Forta's scam detector flagged wrongly (hard benign). */
export const fortaFalsePositives = (): LabelledAddress[] => labelled(fortaFalsePositivesFromSource());

/** PTXPhish's seed scammer addresses per phishing kind (mainnet). */
export function ptxphishSeedAddresses(): LabelledAddress[] {
  const seen = new Map<string, LabelledAddress>();
  for (const r of read('ptxphish/dataset/InitialAddress.csv').split(/\r?\n/).slice(1).map((l) => l.split(','))) {
    const address = r[1]?.trim().toLowerCase() ?? '';
    if (/^0x[0-9a-f]{40}$/.test(address) && !seen.has(address)) seen.set(address, { address, chainId: 1, label: r[0] ?? '' });
  }
  return [...seen.values()];
}
