// Compiles the phishing domain and scam address lists in ../shared/data into the compact files the
// extension ships (analysis/site/data): one hashed set per source, so every hit can name its source and
// each source's licence stays attached to its own file; the allowlist of real crypto sites from the lists
// whose licence lets them ship; manifest.json (counts, bytes, sources, what was dropped and why).
// It fails when a blocklisted address is one the registry, a shipped list or a benign label names.
//   npm run lists:build              all sources
//   npm run lists:build -- --no-gpl  leaves out the GPL-3.0 ScamSniffer lists (an MIT-only package; see THIRD-PARTY-NOTICES.md)
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IMITATED_SITES } from '../brands';
import { encodeHashedSet, readHashedSet } from '../hashed-set';
import { HOSTING_PLATFORMS, lookupNames, normalizeHost } from '../hostname';
import type { ListSource } from '../site-risk';
import { addressConflicts, ledgerContracts, registryAddresses } from './address-checks';
import { createLegitIndex, type NoiseClass } from './legit-hosts';
import {
  benignAddressLabels,
  etherscanLabelFiles,
  fortaAddressFiles,
  legitSources,
  metamaskConfig,
  scamsnifferAddressFiles,
  scamsnifferDomains,
  type AddressSourceReading,
  type LegitSource,
} from './sources';

/** Re-exported for the readers that took them from here (eval/). */
export { metamaskConfig, scamsnifferDatedDomains } from './sources';

const OUT = join(import.meta.dirname, '..', 'data');

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
  allowlist: {
    id: 'allowlist',
    name: "the allowlist of real crypto sites (MetaMask's whitelist, ethereum-lists/chains, the WalletConnect registry, Optimism's token list, the project's imitated sites)",
    licence: 'DBAD-1.1 and MIT (see analysis/site/data/SOURCES.md)',
  },
} satisfies Record<string, ListSource>;

const IMITATED: LegitSource = {
  id: 'imitated-sites', name: "the project's imitated sites (analysis/site/brands.ts)", licence: 'MIT', mayShip: true, trust: 'current', date: '2026-04-30', kind: 'crypto',
  url: 'analysis/site/brands.ts', hosts: IMITATED_SITES.map((h) => normalizeHost(h)!),
};

/** Every legitimate-site list, the project's own imitated sites included. */
export function allLegitSources(): LegitSource[] {
  return [...legitSources(), IMITATED];
}

export interface AllowlistBuild {
  hosts: string[];
  /** Candidates left out, by reason. */
  dropped: Record<string, string[]>;
  perSource: Record<string, number>;
}

/**
 * The shipped allowlist: hosts of the lists that may ship, minus what must never be allowed wholesale:
 * hosting platforms and parents under which strangers get subdomains, general web platforms that only a
 * chain registry's info links name (github.com, medium.com, t.me), and sites a kept blocklist entry
 * names (a stale list's dead dapp re-registered by a scammer).
 */
export function buildAllowlist(legit: readonly LegitSource[], blocked: (host: string) => boolean, sharedParents: ReadonlySet<string>): AllowlistBuild {
  const platforms = new Set(HOSTING_PLATFORMS);
  const generic = new Set(legit.filter((s) => s.kind === 'generic').flatMap((s) => s.hosts));
  const shippable = legit.filter((s) => s.mayShip);
  const namedBy = new Map<string, Set<string>>();
  for (const s of shippable) for (const h of s.hosts) (namedBy.get(h) ?? namedBy.set(h, new Set()).get(h)!).add(s.id);
  const dropped: Record<string, string[]> = {};
  const perSource: Record<string, number> = {};
  const hosts: string[] = [];
  for (const [host, by] of namedBy) {
    const reason = platforms.has(host)
      ? 'hosting platform'
      : sharedParents.has(host)
        ? 'strangers get subdomains there (phishing lists name 3+ hosts under it)'
        : generic.has(host) && [...by].every((id) => id === 'ethereum-lists-chains')
          ? 'a general web platform that only a chain info link names'
          : blocked(host)
            ? 'on a kept blocklist entry'
            : undefined;
    if (reason) (dropped[reason] ??= []).push(host);
    else {
      hosts.push(host);
      for (const id of by) perSource[id] = (perSource[id] ?? 0) + 1;
    }
  }
  return { hosts: hosts.sort(), dropped, perSource };
}

interface DomainClean {
  kept: string[];
  dropped: Partial<Record<NoiseClass, string[]>>;
}

function main(): void {
  const legit = allLegitSources();
  const mm = metamaskConfig();
  const mmBlocked = mm.blacklist.map((d) => normalizeHost(d)).filter((h): h is string => h !== null);
  const ssAll = scamsnifferDomains();
  // Only lists that vouch for a site today may take it off a shipped blocklist: a 2022 list's dapp that a
  // phishing list named later may have lapsed and been re-registered.
  const current = createLegitIndex(legit.filter((s) => s.trust === 'current'), [...ssAll, ...mmBlocked]);
  const clean = (hosts: Iterable<string>): DomainClean => {
    const out: DomainClean = { kept: [], dropped: {} };
    for (const h of hosts) {
      const v = current.vouch(h);
      if (v) (out.dropped[v.cls] ??= []).push(h);
      else out.kept.push(h);
    }
    out.kept.sort();
    return out;
  };
  const mmClean = clean(mmBlocked);
  const ssClean = clean(ssAll);
  const keptBlocked = new Set([...mmClean.kept, ...ssClean.kept]);
  const allow = buildAllowlist(legit, (h) => lookupNames(h).some((n) => keptBlocked.has(n)), current.sharedParents);

  // Addresses: only the files a source labels scammer, drainer, phisher or exploiter.
  const addressFiles: { source: ListSource; file: string; readings: AddressSourceReading[] }[] = [
    { source: SOURCES.scamsniffer, file: 'scamsniffer-addresses.bin', readings: scamsnifferAddressFiles() },
    { source: SOURCES.forta, file: 'forta-addresses.bin', readings: fortaAddressFiles() },
    { source: SOURCES.etherscanLabels, file: 'etherscan-labels-addresses.bin', readings: etherscanLabelFiles() },
  ];
  // A benign label wins over a blocklist label: Permit2 and 1inch's router sit in labelled files too.
  const benign = [{ source: 'analysis/ethereum/registry (curated and generated)', addresses: registryAddresses() }, ...benignAddressLabels(), { source: "Ledger's web3allowlist dApp contracts", addresses: ledgerContracts() }];
  const removed: { list: string; address: string; class: string; why: string }[] = [];
  const addressLists = addressFiles.map(({ source, file, readings }) => {
    const labelled = new Set(readings.filter((r) => r.labelled).flatMap((r) => [...r.addresses]));
    const before = new Set(readings.flatMap((r) => [...r.addresses]));
    for (const a of [...before].sort()) {
      if (!labelled.has(a)) removed.push({ list: file, address: a, class: 'only in files that are not scam labels', why: readings.filter((r) => r.addresses.has(a)).map((r) => `${r.file}: ${r.why}`).join('; ') });
    }
    const kept: string[] = [];
    for (const a of [...labelled].sort()) {
      const named = benign.flatMap((b) => (b.addresses.has(a) ? [`${b.source}: ${b.addresses.get(a)}`] : []));
      if (named.length > 0) removed.push({ list: file, address: a, class: 'named benign', why: named.join('; ') });
      else kept.push(a);
    }
    return { source, file, keys: kept, before: before.size, readings };
  });
  // The check on what is written: read each encoded set back and look every benign address up in it.
  const encoded = addressLists.map((l) => ({ name: l.file, bytes: encodeHashedSet(l.keys) }));
  const conflicts = addressConflicts(encoded.map((e) => { const set = readHashedSet(e.bytes); return { name: e.name, has: (a: string) => set.has(a) }; }), benign);
  if (conflicts.length > 0) {
    for (const c of conflicts.slice(0, 40)) console.error(`  ${c.address} on ${c.list} but ${c.benignSource} names it: ${c.name}`);
    console.error(`lists:build failed: ${conflicts.length} blocklisted addresses are named benign by the registry or a benign label (first 40 above); nothing was written`);
    process.exit(1);
  }

  const lists = [
    { file: 'metamask-domains.bin', kind: 'domains', source: SOURCES.metamask, keys: mmClean.kept },
    { file: 'scamsniffer-domains.bin', kind: 'domains', source: SOURCES.scamsniffer, keys: ssClean.kept },
    ...addressLists.map((l) => ({ file: l.file, kind: 'addresses', source: l.source, keys: l.keys })),
  ];
  const examples = (xs: string[] | undefined) => ({ count: xs?.length ?? 0, examples: (xs ?? []).slice(0, 12) });
  const manifest = {
    generatedBy: 'analysis/site/build/build-lists.ts (npm run lists:build)',
    format: 'hashed set (analysis/site/hashed-set.ts): 40-bit key hashes, ≈2.4e-7 false matches per lookup',
    lists: [] as { file: string; kind: string; source: ListSource; entries: number; bytes: number }[],
    allowlist: { file: 'allowlist.json', source: SOURCES.allowlist, entries: allow.hosts.length, perSource: allow.perSource, fuzzylist: mm.fuzzylist.length },
    allowlistDropped: Object.fromEntries(Object.entries(allow.dropped).map(([k, v]) => [k, examples(v)])),
    domainsDroppedAsLegitimate: {
      'metamask-domains': Object.fromEntries(Object.entries(mmClean.dropped).map(([k, v]) => [k, examples(v)])),
      'scamsniffer-domains': Object.fromEntries(Object.entries(ssClean.dropped).map(([k, v]) => [k, examples(v)])),
    },
    addresses: Object.fromEntries(
      addressLists.map((l) => [
        l.file,
        {
          before: l.before,
          after: l.keys.length,
          files: l.readings.map((r) => ({ file: r.file, kept: r.labelled, why: r.why, addresses: r.addresses.size })),
        },
      ]),
    ),
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
    source: SOURCES.allowlist,
    sources: legit.filter((s) => s.mayShip).map((s) => ({ id: s.id, name: s.name, licence: s.licence, url: s.url })),
    whitelist: allow.hosts,
    fuzzylist: [...new Set(mm.fuzzylist)].sort(),
  };
  writeFileSync(join(OUT, 'allowlist.json'), `${JSON.stringify(allowlist)}\n`);
  writeFileSync(join(OUT, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(OUT, 'SOURCES.md'), sourcesMarkdown(manifest, legit, addressLists, removed, noGpl));
  writeFileSync(join(OUT, 'addresses-removed.json'), `${JSON.stringify({ generatedBy: manifest.generatedBy, note: 'Addresses the sources hold that the shipped address lists leave out, by class. Not shipped.', removed }, null, 1)}\n`);
  console.log(`allowlist.json ${allow.hosts.length} allowed (${Object.entries(allow.perSource).map(([k, v]) => `${k} ${v}`).join(', ')}), ${allowlist.fuzzylist.length} fuzzy targets`);
  console.log('allowlist candidates left out:', Object.fromEntries(Object.entries(allow.dropped).map(([k, v]) => [k, v.length])));
  console.log('domains dropped as legitimate hosts:', JSON.stringify({ metamask: Object.fromEntries(Object.entries(mmClean.dropped).map(([k, v]) => [k, v.length])), scamsniffer: Object.fromEntries(Object.entries(ssClean.dropped).map(([k, v]) => [k, v.length])) }));
  for (const l of addressLists) console.log(`${l.file}: ${l.before} → ${l.keys.length} addresses; ${l.readings.map((r) => `${r.file} ${r.addresses.size} ${r.labelled ? 'kept' : 'left out'}`).join('; ')}`);
}

type Manifest = {
  lists: { file: string; kind: string; source: ListSource; entries: number; bytes: number }[];
  allowlist: { entries: number; perSource: Record<string, number> };
  allowlistDropped: Record<string, { count: number; examples: string[] }>;
  domainsDroppedAsLegitimate: Record<string, Record<string, { count: number; examples: string[] }>>;
};

/** SOURCES.md: what each file holds, from which source and licence, and what was decided per source file. */
function sourcesMarkdown(
  m: Manifest,
  legit: readonly LegitSource[],
  addressLists: { file: string; before: number; keys: string[]; readings: AddressSourceReading[] }[],
  removed: { list: string; class: string }[],
  noGpl: boolean,
): string {
  const row = (file: string, what: string, source: string, licence: string) => `| ${file} | ${what} | ${source} | ${licence} |`;
  const entries = (file: string) => m.lists.find((l) => l.file === file)?.entries ?? 0;
  return [
    '# analysis/site/data: compiled site and address lists',
    '',
    '<!-- Written by analysis/site/build/build-lists.ts (npm run lists:build). Do not edit by hand. -->',
    '',
    'Generated from `../shared/data` (each folder\'s SOURCE.md there names the repository, commit and licence).',
    'Figures: `npm run bench:site-lists`. Format of the `.bin` files: analysis/site/hashed-set.ts (40-bit key',
    'hashes in buckets, ≈3.3 bytes per entry, ≈2.4e-7 false matches per lookup; keys cannot be read back).',
    'Licences and what the GPL-3.0 files mean for the package: ../../../THIRD-PARTY-NOTICES.md.',
    noGpl ? '\n**This build left out the GPL-3.0 ScamSniffer files (`--no-gpl`).**' : '',
    '',
    '| file | what | source | licence |',
    '|---|---|---|---|',
    row('metamask-domains.bin', `phishing domains (${entries('metamask-domains.bin')})`, SOURCES.metamask.url, SOURCES.metamask.licence),
    row('scamsniffer-domains.bin', `phishing domains (${entries('scamsniffer-domains.bin')}; daily archive 2022-05-31 … 2026-04-30, combined.json keys, all.json of 2024-03-06)`, SOURCES.scamsniffer.url, `**${SOURCES.scamsniffer.licence}**, its own file, with GPL-3.0.txt beside it`),
    row('scamsniffer-addresses.bin', `drainer and scam addresses (${entries('scamsniffer-addresses.bin')})`, SOURCES.scamsniffer.url, `**${SOURCES.scamsniffer.licence}**`),
    row('forta-addresses.bin', `phishing, exploit and heist addresses (${entries('forta-addresses.bin')})`, SOURCES.forta.url, SOURCES.forta.licence),
    row('etherscan-labels-addresses.bin', `L2 explorers' phish-hack, exploit, heist and scam labels (${entries('etherscan-labels-addresses.bin')})`, SOURCES.etherscanLabels.url, SOURCES.etherscanLabels.licence),
    row('allowlist.json', `real crypto sites (${m.allowlist.entries}; their subdomains count too) and MetaMask's fuzzy-match targets, as text`, 'the lists below that may ship', 'DBAD-1.1 (MetaMask) and MIT (the others)'),
    row('manifest.json', 'entries, bytes and source of each file; what was left out and why (counts, examples)', '—', '—'),
    row('addresses-removed.json', 'every address a source holds that the address lists leave out, with its class and reason (not shipped)', '—', '—'),
    '',
    '## Legitimate-site lists',
    '',
    'Only lists whose licence allows it ship in allowlist.json. The others train and measure the domain model (model/domain/REPORT.md) and help decide',
    'which phishing-list entries are legitimate hosts; nothing of them is in the package. `current` lists vouch for a site today; `stale` ones only as of their snapshot.',
    '',
    '| list | hosts | ships | in allowlist.json | trust | licence | source |',
    '|---|---:|---|---:|---|---|---|',
    ...legit.map((l) => `| ${l.name} | ${l.hosts.length} | ${l.mayShip ? 'yes' : 'no'} | ${m.allowlist.perSource[l.id] ?? 0} | ${l.trust} (${l.date})${l.exactOnly ? ', exact-match only' : ''} | ${l.licence} | ${l.url} |`),
    '',
    'Left out of allowlist.json (it overrides the lists and silences the look-alike and model checks for a site and its subdomains, so nothing shared may be on it):',
    ...Object.entries(m.allowlistDropped).map(([k, v]) => `- ${k}: ${v.count} (${v.examples.slice(0, 8).join(', ')})`),
    '',
    '## Phishing domains: legitimate hosts left out',
    '',
    'ScamSniffer keeps the host of every phishing URL, so a page on a big platform lists the platform. Left out (analysis/site/build/legit-hosts.ts), by class:',
    'a hosting platform itself; a host on a current legitimate list; a host under a site on a current legitimate list where the phishing lists show no',
    'sign that strangers get subdomains (fewer than 3 listed hosts under it). Only current lists count here: a stale list\'s dapp that a phishing list',
    'named later may have lapsed and been re-registered.',
    '',
    ...Object.entries(m.domainsDroppedAsLegitimate).flatMap(([list, byClass]) => Object.entries(byClass).map(([k, v]) => `- ${list}, ${k}: ${v.count} (${v.examples.slice(0, 8).join(', ')})`)),
    '',
    '## Address lists: what each source file is, and whether it ships',
    '',
    'Only addresses a source labels scammer, drainer, phisher or exploiter. A benign label wins: an address that the registry (analysis/ethereum/registry),',
    "Forta's scam-detector false-positive list, an Etherscan name tag or a dApp allowlist's contracts names is left out, and the build fails if one",
    'is still in a written file (analysis/site/address-lists.test.ts checks the committed files the same way).',
    '',
    '| list | source file | addresses | ships | why |',
    '|---|---|---:|---|---|',
    ...addressLists.flatMap((l) => l.readings.map((r) => `| ${l.file} | ${r.file} | ${r.addresses.size} | ${r.labelled ? 'yes' : 'no'} | ${r.why} |`)),
    '',
    '| list | addresses in the source files | shipped | left out: only in files that are not scam labels | left out: named benign |',
    '|---|---:|---:|---:|---:|',
    ...addressLists.map((l) => `| ${l.file} | ${l.before} | ${l.keys.length} | ${removed.filter((x) => x.list === l.file && x.class !== 'named benign').length} | ${removed.filter((x) => x.list === l.file && x.class === 'named benign').length} |`),
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) main();
