// Checks of the real-code readers against the data files themselves (counts, exclusions, the creation
// cut, the deployed-contract pick, compiling a few honeypots). The expected numbers are read from the
// CSVs here rather than copied, except the few SOURCE.md states and the test names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codeLengthWithoutMetadata, hexToBytes } from '../../analysis/ethereum/evm.ts';
import { skeletonKey, unionGroups } from './code-groups.ts';
import { collectSources, compileSources, nodeModulesReader } from './compile-legacy.ts';
import { moreNpmArtifactRows } from './compiled-public.ts';
import { parseCsvRecords } from './csv.ts';
import { pickDeployedContract } from './deployed-contract.ts';
import {
  crpwarnerDropped,
  crpwarnerRows,
  crpwarnerUnlabelled,
  honeypotAddresses,
  LEGACY_CACHE,
  SADPONZI_CONFLICTS,
  sadponziRows,
  SHARED_DATA,
} from './real-code.ts';
import { isMinimalProxy, runtimeFromCreation } from './runtime-cut.ts';

const records = (rel: string) => parseCsvRecords(readFileSync(join(SHARED_DATA, rel), 'utf8'));
const addressOf = (source: string) => source.split(':').pop()!;

describe('creation code → runtime', () => {
  const gt = records('crpwarner-rugpull/groundtruth_index.csv');
  const creation = gt.filter((r) => r.bytecode_kind === 'creation');
  it('finds the five creation files the index names', () => expect(creation).toHaveLength(5));
  it.each(creation.map((r) => [r.address!, r.hex_file!]))('cuts %s to runtime code', (_a, file) => {
    const text = readFileSync(join(SHARED_DATA, 'crpwarner-rugpull', file), 'utf8').trim();
    const runtime = runtimeFromCreation(text.startsWith('0x') ? text : `0x${text}`)!;
    expect(runtime).toMatch(/^0x60[68]0604052/);
    const code = hexToBytes(runtime);
    expect(code.length).toBeLessThan(text.replace(/^0x/, '').length / 2);
    // It ends exactly at its own CBOR metadata (constructor arguments are not carried along)…
    expect(codeLengthWithoutMetadata(code)).toBeLessThan(code.length);
    // …and begins with the function dispatcher (PUSH1 4 CALLDATASIZE LT), not a constructor.
    expect(runtime.slice(0, 120)).toContain('600436106');
  });
  it('recognises the 45-byte EIP-1167 proxy', () => {
    const proxy = gt.find((r) => r.bytecode_kind === 'eip1167_proxy')!;
    expect(isMinimalProxy(readFileSync(join(SHARED_DATA, 'crpwarner-rugpull', proxy.hex_file!), 'utf8').trim())).toBe(true);
  });
});

describe('sadponzi', () => {
  const rows = sadponziRows();
  const index = records('sadponzi/index.csv');
  it('keeps every index row except the three conflicts and the DApps CRPWarner labels', () => {
    const excluded = new Set([...SADPONZI_CONFLICTS, ...crpwarnerRows().map((r) => addressOf(r.source))]);
    const expected = index.filter((r) => r.label === 'ponzi' || !excluded.has(r.address!));
    expect(rows.filter((r) => r.label === 1)).toHaveLength(expected.filter((r) => r.label === 'ponzi').length);
    expect(rows.filter((r) => r.label === 0)).toHaveLength(expected.filter((r) => r.label === 'dapp_non_ponzi').length);
    expect(rows.filter((r) => r.family === 'ponzi')).toHaveLength(133);
    expect(rows.filter((r) => r.family === 'dapp').length).toBeGreaterThan(1100);
    const seen = new Set(rows.map((r) => addressOf(r.source)));
    for (const a of SADPONZI_CONFLICTS) expect(seen.has(a)).toBe(false);
    for (const a of honeypotAddresses()) expect(seen.has(a)).toBe(false);
  });
  it('reads the bytecode files unchanged and dates from rq3', () => {
    const byAddress = new Map(index.map((r) => [r.address!, r]));
    for (const r of rows.slice(0, 50)) expect(skeletonKey(r.bytecode)).toBe(byAddress.get(addressOf(r.source))!.skeleton_sha1);
    expect(rows.filter((r) => r.date).length).toBe(27);
    expect(rows.every((r) => r.calldata === '0x' && r.value === '0' && !r.synthetic && r.group)).toBe(true);
  });
  it('keeps redeployed schemes in one group', () => {
    const groupsOfSkeleton = new Map<string, Set<string>>();
    for (const r of rows) {
      const k = skeletonKey(r.bytecode);
      groupsOfSkeleton.set(k, (groupsOfSkeleton.get(k) ?? new Set()).add(r.group!));
    }
    expect([...groupsOfSkeleton.values()].every((g) => g.size === 1)).toBe(true);
  });
});

describe('crpwarner', () => {
  const rows = crpwarnerRows();
  it('labels malicious-code tokens 1 and leaves 0/0/0 tokens out', () => {
    const gt = records('crpwarner-rugpull/dataset/groundtruth/groundTruth.csv');
    const bad = new Set(gt.filter((r) => r.Mint === '1' || r.Leak === '1' || r.Limit === '1').map((r) => r.address!.toLowerCase()));
    const clean = new Set(gt.filter((r) => !bad.has(r.address!.toLowerCase())).map((r) => r.address!.toLowerCase()));
    const gtRows = rows.filter((r) => r.source.startsWith('crpwarner:groundtruth:'));
    expect(gtRows.every((r) => r.label === 1 && bad.has(addressOf(r.source)))).toBe(true);
    expect(gtRows).toHaveLength(bad.size - 2); // two labelled rows have no hex file
    expect(crpwarnerDropped().filter((d) => d.includes('no bytecode file'))).toHaveLength(2);
    const unlabelled = crpwarnerUnlabelled();
    expect(unlabelled.every((r) => clean.has(addressOf(r.source)))).toBe(true);
    expect(unlabelled).toHaveLength(clean.size - 1); // minus the 45-byte proxy
    expect(unlabelled.some((r) => isMinimalProxy(r.bytecode))).toBe(false);
  });
  it('uses the large set samples as SOURCE.md counts them', () => {
    const large = rows.filter((r) => r.source.startsWith('crpwarner:large:'));
    expect(large.filter((r) => r.family === 'rugpull')).toHaveLength(225);
    expect(large.filter((r) => r.family === 'hard-negative')).toHaveLength(40);
    const tokens = large.filter((r) => r.family === 'token');
    expect(tokens.length).toBeGreaterThan(600);
    expect(tokens.every((r) => r.label === 0 && !r.tokenFlags)).toBe(true);
    expect(rows.filter((r) => r.family === 'rugpull').every((r) => r.label === 1 && Object.values(r.tokenFlags ?? {}).some(Boolean))).toBe(true);
  });
});

describe('sadponzi with crpwarner', () => {
  it('puts no bytecode under both labels', () => {
    const labels = new Map<string, Set<number>>();
    for (const r of [...sadponziRows(), ...crpwarnerRows()]) labels.set(r.bytecode, (labels.get(r.bytecode) ?? new Set()).add(r.label));
    expect([...labels.values()].filter((s) => s.size > 1)).toEqual([]);
  });
});

describe('honeybadger', () => {
  const dir = join(SHARED_DATA, 'honeybadger-honeypots');
  const index = records('honeybadger-honeypots/index.csv');
  it('has the labels SOURCE.md counts', () => {
    expect(index.filter((r) => r.manual_label === 'TRUE')).toHaveLength(282);
    expect(index.filter((r) => r.manual_label === 'FALSE')).toHaveLength(41);
  });
  it.each([
    ['0xb93430ce38ac4a6bb47fb1fc085ea669353fd89e', 'PrivateBank'],
    ['0x0bf0f154b176c5d90f24e506f10f7f583eb5334d', 'Lottery'],
    ['0x0e77cb9d68b8bf3cc41561f8eda6c71e4a4b9ef7', 'GuessTheNumber'],
  ])('compiles %s and picks %s', (address, expected) => {
    const r = index.find((x) => x.address === address)!;
    const source = readFileSync(join(dir, r.source_file!), 'utf8');
    const built = compileSources({ [`${address}.sol`]: source }, { compiler: 'solc-0.4.26', optimizer: true, runs: 200 }, LEGACY_CACHE);
    expect(built.errors).toEqual([]);
    const compiled = built.contracts[`${address}.sol`]!;
    const name = pickDeployedContract(source, compiled);
    expect(name).toBe(expected);
    // 0.4.22+ emits the 0x6080 prelude; 0.4.x metadata is the bzzr0 swarm hash (a1 65 'bzzr0' 58 20).
    expect(compiled[name!]!).toMatch(/^0x6080604052600436106/);
    expect(compiled[name!]!).toMatch(/a165627a7a72305820[0-9a-f]{64}0029$/);
    expect(compiled[name!]!.length).toBeGreaterThan(400);
  });
});

describe('helpers', () => {
  it('joins groups that share any key', () => {
    expect(unionGroups([['a', 's1'], ['b', 's2'], ['c', 's1'], ['d', 's2', 's3'], ['e']])).toEqual(['a', 'b', 'a', 'b', 'e']);
  });
  it('resolves relative and package imports', () => {
    const sources = collectSources('@uniswap/v2-periphery/contracts/UniswapV2Router02.sol', nodeModulesReader(fileURLToPath(new URL('../../node_modules', import.meta.url))));
    expect(Object.keys(sources)).toContain('@uniswap/v2-core/contracts/interfaces/IUniswapV2Pair.sol');
    expect(Object.keys(sources)).toContain('@uniswap/lib/contracts/libraries/TransferHelper.sol');
    expect(Object.keys(sources)).toContain('@uniswap/v2-periphery/contracts/libraries/UniswapV2Library.sol');
  });
  it('reads more npm artifacts without tests, scripts or libraries', () => {
    const rows = moreNpmArtifactRows();
    expect(rows.length).toBeGreaterThan(100);
    expect(new Set(rows.map((r) => r.bytecode)).size).toBe(rows.length);
    expect(rows.some((r) => /Test|Kontrol|DeploymentSummary|Setup|console|Std/.test(r.source))).toBe(false);
  });
});
