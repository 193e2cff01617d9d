// Builds model/.data/dataset.jsonl. Real code, each row with its family: the attacker contracts of
// BlockWatchdog (Apache-2.0), the Ponzi, rug-pull and honeypot sets and the deployed DApps, tokens and
// hand-cleared look-alikes beside them (./real-code.ts), the compiled artifacts protocol packages ship on
// npm, and public sources compiled here with several compilers. Each real contract also gets a few
// ordinary calls from its own functions (./ordinary-calls.ts), carrying its label. Augmentation, marked
// synthetic and reported apart: the Solidity in ./solidity and generated requests (./synth-calls.ts).
// Deterministic for a given seed and installed packages.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFeatures, featureIndex } from '../features.ts';
import { readArtifacts, type Artifact } from './artifacts.ts';
import { compileAll, type CompiledContract } from './compile.ts';
import { parseCsv } from './csv.ts';
import { writeJsonl, type DataRow } from './dataset.ts';
import { createRng } from './rng.ts';
import { ordinaryCalls } from './ordinary-calls.ts';
import { realCodeRows } from './real-code.ts';
import { benignCalls, phishingCalls, probeCalls, type Target, type TargetPools } from './synth-calls.ts';

/** Ordinary calls made for each real contract: enough to show the model calls of every kind a contract has. */
const CALLS_PER_CONTRACT = 3;

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const SHARED = resolve(ROOT, '../shared/data');
export const DATA_DIR = resolve(ROOT, 'model/.data');
export const DATASET_PATH = join(DATA_DIR, 'dataset.jsonl');

/** Packages whose compiled artifacts are read as benign bytecode (dev dependencies of the training step). */
export const BENIGN_PACKAGES = [
  '@openzeppelin/contracts',
  '@openzeppelin/contracts-v4',
  '@openzeppelin/contracts-v3',
  'openzeppelin-solidity',
  '@uniswap/v2-core',
  '@uniswap/v2-periphery',
  '@uniswap/v3-core',
  '@uniswap/v3-periphery',
  '@uniswap/universal-router',
  '@safe-global/safe-smart-account',
  '@account-abstraction/contracts',
  '@aave/core-v3',
  '@balancer-labs/v2-deployments',
  'canonical-weth',
  '@0x/contract-artifacts',
  '@gnosis.pm/conditional-tokens-contracts',
];

function excelSerialToIso(serial: string): string | null {
  const n = Number(serial);
  if (!Number.isFinite(n) || n < 30000) return null;
  return new Date(Date.UTC(1899, 11, 30) + n * 86_400_000).toISOString().slice(0, 10);
}

function blockwatchdogRows(): DataRow[] {
  const dir = join(SHARED, 'blockwatchdog/Dataset');
  const records = JSON.parse(readFileSync(join(dir, 'attacker_bytecode.json'), 'utf8')) as {
    attack_category: string;
    incident: string;
    address: string;
    bytecode: string;
  }[];
  const dates = new Map<string, string>();
  const csv = parseCsv(readFileSync(join(dir, 'attacker_contracts.csv'), 'utf8'));
  const header = csv[0] ?? [];
  const dateCol = header.indexOf('Attack Date');
  const addrCol = header.indexOf('Attacker Contract Address');
  for (const r of csv.slice(1)) {
    const date = excelSerialToIso(r[dateCol] ?? '');
    for (const a of (r[addrCol] ?? '').split(/[\s,;]+/)) if (date && a) dates.set(a.toLowerCase(), date);
  }
  return records.map((r) => ({
    bytecode: r.bytecode.startsWith('0x') ? r.bytecode.toLowerCase() : `0x${r.bytecode.toLowerCase()}`,
    calldata: '0x',
    value: '0',
    label: 1,
    source: `blockwatchdog:${r.attack_category}/${r.incident}`,
    date: dates.get(r.address.toLowerCase()) ?? null,
    synthetic: false,
    family: 'exploit',
  }));
}

function compileSynthetic(): { malicious: CompiledContract[]; benign: CompiledContract[] } {
  const cache = join(DATA_DIR, 'solc-cache.json');
  const build = (kind: string) =>
    readdirSync(join(HERE, 'solidity', kind))
      .filter((f) => f.endsWith('.sol'))
      .sort()
      .flatMap((f) => compileAll(f, readFileSync(join(HERE, 'solidity', kind, f), 'utf8'), cache));
  return { malicious: build('malicious'), benign: build('benign') };
}

const cloneOf = (implementation: string) => `0x363d3d373d3d3d363d73${implementation}5af43d82803e903d91602b57fd5bf3`;

export function buildDataset(seed = 20260501): DataRow[] {
  const rng = createRng(seed);
  const nodeModules = join(ROOT, 'node_modules');
  const artifacts: Artifact[] = [];
  for (const pkg of BENIGN_PACKAGES) {
    if (!existsSync(join(nodeModules, pkg))) throw new Error(`missing dev dependency ${pkg}: run npm install`);
    artifacts.push(...readArtifacts(nodeModules, pkg));
  }
  const rows: DataRow[] = [];
  for (const a of artifacts) {
    // The group of the same contract compiled here from the package's source (compiled-public.ts), so
    // that a build of it in the test split is code the model has not seen in any build.
    rows.push({ bytecode: a.bytecode, calldata: '0x', value: '0', label: 0, source: `npm:${a.pkg}@${a.version}:${a.name}`, date: null, synthetic: false, family: 'protocol', group: `compiled:${a.pkg}:${a.name}` });
  }
  rows.push(...blockwatchdogRows(), ...realCodeRows());
  // Ordinary calls to every real contract, made from its own functions (after the contract rows, so
  // the synthetic rows below draw the same random numbers as before).
  const callRng = createRng(seed + 7);
  const realContracts = rows.filter((r) => !r.synthetic);
  rows.push(...realContracts.flatMap((r) => ordinaryCalls(r, CALLS_PER_CONTRACT, callRng)));

  const synthetic = compileSynthetic();
  const synthTarget = (c: CompiledContract): Target => ({ bytecode: c.bytecode, source: `solc:${c.file}:${c.settings}`, group: `sol:${c.file}` });
  for (const [label, list] of [[1, synthetic.malicious], [0, synthetic.benign]] as const) {
    for (const c of list) {
      const family = label ? 'drainer' : 'look-alike';
      rows.push({ bytecode: c.bytecode, calldata: '0x', value: '0', label, source: `solc:${c.file}:${c.contract}:${c.settings}`, date: null, synthetic: true, group: `sol:${c.file}`, family });
      // The same code behind an EIP-1167 clone, resolved: the model must score the implementation.
      rows.push({
        bytecode: cloneOf(rng.hex(20)),
        implementationBytecode: c.bytecode,
        calldata: '0x',
        value: '0',
        label,
        source: `solc-clone:${c.file}:${c.contract}:${c.settings}`,
        date: null,
        synthetic: true,
        group: `sol:${c.file}`,
        family,
      });
    }
  }

  const share = (bytecode: string, name: string) => extractFeatures({ bytecode, calldata: '0x', value: 0 })[featureIndex(name)]!;
  const real = (a: Artifact): Target => ({ bytecode: a.bytecode, source: `npm:${a.pkg}:${a.name}` });
  const byName = (name: string, pkg?: string) => {
    const found = artifacts.filter((a) => a.name === name && (!pkg || a.pkg === pkg));
    if (!found.length) throw new Error(`artifact ${name} not found`);
    return found.map(real);
  };
  const synth = (file: string, list: CompiledContract[]) => list.filter((c) => c.file === file).map(synthTarget);
  const uniqueReal = [...new Map(artifacts.map((a) => [a.bytecode, a])).values()];
  const safeImpl = byName('Safe', '@safe-global/safe-smart-account')[0]!;
  const pools: TargetPools = {
    tokens: [...uniqueReal.filter((a) => share(a.bytecode, 'std:erc20') === 1).map(real), ...synth('PermitToken.sol', synthetic.benign)],
    permitTokens: [...uniqueReal.filter((a) => share(a.bytecode, 'std:erc2612') === 1).map(real), ...synth('PermitToken.sol', synthetic.benign)],
    nfts: [
      ...uniqueReal.filter((a) => share(a.bytecode, 'std:erc721') >= 0.8 || share(a.bytecode, 'std:erc1155') >= 0.8).map(real),
      ...synth('PayableMintNFT.sol', synthetic.benign),
    ],
    routers: [
      ...byName('UniswapV2Router02').map((target) => ({ target, kind: 'v2' as const })),
      ...byName('SwapRouter', '@uniswap/v3-periphery').map((target) => ({ target, kind: 'v3' as const })),
      ...byName('UniversalRouter').map((target) => ({ target, kind: 'universal' as const })),
      ...synth('MulticallRouter.sol', synthetic.benign).map((target) => ({ target, kind: 'multicall' as const })),
    ],
    weth: byName('WETH9', 'canonical-weth'),
    baitDrainers: [
      ...synth('ClaimDrainer.sol', synthetic.malicious).map((target) => ({ target, functions: ['Claim', 'ClaimReward', 'ClaimRewards', 'claim'] })),
      ...synth('SecurityUpdateDrainer.sol', synthetic.malicious).map((target) => ({ target, functions: ['SecurityUpdate', 'Connect', 'NetworkMerge', 'Verify'] })),
      ...synth('MulticallDrainer.sol', synthetic.malicious).map((target) => ({ target, functions: ['SecurityUpdate'] })),
    ],
    payableMints: synth('PayableMintNFT.sol', synthetic.benign),
    merkleAirdrops: synth('MerkleAirdrop.sol', synthetic.benign),
    freeClaims: [
      ...synth('Faucet.sol', synthetic.benign).map((target) => ({ target, fn: 'claim' as const })),
      ...synth('StakingRewards.sol', synthetic.benign).map((target) => ({ target, fn: 'claimRewards' as const })),
    ],
    multicallPositions: byName('NonfungiblePositionManager', '@uniswap/v3-periphery'),
    safes: byName('SafeProxy', '@safe-global/safe-smart-account').map((p) => ({ ...p, implementationBytecode: safeImpl.bytecode })),
  };
  for (const [name, pool] of Object.entries(pools)) if ((pool as unknown[]).length === 0) throw new Error(`empty pool ${name}`);
  rows.push(...phishingCalls(pools, rng), ...benignCalls(pools, rng));
  return rows;
}

/**
 * The probe: contracts in ./solidity/probe, written after the model's features were fixed and never
 * trained on (honest OpenZeppelin-based code; drainer variants with other names and shapes), plus requests
 * to them. The trainer only scores them, as a check of how the model meets code it has not seen.
 */
export function buildProbe(seed = 20260502): DataRow[] {
  const rng = createRng(seed);
  const cache = join(DATA_DIR, 'solc-cache.json');
  const compile = (kind: 'benign' | 'malicious') =>
    readdirSync(join(HERE, 'solidity/probe', kind))
      .filter((f) => f.endsWith('.sol'))
      .sort()
      .flatMap((f) => compileAll(f, readFileSync(join(HERE, 'solidity/probe', kind, f), 'utf8'), cache));
  const benign = compile('benign');
  const malicious = compile('malicious');
  const rows: DataRow[] = [];
  for (const [label, list] of [[0, benign], [1, malicious]] as const) {
    for (const c of list) rows.push({ bytecode: c.bytecode, calldata: '0x', value: '0', label, source: `probe:${c.file}:${c.contract}:${c.settings}`, date: null, synthetic: true });
  }
  const of = (list: CompiledContract[], contract: string) => list.filter((c) => c.contract === contract).map((c): Target => ({ bytecode: c.bytecode, source: `probe:${c.file}` }));
  rows.push(
    ...probeCalls(
      {
        tokens: of(benign, 'CommunityToken'),
        nfts: [...of(benign, 'ArtDrop'), ...of(benign, 'GameItems')],
        mints: of(benign, 'ArtDrop'),
        bait: [
          ...of(malicious, 'ForwarderFactory').map((target) => ({ target, functions: ['ClaimAirdrop', 'connect'] })),
          ...of(malicious, 'RewardsPortal').map((target) => ({ target, functions: ['claimRewards'] })),
        ],
      },
      rng,
    ),
  );
  return rows;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(DATA_DIR, { recursive: true });
  const t0 = performance.now();
  const rows = buildDataset();
  writeJsonl(DATASET_PATH, rows);
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.source.split(':')[0]} label=${r.label}${r.synthetic ? ' synthetic' : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  console.log(`wrote ${rows.length} rows to ${DATASET_PATH} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  for (const [k, n] of [...counts].sort()) console.log(`  ${k}: ${n}`);
}
