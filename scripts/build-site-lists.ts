// Compiles the phishing domain and drainer address lists in ../shared/data into the compact files the
// extension ships (analysis/site/data): one hashed set per source, so every hit can name its source and
// each source's licence stays attached to its own file. Also writes manifest.json (counts, bytes, sources).
//   npm run lists:build              all sources
//   npm run lists:build -- --no-gpl  leaves out the GPL-3.0 ScamSniffer lists (an MIT-only package; see THIRD-PARTY-NOTICES.md)
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IMITATED_SITES } from '../analysis/site/brands';
import { encodeHashedSet } from '../analysis/site/hashed-set';
import { HOSTING_PLATFORMS, lookupNames, normalizeHost } from '../analysis/site/hostname';
import { knownContract } from '../analysis/registry/known';
import type { ListSource } from '../analysis/site/site-risk';

const SHARED = join(import.meta.dirname, '..', '..', 'shared', 'data');
const OUT = join(import.meta.dirname, '..', 'analysis', 'site', 'data');

export const SOURCES = {
  metamask: {
    id: 'metamask',
    name: "MetaMask's eth-phishing-detect list",
    licence: "DBAD-1.1 (Don't Be A Dick Public License)",
    url: 'https://github.com/MetaMask/eth-phishing-detect (npm eth-phishing-detect@1.2.0)',
  },
  scamsniffer: {
    id: 'scamsniffer',
    name: 'ScamSniffer scam database',
    licence: 'GPL-3.0',
    url: 'https://github.com/scamsniffer/scam-database @ 750005582359f99a2ef2b2133daca27926e5c661',
  },
  forta: {
    id: 'forta',
    name: "Forta's labelled datasets (Etherscan phish/hack, exploit and heist labels)",
    licence: 'MIT (Copyright (c) 2022 Forta Foundation)',
    url: 'https://github.com/forta-network/labelled-datasets @ 40a9c2f2bd7e9ddfdd0f3540db589f0288e1e88a',
  },
  etherscanLabels: {
    id: 'etherscan-labels',
    name: 'etherscan-labels (L2 explorers: phish/hack, exploit, heist, scam)',
    licence: 'MIT (Copyright (c) 2022 Brian Lee Cheow Teng)',
    url: 'https://github.com/brianleect/etherscan-labels @ 923aba72c7e2d0682f7ae6194b6140bd90668dc9',
  },
} satisfies Record<string, ListSource>;

const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(SHARED, path), 'utf8')) as T;
const csvRows = (path: string): string[][] =>
  readFileSync(join(SHARED, path), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(','));
const ADDRESS = /^0x[0-9a-f]{40}$/;

function addresses(values: Iterable<unknown>): Set<string> {
  const out = new Set<string>();
  for (const v of values) {
    const a = typeof v === 'string' ? v.trim().toLowerCase() : '';
    if (ADDRESS.test(a)) out.add(a);
  }
  return out;
}

export function metamaskConfig(): { blacklist: string[]; whitelist: string[]; fuzzylist: string[] } {
  return readJson('metamask-eth-phishing-detect/src/config.json');
}

/** ScamSniffer domains with the date of the daily archive file that first listed them. */
export function scamsnifferDatedDomains(): Map<string, string> {
  const dir = 'scamsniffer-scam-database/blacklist/archive';
  const firstSeen = new Map<string, string>();
  for (const file of readdirSync(join(SHARED, dir)).filter((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f)).sort()) {
    const day = readJson<{ domains?: unknown[] }>(join(dir, file));
    for (const d of day.domains ?? []) {
      const host = typeof d === 'string' ? normalizeHost(d) : null;
      if (host && !firstSeen.has(host)) firstSeen.set(host, file.slice(0, 10));
    }
  }
  return firstSeen;
}

function scamsnifferDomains(): Set<string> {
  const all = new Set(scamsnifferDatedDomains().keys());
  const snapshot = readJson<{ domains: unknown[] }>('scamsniffer-scam-database/blacklist_2024-03-06/all.json');
  const combined = readJson<Record<string, unknown>>('scamsniffer-scam-database/blacklist/combined.json');
  for (const d of [...snapshot.domains, ...Object.keys(combined)]) {
    const host = typeof d === 'string' ? normalizeHost(d) : null;
    if (host) all.add(host);
  }
  return all;
}

function scamsnifferAddresses(): Set<string> {
  const dir = 'scamsniffer-scam-database/blacklist/archive';
  const values: unknown[] = [...readJson<unknown[]>('scamsniffer-scam-database/blacklist/address.json')];
  values.push(...readJson<{ address: unknown[] }>('scamsniffer-scam-database/blacklist_2024-03-06/all.json').address);
  for (const v of Object.values(readJson<Record<string, unknown>>('scamsniffer-scam-database/blacklist/combined.json'))) values.push(...(Array.isArray(v) ? v : [v]));
  for (const file of readdirSync(join(SHARED, dir))) values.push(...(readJson<{ address?: unknown[] }>(join(dir, file)).address ?? []));
  return addresses(values);
}

function fortaAddresses(): Set<string> {
  const base = 'forta-labelled-datasets/labels/1';
  const values: string[] = [];
  values.push(...csvRows(`${base}/phishing_scams.csv`).map((r) => r[0]!));
  values.push(...csvRows(`${base}/etherscan_malicious_labels.csv`).map((r) => r[0]!));
  for (const r of csvRows(`${base}/malicious_smart_contracts.csv`)) values.push(r[0]!, r[2]!);
  values.push(...csvRows('forta-labelled-datasets/labels/10/malicious_smart_contracts.csv').map((r) => r[0]!));
  return addresses(values);
}

function etherscanLabelAddresses(): Set<string> {
  // The L2 explorers' phishing, exploit, heist and scam labels. Left out on purpose: `blocked` (stablecoin
  // issuers' freezes), OFAC sanctions (a legal list, not a drainer list) and spam tokens (poisoning bait).
  const root = join(SHARED, 'etherscan-labels/data');
  const values: string[] = [];
  for (const explorer of readdirSync(root)) {
    for (const kind of ['accounts', 'tokens']) {
      let files: string[] = [];
      try {
        files = readdirSync(join(root, explorer, kind));
      } catch {
        continue;
      }
      for (const f of files.filter((f) => /^(phish-hack|exploit|heist|scam)\.csv$/.test(f))) {
        values.push(...csvRows(`etherscan-labels/data/${explorer}/${kind}/${f}`).map((r) => r[1]!));
      }
    }
  }
  return addresses(values);
}

function main(): void {
  const mm = metamaskConfig();
  const allow = new Set([...mm.whitelist, ...IMITATED_SITES].map((h) => normalizeHost(h)).filter((h): h is string => h !== null));
  const platforms = new Set(HOSTING_PLATFORMS);
  const dropped: Record<string, string[]> = {};
  // A blocklist entry that names a hosting platform itself or an allow-listed site would block real sites.
  const cleanDomains = (id: string, hosts: Iterable<string>): string[] => {
    const kept: string[] = [];
    for (const h of hosts) {
      if (platforms.has(h) || lookupNames(h).some((n) => allow.has(n))) (dropped[id] ??= []).push(h);
      else kept.push(h);
    }
    return kept.sort();
  };
  const cleanAddresses = (id: string, set: Set<string>): string[] => {
    const kept: string[] = [];
    for (const a of set) {
      // Curated (hand-checked) protocol contracts are never "drainers", whatever a list says.
      if (knownContract(a, 1)?.source === 'curated') (dropped[id] ??= []).push(a);
      else kept.push(a);
    }
    return kept.sort();
  };

  const mmBlocked = cleanDomains('metamask-domains', [...mm.blacklist].map((d) => normalizeHost(d)).filter((h): h is string => h !== null));
  const ssDomains = cleanDomains('scamsniffer-domains', scamsnifferDomains());
  const lists = [
    { file: 'metamask-domains.bin', kind: 'domains', source: SOURCES.metamask, keys: mmBlocked },
    { file: 'scamsniffer-domains.bin', kind: 'domains', source: SOURCES.scamsniffer, keys: ssDomains },
    { file: 'scamsniffer-addresses.bin', kind: 'addresses', source: SOURCES.scamsniffer, keys: cleanAddresses('scamsniffer-addresses', scamsnifferAddresses()) },
    { file: 'forta-addresses.bin', kind: 'addresses', source: SOURCES.forta, keys: cleanAddresses('forta-addresses', fortaAddresses()) },
    { file: 'etherscan-labels-addresses.bin', kind: 'addresses', source: SOURCES.etherscanLabels, keys: cleanAddresses('etherscan-labels-addresses', etherscanLabelAddresses()) },
  ];
  const manifest = {
    generatedBy: 'scripts/build-site-lists.ts (npm run lists:build)',
    format: 'hashed set (analysis/site/hashed-set.ts): 40-bit key hashes, ≈2.4e-7 false matches per lookup',
    lists: [] as { file: string; kind: string; source: ListSource; entries: number; bytes: number }[],
    allowlist: { file: 'allowlist.json', source: SOURCES.metamask, entries: mm.whitelist.length, fuzzylist: mm.fuzzylist.length },
    droppedBecauseAllowlisted: Object.fromEntries(Object.entries(dropped).map(([k, v]) => [k, { count: v.length, examples: v.slice(0, 10) }])),
  };
  const noGpl = process.argv.includes('--no-gpl');
  for (const l of lists) {
    if (noGpl && l.source.licence.startsWith('GPL')) {
      rmSync(join(OUT, l.file), { force: true });
      console.log(`${l.file.padEnd(32)} left out (--no-gpl)`);
      continue;
    }
    const bytes = encodeHashedSet(l.keys);
    writeFileSync(join(OUT, l.file), bytes);
    manifest.lists.push({ file: l.file, kind: l.kind, source: l.source, entries: l.keys.length, bytes: bytes.byteLength });
    console.log(`${l.file.padEnd(32)} ${String(l.keys.length).padStart(7)} entries ${String(bytes.byteLength).padStart(9)} bytes  (${l.source.licence})`);
  }
  const allowlist = {
    source: SOURCES.metamask,
    whitelist: [...new Set(mm.whitelist.map((h) => normalizeHost(h)).filter((h): h is string => h !== null))].sort(),
    fuzzylist: [...new Set(mm.fuzzylist)].sort(),
  };
  writeFileSync(join(OUT, 'allowlist.json'), `${JSON.stringify(allowlist)}\n`);
  writeFileSync(join(OUT, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`allowlist.json ${allowlist.whitelist.length} allowed, ${allowlist.fuzzylist.length} fuzzy targets; dropped:`, Object.fromEntries(Object.entries(dropped).map(([k, v]) => [k, v.length])));
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) main();
