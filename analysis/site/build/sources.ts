// Readers for the public site and address data in ../shared/data (one function per source, no filtering
// beyond parsing), shared by the list build (analysis/site/build/build-lists.ts) and the domain model's trainer
// (model/domain/dataset.ts). Each legitimate-site source says whether its licence lets it ship and how
// far it can be trusted: `current` lists vouch for a site today, `stale` ones only as of their snapshot.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeHost } from '../hostname';

export const SHARED = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data');

export const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(SHARED, path), 'utf8')) as T;

/** Rows of a simple CSV (no quoted commas in the columns we read), header dropped. */
export const csvRows = (path: string): string[][] =>
  readFileSync(join(SHARED, path), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(',').map((c) => c.trim()));

const ADDRESS = /^0x[0-9a-f]{40}$/;

export function addressOf(v: unknown): string | undefined {
  const a = typeof v === 'string' ? v.trim().toLowerCase() : '';
  return ADDRESS.test(a) ? a : undefined;
}

/** Normalised hosts (see analysis/site/hostname.ts) of URLs or bare hosts, unique, in input order. */
export function hostsOf(values: Iterable<unknown>): string[] {
  const out = new Set<string>();
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const h = normalizeHost(v.replace(/^\*\./, ''));
    if (h && h.includes('.') && !/^[\d.]+$|^\[/.test(h)) out.add(h);
  }
  return [...out];
}

// ---------------------------------------------------------------- phishing domains

export function metamaskConfig(): { blacklist: string[]; whitelist: string[]; fuzzylist: string[] } {
  return readJson('metamask-eth-phishing-detect/src/config.json');
}

const ARCHIVE = 'scamsniffer-scam-database/blacklist/archive';
const archiveFiles = () => readdirSync(join(SHARED, ARCHIVE)).filter((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f)).sort();

/** ScamSniffer domains with the date of the daily archive file that first listed them. */
export function scamsnifferDatedDomains(): Map<string, string> {
  const firstSeen = new Map<string, string>();
  for (const file of archiveFiles()) {
    for (const host of hostsOf(readJson<{ domains?: unknown[] }>(join(ARCHIVE, file)).domains ?? [])) if (!firstSeen.has(host)) firstSeen.set(host, file.slice(0, 10));
  }
  return firstSeen;
}

/** Every ScamSniffer domain: the dated archive, the all.json of 2024-03-06 and the keys of combined.json. */
export function scamsnifferDomains(): Set<string> {
  const all = new Set(scamsnifferDatedDomains().keys());
  const snapshot = readJson<{ domains: unknown[] }>('scamsniffer-scam-database/blacklist_2024-03-06/all.json');
  const combined = readJson<Record<string, unknown>>('scamsniffer-scam-database/blacklist/combined.json');
  for (const h of hostsOf([...snapshot.domains, ...Object.keys(combined)])) all.add(h);
  return all;
}

// ---------------------------------------------------------------- legitimate sites

export interface LegitSource {
  id: string;
  name: string;
  licence: string;
  /** May the list (or a list derived from it) ship in the extension? */
  mayShip: boolean;
  /** `current`: vouches for a site today; `stale`: only as of `date` (its sites may have lapsed since). */
  trust: 'current' | 'stale';
  /** Snapshot day of the data. */
  date: string;
  /** Crypto sites, or general web sites. */
  kind: 'crypto' | 'generic';
  /** SEAL's list: brand portfolios, exact-match use only (never name-model training data, never a parent match). */
  exactOnly?: boolean;
  url: string;
  hosts: string[];
}

function ledgerHosts(): string[] {
  const file = readJson<{ allowlist: Record<string, { domain: string }[]> }>('ledger-web3allowlist/all-dapp-allowlist.json');
  return hostsOf(Object.values(file.allowlist).flat().map((e) => e.domain));
}

function chainHosts(): string[] {
  type Chain = { infoURL?: string; explorers?: { url: string }[]; rpc?: string[]; faucets?: string[] };
  const chains = readJson<Record<string, Chain>>('ethereum-lists-chains/chains.json');
  return hostsOf(Object.values(chains).flatMap((c) => [c.infoURL, ...(c.explorers ?? []).map((e) => e.url), ...(c.rpc ?? []), ...(c.faucets ?? [])]));
}

function walletconnectHosts(): string[] {
  type Entry = { homepage?: string; app?: { browser?: string } };
  const entries = [...Object.values(readJson<Record<string, Entry>>('walletconnect-registry/dapps.json')), ...Object.values(readJson<Record<string, Entry>>('walletconnect-registry/wallets.json'))];
  return hostsOf(entries.flatMap((e) => [e.homepage, e.app?.browser]));
}

/** Every legitimate-site list in ../shared/data, read as it is (each SOURCE.md there says more). */
export function legitSources(): LegitSource[] {
  return [
    {
      id: 'metamask-allowlist', name: "MetaMask eth-phishing-detect's whitelist", licence: 'DBAD-1.1', mayShip: true, trust: 'current', date: '2024-12-09', kind: 'crypto',
      url: 'https://github.com/MetaMask/eth-phishing-detect (npm eth-phishing-detect@1.2.0)', hosts: hostsOf(metamaskConfig().whitelist),
    },
    {
      id: 'ethereum-lists-chains', name: 'ethereum-lists/chains (explorers, RPC, faucet and info hosts)', licence: 'MIT', mayShip: true, trust: 'current', date: '2026-06-24', kind: 'crypto',
      url: 'https://github.com/ethereum-lists/chains via https://github.com/RevokeCash/chains @ c9f05d2a06e4ff9850a921c3a4873cacd059f280', hosts: chainHosts(),
    },
    {
      id: 'walletconnect-registry', name: 'WalletConnect v1 registry (dApps and wallets)', licence: 'MIT (Copyright (c) 2021 WalletConnect Labs OÜ)', mayShip: true, trust: 'stale', date: '2022-01-07', kind: 'crypto',
      url: 'https://github.com/WalletConnect/walletconnect-registry @ 26e7e0ae3a73cc6d3d5e6abad16b25e6b5a27ce0', hosts: walletconnectHosts(),
    },
    {
      id: 'optimism-tokenlist', name: "Optimism's Superchain token list (token projects' home pages)", licence: 'MIT', mayShip: true, trust: 'current', date: '2026-02-06', kind: 'crypto',
      url: 'https://github.com/ethereum-optimism/ethereum-optimism.github.io @ 9db0b0037010c0f0e286a5812096f9a08dcc98d1', hosts: hostsOf(readJson<{ website?: string }[]>('optimism-tokenlist/token-websites.json').map((e) => e.website)),
    },
    {
      id: 'ledger-web3allowlist', name: "Ledger's web3 dApp allowlist", licence: 'none (train and evaluate only)', mayShip: false, trust: 'current', date: '2026-03-02', kind: 'crypto',
      url: 'https://github.com/LedgerHQ/web3allowlist @ 1a532db8de567815d6239d4769ca7d2ba43c287a', hosts: ledgerHosts(),
    },
    {
      id: 'defillama-protocols-2022-03', name: "DefiLlama's protocol list of 2022-03", licence: 'none (train and evaluate only)', mayShip: false, trust: 'stale', date: '2022-03-02', kind: 'crypto',
      url: 'https://github.com/shinitakunai/defillama-server @ d495b7492fca347fa781ca96b5c01535c3418ac3', hosts: hostsOf(readJson<{ url?: string }[]>('defillama-protocols-2022-03/protocols.json').map((e) => e.url)),
    },
    {
      id: 'seal-allowlists', name: "SEAL's allowlist (member brands' domain portfolios)", licence: 'none (train and evaluate only)', mayShip: false, trust: 'current', date: '2026-05-04', kind: 'crypto', exactOnly: true,
      url: 'https://github.com/security-alliance/allowlists @ 774fe258bc8510f60de193fb8310cf85b8a2e26c', hosts: hostsOf(readFileSync(join(SHARED, 'seal-allowlists/domain.txt'), 'utf8').split('\n')),
    },
    {
      id: 'top-sites', name: 'Moz top 500 sites (npm top-sites)', licence: "MIT package; Moz's terms on the data", mayShip: false, trust: 'current', date: '2026-08-17', kind: 'generic',
      url: 'https://github.com/Kikobeats/top-sites @ c426d312d0ab78f1683d5cae826056e1c63adb52', hosts: hostsOf(readJson<{ rootDomain: string }[]>('top-sites/top-sites.json').map((e) => e.rootDomain)),
    },
  ];
}

// ---------------------------------------------------------------- addresses

export interface AddressSourceReading {
  /** What the file is, and whether its addresses are labelled scammer/drainer/phisher/exploiter. */
  file: string;
  labelled: boolean;
  why: string;
  addresses: Set<string>;
}

const setOf = (values: Iterable<unknown>) => new Set([...values].map(addressOf).filter((a): a is string => a !== undefined));

/** ScamSniffer's address files, each with the decision whether it is a scam-address label. */
export function scamsnifferAddressFiles(): AddressSourceReading[] {
  const combined = Object.values(readJson<Record<string, unknown>>('scamsniffer-scam-database/blacklist/combined.json')).flatMap((v) => (Array.isArray(v) ? v : [v]));
  const archive = archiveFiles().flatMap((f) => readJson<{ address?: unknown[] }>(join(ARCHIVE, f)).address ?? []);
  return [
    { file: 'blacklist/address.json', labelled: true, why: 'the blacklist of drainer and scam addresses', addresses: setOf(readJson<unknown[]>('scamsniffer-scam-database/blacklist/address.json')) },
    { file: 'blacklist_2024-03-06/all.json (address)', labelled: true, why: 'the same blacklist as of 2024-03-06', addresses: setOf(readJson<{ address: unknown[] }>('scamsniffer-scam-database/blacklist_2024-03-06/all.json').address) },
    { file: 'blacklist/combined.json (values)', labelled: false, why: 'the contracts a phishing site touched (the tokens and collections it asked victims to approve), not scam addresses', addresses: setOf(combined) },
    { file: 'blacklist/archive/*.json (address)', labelled: false, why: 'daily additions that carry the contracts phishing pages touched (USDT, USDC, WETH, BAYC, ENS, …) next to drainers, with nothing to tell them apart', addresses: setOf(archive) },
  ];
}

export function fortaAddressFiles(): AddressSourceReading[] {
  const base = 'forta-labelled-datasets/labels/1';
  const contracts = csvRows(`${base}/malicious_smart_contracts.csv`);
  const LABELS = new Set(['phish-hack', 'exploit', 'heist']);
  return [
    { file: 'labels/1/phishing_scams.csv', labelled: true, why: "Etherscan's phish-hack tags (Fake_Phishing…)", addresses: setOf(csvRows(`${base}/phishing_scams.csv`).map((r) => r[0])) },
    { file: 'labels/1/etherscan_malicious_labels.csv', labelled: true, why: "Etherscan's phish-hack, exploit and heist lists", addresses: setOf(csvRows(`${base}/etherscan_malicious_labels.csv`).map((r) => r[0])) },
    { file: 'labels/1/malicious_smart_contracts.csv (contract_address)', labelled: true, why: 'contracts Forta labels malicious (drainers, exploit contracts)', addresses: setOf(contracts.map((r) => r[0])) },
    {
      file: 'labels/1/malicious_smart_contracts.csv (contract_creator, labelled)', labelled: true, why: 'creators that Etherscan itself labels phish-hack, exploit or heist',
      addresses: setOf(contracts.filter((r) => LABELS.has(r[7] ?? '')).map((r) => r[2])),
    },
    {
      file: 'labels/1/malicious_smart_contracts.csv (contract_creator, unlabelled)', labelled: false, why: 'creators with no label of their own: a deployer is not a scammer because one contract it made was',
      addresses: setOf(contracts.filter((r) => !LABELS.has(r[7] ?? '')).map((r) => r[2])),
    },
    { file: 'labels/10/malicious_smart_contracts.csv', labelled: true, why: 'the one Optimism malicious contract', addresses: setOf(csvRows('forta-labelled-datasets/labels/10/malicious_smart_contracts.csv').map((r) => r[0])) },
  ];
}

export function etherscanLabelFiles(): AddressSourceReading[] {
  const root = join(SHARED, 'etherscan-labels/data');
  const out: AddressSourceReading[] = [];
  for (const explorer of readdirSync(root).sort()) {
    for (const kind of ['accounts', 'tokens']) {
      let files: string[] = [];
      try {
        files = readdirSync(join(root, explorer, kind)).filter((f) => f.endsWith('.csv')).sort();
      } catch {
        continue;
      }
      for (const f of files) {
        const label = f.replace(/\.csv$/, '');
        const labelled = ['phish-hack', 'exploit', 'heist', 'scam'].includes(label);
        const why = labelled
          ? `the explorer's ${label} label`
          : label === 'blocked'
            ? "stablecoin issuers' freezes (USDT/USDC blocked), not a scam label"
            : label === 'ofac-sanctions-lists'
              ? 'a legal sanctions list, not a drainer list'
              : label === 'spam-token'
                ? 'spam tokens (poisoning bait), not addresses that take assets'
                : 'not a malicious label';
        out.push({ file: `${explorer}/${kind}/${f}`, labelled, why, addresses: setOf(csvRows(`etherscan-labels/data/${explorer}/${kind}/${f}`).map((r) => r[1])) });
      }
    }
  }
  return out;
}

/** Etherscan name tags that say an address is a protocol or entity, not a threat. */
const MALICIOUS_TAGS = new Set(['blocked', 'ofac-sanctions-lists', 'spam-token', 'phish-hack', 'heist', 'exploit', 'scam', 'take-action', 'suspicious']);

/** An address a source names, lower case, with the chain it names it on and its name there. */
export interface NamedAddress {
  address: string;
  /** The source's own word for the chain (a number, or Ledger's name such as "arbitrum"). */
  chain: string;
  name: string;
}

/** Addresses Forta's scam detector flagged wrongly (hard benign examples). */
export function fortaFalsePositives(): NamedAddress[] {
  return csvRows('forta-starter-kits/scam-detector-py/fp_list.csv').flatMap((r) => {
    const address = addressOf(r[0]);
    return address ? [{ address, chain: r[1]?.trim() || '1', name: r.slice(2).join(',').trim() || 'scam-detector false positive' }] : [];
  });
}

/** Etherscan's name tags (mainnet) of addresses no malicious label names. */
export function etherscanBenignTags(): NamedAddress[] {
  const labels = readJson<Record<string, { name?: string; labels?: string[] }>>('etherscan-labels/data/etherscan/combined/combinedAllLabels.json');
  return Object.entries(labels).flatMap(([raw, entry]) => {
    const address = addressOf(raw);
    if (!address || (entry.labels ?? []).some((l) => MALICIOUS_TAGS.has(l)) || !entry.name) return [];
    return [{ address, chain: '1', name: `${entry.name} (${(entry.labels ?? []).join(', ')})` }];
  });
}

/** The contracts of the dApps on Ledger's allowlist, per Ledger chain name (no licence: checks and evaluation only). */
export function ledgerDappContracts(): NamedAddress[] {
  const file = readJson<{ allowlist: Record<string, { name: string; contracts?: { address: string }[] }[]> }>('ledger-web3allowlist/all-dapp-allowlist.json');
  return Object.entries(file.allowlist).flatMap(([chain, dapps]) => dapps.flatMap((d) => (d.contracts ?? []).flatMap((c) => {
    const address = addressOf(c.address);
    return address ? [{ address, chain, name: d.name }] : [];
  })));
}

/** The first name each address gets, by address. */
export function byAddress(named: readonly NamedAddress[], label: (n: NamedAddress) => string = (n) => n.name): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of named) if (!out.has(n.address)) out.set(n.address, label(n));
  return out;
}

/** Addresses that sources label benign: Forta's scam-detector false positives and Etherscan's protocol tags. */
export function benignAddressLabels(): { source: string; addresses: Map<string, string> }[] {
  return [
    { source: 'forta-starter-kits scam-detector-py/fp_list.csv', addresses: byAddress(fortaFalsePositives()) },
    { source: 'etherscan-labels combinedAllLabels.json (name tags, malicious labels left out)', addresses: byAddress(etherscanBenignTags()) },
  ];
}
