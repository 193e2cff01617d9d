// Real, labelled contract code for the contract model (issue 18): deployed bytecode of Ponzi schemes,
// rug-pull tokens and honeypots, with real benign code next to them (DApps, named tokens, contracts the
// detectors flagged and people cleared, public sources compiled here, protocol artifacts from npm).
// Every row is a contract alone: calldata '0x', value '0', synthetic false. The data sets are described in
// ../shared/data/<folder>/SOURCE.md; the choices made here are explained next to the code that makes them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeGroupsBySkeleton, normaliseName, skeletonKey, unionGroups } from './code-groups.ts';
import { buildLabel, compileSources, type BuildSettings } from './compile-legacy.ts';
import { compiledPublicRows, moreNpmArtifactRows } from './compiled-public.ts';
import { parseCsvRecords } from './csv.ts';
import type { DataRow } from './dataset.ts';
import { pickDeployedContract } from './deployed-contract.ts';
import { isMinimalProxy, runtimeFromCreation } from './runtime-cut.ts';

export { compiledPublicRows, moreNpmArtifactRows };

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
export const SHARED_DATA = resolve(ROOT, '../shared/data');
/** Compiler output cache (git-ignored, like the rest of model/.data). */
export const LEGACY_CACHE = resolve(ROOT, 'model/.data/solc-legacy-cache');

const readRecords = (path: string) => parseCsvRecords(readFileSync(path, 'utf8'));
const hex0x = (text: string) => {
  const t = text.trim().toLowerCase();
  return t.startsWith('0x') ? t : `0x${t}`;
};
const isoDay = (text: string | undefined) => (text && /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : null);

function contractRow(r: Omit<DataRow, 'calldata' | 'value' | 'synthetic'>): DataRow {
  return { calldata: '0x', value: '0', synthetic: false, ...r };
}

/** Addresses HoneyBadger's authors confirmed as honeypots: never part of a benign pool. */
export function honeypotAddresses(): Set<string> {
  const rows = readRecords(join(SHARED_DATA, 'honeybadger-honeypots/index.csv'));
  return new Set(rows.filter((r) => r.manual_label === 'TRUE').map((r) => r.address!.toLowerCase()));
}

/**
 * The label conflicts sadponzi/SOURCE.md names: two "DApps" that SADPonzi's own large-scale run (rq3)
 * lists as tree Ponzis, and one DApp that HoneyBadger checked by hand (FALSE, i.e. it looks like a
 * honeypot). Their class is in doubt, so they are used as neither.
 */
export const SADPONZI_CONFLICTS: readonly string[] = [
  '0x568ad119417a50529ed0d296a9f1389a6525b49a',
  '0x595a47e57b3ec34031429d2abf9c941e4e3a8d99',
  '0xdfe06d5a4534fbe955eebe8a4908ef596763c2a4',
];

/**
 * SADPonzi rq1: 133 Ponzi contracts (label 1, family 'ponzi') and 1,262 DApp contracts (label 0,
 * family 'dapp'), real runtime bytecode. Groups join a Ponzi's scheme name (normalised: EthVentures4 and
 * EthVentures1 are one scheme) with its skeleton, so renamed redeployments stay together; DApps group by
 * skeleton. Dates are the creation times rq3 gives (only for contracts rq3 also lists).
 * DApps that CRPWarner's large set also uses (121: named tokens, and 5 whose owner mint or leak CRPWarner's
 * authors confirmed) are left to crpwarnerRows, whose label looks at the token code itself; keeping both
 * would put one bytecode in the data twice, in two groups, and 5 of them under both labels.
 */
export function sadponziRows(): DataRow[] {
  const dir = join(SHARED_DATA, 'sadponzi');
  const index = readRecords(join(dir, 'index.csv'));
  const created = new Map<string, string>();
  for (const f of readdirSync(join(dir, 'dataset/rq3')).filter((f) => f.endsWith('.csv')).sort()) {
    for (const r of readRecords(join(dir, 'dataset/rq3', f))) {
      const day = isoDay(r.create_time);
      if (day && r.address) created.set(r.address.toLowerCase(), day);
    }
  }
  const excluded = new Set([...SADPONZI_CONFLICTS, ...honeypotAddresses()]);
  const inCrpwarner = new Set(crpwarnerRows().map((r) => r.source.split(':').pop()!));
  const kept = index.filter((r) => !excluded.has(r.address!.toLowerCase()) && !(r.label === 'dapp_non_ponzi' && inCrpwarner.has(r.address!.toLowerCase())));
  const items = kept.map((r) => {
    const address = r.address!.toLowerCase();
    const ponzi = r.label === 'ponzi';
    if (!ponzi && r.label !== 'dapp_non_ponzi') throw new Error(`sadponzi: unknown label ${r.label} for ${address}`);
    const bytecode = hex0x(readFileSync(join(dir, r.file!), 'utf8'));
    const skeleton = skeletonKey(bytecode);
    const keys = ponzi && r.unica_name ? [`sadponzi:${normaliseName(r.unica_name)}`, `skeleton:${skeleton}`] : [`skeleton:${skeleton}`];
    return { address, ponzi, bytecode, keys };
  });
  const groups = unionGroups(items.map((i) => i.keys));
  return items.map((it, i) =>
    contractRow({
      bytecode: it.bytecode,
      label: it.ponzi ? 1 : 0,
      source: `sadponzi:${it.ponzi ? 'ponzi' : 'dapp'}:${it.address}`,
      date: created.get(it.address) ?? null,
      group: `sadponzi:${groups[i]}`,
      family: it.ponzi ? 'ponzi' : 'dapp',
    }),
  );
}

interface CrpToken {
  address: string;
  bytecode: string;
  date: string | null;
  flags: { mint: boolean; leak: boolean; limit: boolean };
}

/** Ground-truth hex files hold runtime code, creation code (5) or one EIP-1167 proxy; all become runtime or are dropped. */
function crpwarnerGroundTruth(): { labelled: CrpToken[]; dropped: string[] } {
  const dir = join(SHARED_DATA, 'crpwarner-rugpull/dataset/groundtruth');
  const files = new Map(readdirSync(join(dir, 'hex')).map((f) => [f.replace(/\.hex$/, '').toLowerCase(), f]));
  const sols = new Map(readdirSync(join(dir, 'sol')).map((f) => [f.replace(/\.sol$/, '').toLowerCase(), f]));
  const kinds = new Map(readRecords(join(SHARED_DATA, 'crpwarner-rugpull/groundtruth_index.csv')).map((r) => [r.address!.toLowerCase(), r.bytecode_kind ?? '']));
  const labelled: CrpToken[] = [];
  const dropped: string[] = [];
  for (const r of readRecords(join(dir, 'groundTruth.csv'))) {
    const address = r.address!.toLowerCase();
    const file = files.get(address);
    if (!file) {
      dropped.push(`${address}: no bytecode file`);
      continue;
    }
    let bytecode = hex0x(readFileSync(join(dir, 'hex', file), 'utf8'));
    if (isMinimalProxy(bytecode)) {
      dropped.push(`${address}: 45-byte EIP-1167 proxy, its implementation is not in the data`);
      continue;
    }
    if (kinds.get(address) === 'creation') {
      const runtime = runtimeFromCreation(bytecode);
      if (!runtime) throw new Error(`crpwarner ${address}: creation code without a recognisable runtime`);
      bytecode = runtime;
    }
    const sol = sols.get(address);
    const header = sol ? /Submitted for verification at \S+ on (\d{4}-\d{2}-\d{2})/.exec(readFileSync(join(dir, 'sol', sol), 'utf8')) : null;
    const flags = { mint: r.Mint === '1', leak: r.Leak === '1', limit: r.Limit === '1' };
    labelled.push({ address, bytecode, date: header?.[1] ?? null, flags });
  }
  return { labelled, dropped };
}

/** Etherscan labels that make a name tag no evidence of legitimacy (crpwarner-rugpull/SOURCE.md, weak benign). */
const BAD_ETHERSCAN_LABELS = new Set(['blocked', 'ofac-sanctions-lists', 'spam-token', 'phish-hack', 'exploit', 'heist', 'scam']);

/**
 * CRPWarner. Ground truth: a token with Mint, Leak or Limit = 1 is label 1, family 'rugpull'; tokens with
 * 0/0/0 came from rug-pull events done by trading, so their code is neither malicious nor vouched for,
 * and they are left out (see crpwarnerUnlabelled). Large set: the hand-checked samples (any TP? = Yes →
 * label 1 'rugpull'; only No → label 0 'hard-negative', code a detector flagged and people cleared) and
 * the named tokens (label 0 'token', weak: a name tag, none of the bad labels, not on any other list).
 * Groups are skeletons, joined across both parts.
 */
export function crpwarnerRows(): DataRow[] {
  const base = join(SHARED_DATA, 'crpwarner-rugpull');
  const items: { row: Omit<DataRow, 'group' | 'calldata' | 'value' | 'synthetic'>; skeleton: string }[] = [];
  for (const t of crpwarnerGroundTruth().labelled) {
    if (!t.flags.mint && !t.flags.leak && !t.flags.limit) continue;
    items.push({
      row: { bytecode: t.bytecode, label: 1, source: `crpwarner:groundtruth:${t.address}`, date: t.date, family: 'rugpull', tokenFlags: t.flags },
      skeleton: skeletonKey(t.bytecode),
    });
  }

  const samples = new Map<string, { mint?: boolean; leak?: boolean; limit?: boolean }>();
  for (const kind of ['mint', 'limit', 'leak'] as const) {
    for (const r of readRecords(join(base, 'dataset/large/sample', `${kind}.csv`))) {
      const tp = r['TP?'];
      if (tp !== 'Yes' && tp !== 'No') throw new Error(`crpwarner sample ${kind}: TP? is ${tp}`);
      const a = r.Address!.toLowerCase();
      samples.set(a, { ...samples.get(a), [kind]: tp === 'Yes' });
    }
  }
  const honeypots = honeypotAddresses();
  const ponzis = new Set(readRecords(join(SHARED_DATA, 'sadponzi/index.csv')).filter((r) => r.label === 'ponzi').map((r) => r.address!.toLowerCase()));
  for (const r of readRecords(join(base, 'large_index.csv'))) {
    if (r.included !== '1') continue;
    const address = r.address!.toLowerCase();
    const sample = samples.get(address);
    const bytecode = () => hex0x(readFileSync(join(base, r.hex_file!), 'utf8'));
    if (sample) {
      const bad = Object.values(sample).some(Boolean);
      const b = bytecode();
      items.push({
        row: { bytecode: b, label: bad ? 1 : 0, source: `crpwarner:large:${address}`, date: null, family: bad ? 'rugpull' : 'hard-negative', tokenFlags: sample },
        skeleton: skeletonKey(b),
      });
      continue;
    }
    const labels = (r.etherscan_labels ?? '').split(/[;|]/).map((l) => l.trim()).filter(Boolean);
    if (!r.etherscan_name || labels.some((l) => BAD_ETHERSCAN_LABELS.has(l)) || r.other_list_hits) continue;
    if (honeypots.has(address) || ponzis.has(address)) continue;
    const b = bytecode();
    items.push({ row: { bytecode: b, label: 0, source: `crpwarner:large:${address}`, date: null, family: 'token' }, skeleton: skeletonKey(b) });
  }
  const groups = unionGroups(items.map((i) => [`skeleton:${i.skeleton}`]));
  return items.map((it, i) => contractRow({ ...it.row, group: `crpwarner:${groups[i]}` }));
}

/**
 * The ground-truth tokens labelled 0/0/0 (rugs done by trading, code looks normal): not a class, but the
 * lead reports how the model scores them. label is 0 only because DataRow needs one; family 'rugpull-trade'.
 */
export function crpwarnerUnlabelled(): DataRow[] {
  const tokens = crpwarnerGroundTruth().labelled.filter((t) => !t.flags.mint && !t.flags.leak && !t.flags.limit);
  return tokens.map((t) =>
    contractRow({
      bytecode: t.bytecode,
      label: 0,
      source: `crpwarner:groundtruth-000:${t.address}`,
      date: t.date,
      group: `crpwarner:skeleton:${skeletonKey(t.bytecode)}`,
      family: 'rugpull-trade',
      tokenFlags: t.flags,
    }),
  );
}

/** What was left out of the CRPWarner ground truth, and why (for the notes and the report). */
export function crpwarnerDropped(): string[] {
  return crpwarnerGroundTruth().dropped;
}

/**
 * HoneyBadger sources are 0.4.x; the deployed compiler and settings are not in the data. 0.4.26 (the last
 * 0.4 release) accepts every `^0.4.x` pragma; the four files pinned to one release get that release.
 * The optimizer is on with 200 runs, the default of the tools of that era (Remix, Truffle) once enabled.
 */
function honeybadgerCompiler(source: string): BuildSettings {
  const pinned = /pragma\s+solidity\s+=?\s*(0\.4\.\d+)\s*;/.exec(source);
  return { compiler: pinned ? `solc-${pinned[1]}` : 'solc-0.4.26', optimizer: true, runs: 200 };
}

export interface HoneybadgerReport {
  rows: DataRow[];
  /** Files that did not compile or had no deployable contract, with the reason. */
  failed: { address: string; reason: string }[];
  /** How often the picked contract equals the last name in index.csv's contract_names. */
  agreesWithLastName: number;
}

/**
 * HoneyBadger: compiles each verified source and keeps the contract that was deployed (chosen by
 * pickDeployedContract). TRUE → label 1 'honeypot'; FALSE → label 0 'hard-negative'; rows without a
 * label (no source) are skipped. Groups join technique + normalised contract name with the normalised
 * source hash, so a template redeployed under another name stays in one group.
 */
export function honeybadgerReport(cacheDir = LEGACY_CACHE): HoneybadgerReport {
  const dir = join(SHARED_DATA, 'honeybadger-honeypots');
  const items: { row: Omit<DataRow, 'group' | 'calldata' | 'value' | 'synthetic'>; keys: string[] }[] = [];
  const failed: HoneybadgerReport['failed'] = [];
  let agreesWithLastName = 0;
  for (const r of readRecords(join(dir, 'index.csv'))) {
    if (r.manual_label !== 'TRUE' && r.manual_label !== 'FALSE') continue;
    const address = r.address!.toLowerCase();
    const source = readFileSync(join(dir, r.source_file!), 'utf8');
    const settings = honeybadgerCompiler(source);
    if (!existsSync(join(ROOT, 'node_modules', settings.compiler))) {
      failed.push({ address, reason: `${settings.compiler} is not installed` });
      continue;
    }
    const unit = `${address}.sol`;
    const built = compileSources({ [unit]: source }, settings, cacheDir);
    if (built.errors.length) {
      failed.push({ address, reason: built.errors[0]!.split('\n')[0]! });
      continue;
    }
    const compiled = built.contracts[unit] ?? {};
    const name = pickDeployedContract(source, compiled);
    if (!name) {
      failed.push({ address, reason: 'no contract with code' });
      continue;
    }
    if ((r.contract_names ?? '').split(';').pop() === name) agreesWithLastName++;
    const honeypot = r.manual_label === 'TRUE';
    items.push({
      row: {
        bytecode: compiled[name]!,
        label: honeypot ? 1 : 0,
        source: `honeybadger:${r.technique}:${address}:${name}`,
        date: null,
        family: honeypot ? 'honeypot' : 'hard-negative',
        compiler: buildLabel(settings),
      },
      keys: [`${r.technique}:${normaliseName(name)}`, `src:${r.source_sha1_normalized}`],
    });
  }
  const groups = unionGroups(items.map((i) => i.keys));
  return { rows: items.map((it, i) => contractRow({ ...it.row, group: `honeybadger:${groups[i]}` })), failed, agreesWithLastName };
}

export function honeybadgerRows(cacheDir = LEGACY_CACHE): DataRow[] {
  return honeybadgerReport(cacheDir).rows;
}

/** Every reader's rows (the unlabelled 0/0/0 tokens are not included: see crpwarnerUnlabelled). */
export function realCodeRows(): DataRow[] {
  return mergeGroupsBySkeleton([...sadponziRows(), ...crpwarnerRows(), ...honeybadgerRows(), ...compiledPublicRows(), ...moreNpmArtifactRows()]);
}

/** Counts per family, label and compiler, and skeletons that occur under both labels, as printable lines. */
export function realCodeSummary(rows: readonly DataRow[] = realCodeRows()): string[] {
  const count = (key: (r: DataRow) => string) => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
    return [...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `  ${k}: ${n}`);
  };
  const labelsBySkeleton = new Map<string, Set<string>>();
  for (const r of rows) {
    const k = skeletonKey(r.bytecode);
    labelsBySkeleton.set(k, (labelsBySkeleton.get(k) ?? new Set()).add(`${r.label}:${r.family}`));
  }
  const mixed = [...labelsBySkeleton].filter(([, s]) => new Set([...s].map((x) => x[0])).size > 1);
  const labelsByGroup = new Map<string, Set<number>>();
  for (const r of rows) labelsByGroup.set(r.group ?? r.source, (labelsByGroup.get(r.group ?? r.source) ?? new Set()).add(r.label));
  const mixedGroups = [...labelsByGroup.values()].filter((s) => s.size > 1).length;
  return [
    `${rows.length} rows, ${new Set(rows.map((r) => r.group)).size} groups`,
    'per family and label:',
    ...count((r) => `${r.family} label=${r.label}`),
    'per compiler (where known):',
    ...count((r) => `${r.family} ${r.compiler ?? '(deployed code, compiler unknown)'}`),
    `groups holding both labels: ${mixedGroups}`,
    `skeletons found under both labels: ${mixed.length}${mixed.length ? ` (${mixed.map(([, s]) => [...s].sort().join('+')).join('; ')})` : ''}`,
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = performance.now();
  const rows = realCodeRows();
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  for (const line of realCodeSummary(rows)) console.log(line);
  console.log(`unlabelled CRPWarner 0/0/0 tokens: ${crpwarnerUnlabelled().length}; dropped: ${crpwarnerDropped().join('; ')}`);
  const hb = honeybadgerReport();
  console.log(`honeybadger: ${hb.rows.length} compiled, ${hb.failed.length} failed, picked contract = last contract_names entry for ${hb.agreesWithLastName}`);
  for (const f of hb.failed) console.log(`  ${f.address}: ${f.reason}`);
  console.log(`built in ${seconds} s`);
}
