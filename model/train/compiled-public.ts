// Ordinary benign code from public sources that ship inside installed npm packages, compiled here with
// the compilers those projects used (and their neighbours), with and without the optimizer; and the
// deployed bytecode that more protocol packages ship as artifacts. Both are label 0 and not synthetic:
// the sources are the real public ones, only the build is ours.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArtifacts } from './artifacts.ts';
import { buildLabel, collectSources, compileSources, nodeModulesReader, type BuildSettings } from './compile-legacy.ts';
import type { DataRow } from './dataset.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const NODE_MODULES = join(ROOT, 'node_modules');
const CACHE = resolve(ROOT, 'model/.data/solc-legacy-cache');

interface PublicSourceSet {
  pkg: string;
  /** Folders (inside the package) whose .sol files are compiled; each file's own contracts are kept. */
  dirs: string[];
  /** Compiler packages whose range matches the sources' pragmas. */
  compilers: string[];
}

/**
 * Pragmas, read from the packages: openzeppelin-solidity 2.5 `^0.5.0`; OpenZeppelin 3.4 `>=0.6 <0.8`;
 * 4.9 `^0.8.0`; 5.x `^0.8.20`; Uniswap v2-core `=0.5.16`; v2-periphery routers `=0.6.6`; canonical-weth's
 * WETH9 `>=0.4.22 <0.6`; Safe `>=0.7.0 <0.9.0`; Gnosis conditional tokens `^0.5.1`.
 */
export const PUBLIC_SOURCES: readonly PublicSourceSet[] = [
  { pkg: 'canonical-weth', dirs: ['contracts'], compilers: ['solc-0.4.26', 'solc-0.5.17'] },
  { pkg: 'openzeppelin-solidity', dirs: ['contracts'], compilers: ['solc-0.5.17'] },
  { pkg: '@uniswap/v2-core', dirs: ['contracts'], compilers: ['solc-0.5.16'] },
  { pkg: '@gnosis.pm/conditional-tokens-contracts', dirs: ['contracts'], compilers: ['solc-0.5.17'] },
  { pkg: '@uniswap/v2-periphery', dirs: ['contracts'], compilers: ['solc-0.6.6'] },
  { pkg: '@openzeppelin/contracts-v3', dirs: ['presets', 'payment', 'proxy', 'token', 'access'], compilers: ['solc-0.6.12', 'solc-0.7.6'] },
  { pkg: '@safe-global/safe-smart-account', dirs: ['contracts'], compilers: ['solc-0.7.6', 'solc'] },
  { pkg: '@openzeppelin/contracts-v4', dirs: ['token', 'finance', 'governance', 'proxy', 'metatx', 'access', 'utils'], compilers: ['solc'] },
  { pkg: '@openzeppelin/contracts', dirs: ['finance', 'governance', 'proxy', 'metatx', 'access', 'token'], compilers: ['solc'] },
];

/** Test helpers, mocks, examples and migrations are not code anyone deploys as a product. */
const NOT_PRODUCT = /(^|\/)(mocks?|tests?|examples?|interfaces?)(\/|$)|Mock|Test|Migrations|Example|Echidna|Harness/;

function solFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) out.push(...solFiles(p));
    else if (entry.endsWith('.sol')) out.push(p);
  }
  return out;
}

/** Optimizer off and on (200 runs, the tools' default), and for 0.8 also the IR pipeline. */
function buildsFor(compiler: string): BuildSettings[] {
  const builds: BuildSettings[] = [
    { compiler, optimizer: false, runs: 200 },
    { compiler, optimizer: true, runs: 200 },
  ];
  if (compiler === 'solc') builds.push({ compiler, optimizer: true, runs: 200, viaIR: true });
  return builds;
}

const LIBRARY = /\blibrary\s+([A-Za-z_$][\w$]*)/g;

export interface CompiledPublicReport {
  rows: DataRow[];
  /** Entry files a compiler refused (pragma out of range, or an error), per build. */
  failed: string[];
}

export function compiledPublicReport(sets: readonly PublicSourceSet[] = PUBLIC_SOURCES): CompiledPublicReport {
  const read = nodeModulesReader(NODE_MODULES);
  const rows: DataRow[] = [];
  const failed: string[] = [];
  for (const set of sets) {
    const version = (JSON.parse(readFileSync(join(NODE_MODULES, set.pkg, 'package.json'), 'utf8')) as { version: string }).version;
    const entries = set.dirs
      .flatMap((d) => solFiles(join(NODE_MODULES, set.pkg, d)))
      .map((p) => relative(NODE_MODULES, p).split('\\').join('/'))
      .filter((unit) => !NOT_PRODUCT.test(unit.slice(set.pkg.length)));
    // All entry files of a set in one compiler run: the shared bases are analysed once.
    const sources: Record<string, string> = {};
    for (const e of entries) Object.assign(sources, collectSources(e, read));
    for (const compiler of set.compilers) {
      for (const build of buildsFor(compiler)) {
        let result = compileSources(sources, build, CACHE);
        const perFile = new Map<string, Record<string, string>>();
        if (result.errors.length) {
          // One file out of the compiler's range fails the whole run: then build the files one by one.
          for (const e of entries) {
            const one = compileSources(collectSources(e, read), build, CACHE);
            if (one.errors.length) failed.push(`${e} (${buildLabel(build)}): ${one.errors[0]!.split('\n')[0]}`);
            else perFile.set(e, one.contracts[e] ?? {});
          }
        } else for (const e of entries) perFile.set(e, result.contracts[e] ?? {});
        result = { contracts: {}, errors: [] };
        for (const [unit, contracts] of perFile) {
          const libraries = new Set([...sources[unit]!.matchAll(LIBRARY)].map((m) => m[1]!));
          for (const [name, bytecode] of Object.entries(contracts).sort(([a], [b]) => a.localeCompare(b))) {
            if (libraries.has(name) || NOT_PRODUCT.test(name)) continue;
            rows.push({
              bytecode,
              calldata: '0x',
              value: '0',
              label: 0,
              source: `compiled:${set.pkg}@${version}:${name}:${buildLabel(build)}`,
              date: null,
              synthetic: false,
              group: `compiled:${set.pkg}:${name}`,
              family: 'compiled',
              compiler: buildLabel(build),
            });
          }
        }
      }
    }
  }
  return { rows, failed };
}

export function compiledPublicRows(): DataRow[] {
  return compiledPublicReport().rows;
}

/**
 * Protocol packages with shipped `deployedBytecode` that build-dataset.ts does not read yet. Each was
 * checked to hold artifacts and to install without a large dependency tree. @cowprotocol/contracts was
 * left out: it wants ethers 5 as a peer, and the project has ethers 6.
 */
export const MORE_ARTIFACT_PACKAGES = [
  '@eth-optimism/contracts-bedrock',
  '@uniswap/v4-core',
  '@aave/protocol-v2',
  '@openzeppelin/contracts-upgradeable',
  '@unlock-protocol/contracts',
] as const;

/**
 * Foundry packages ship their tests' and scripts' artifacts in the same folder as the product's, with
 * flat names; the artifact's metadata names the source file, and only files outside test/script/lib
 * folders (and not *.t.sol / *.s.sol / *.k.sol) are product code.
 */
const NOT_PRODUCT_SOURCE = /(^|\/)(test|tests|script|scripts|lib|mocks?|kontrol)\/|\.(t|s|k)\.sol$/i;

/** A deployed library is a stub that starts by checking it is called by DELEGATECALL: PUSH20 <self> ADDRESS EQ. */
const isLibraryStub = (hex: string) => /^0x73[0-9a-f]{40}3014/.test(hex);

/** Via-IR libraries do not start with the classic stub, so ask the shipped source when there is one. */
function declaresLibrary(sourceFile: string, name: string): boolean {
  return existsSync(sourceFile) && new RegExp(`\\blibrary\\s+${name}\\b`).test(readFileSync(sourceFile, 'utf8'));
}

interface ArtifactMeta {
  metadata?: {
    compiler?: { version?: string };
    settings?: { compilationTarget?: Record<string, string>; optimizer?: { enabled?: boolean; runs?: number }; viaIR?: boolean };
  };
}

/** Source file and compiler settings, from the artifact's own metadata when it carries any. */
function artifactMeta(file: string): { sourcePath: string | null; compiler: string | undefined } {
  const m = (JSON.parse(readFileSync(file, 'utf8')) as ArtifactMeta).metadata;
  const sourcePath = Object.keys(m?.settings?.compilationTarget ?? {})[0] ?? null;
  const version = m?.compiler?.version?.split('+')[0];
  const opt = m?.settings?.optimizer;
  const compiler = version ? `solc-${version} ${m?.settings?.viaIR ? `ir${opt?.runs ?? 200}` : opt?.enabled ? `opt${opt.runs ?? 200}` : 'noopt'}` : undefined;
  return { sourcePath, compiler };
}

/**
 * label 0 family 'protocol'; one row per distinct code in a package (builds of one name share a group).
 * Libraries and code under 100 bytes (empty contracts, storage layouts) are left out: nothing to learn
 * from. Builds of one contract (PublicLockV9…V15, AssetReceiver.0.8.15/.0.8.26) share a group.
 */
export function moreNpmArtifactRows(packages: readonly string[] = MORE_ARTIFACT_PACKAGES): DataRow[] {
  const rows: DataRow[] = [];
  for (const pkg of packages) {
    const seen = new Set<string>();
    for (const a of readArtifacts(NODE_MODULES, pkg)) {
      if (seen.has(a.bytecode) || isLibraryStub(a.bytecode) || a.bytecode.length < 2 + 200) continue;
      const meta = artifactMeta(join(NODE_MODULES, pkg, a.path));
      if (meta.sourcePath && NOT_PRODUCT_SOURCE.test(meta.sourcePath)) continue;
      if (meta.sourcePath && declaresLibrary(join(NODE_MODULES, pkg, meta.sourcePath), a.name)) continue;
      seen.add(a.bytecode);
      const file = a.path.split('/').pop()!.replace(/\.json$/, '');
      rows.push({
        bytecode: a.bytecode,
        calldata: '0x',
        value: '0',
        label: 0,
        source: `npm:${a.pkg}@${a.version}:${file}`,
        date: null,
        synthetic: false,
        group: `npm:${a.pkg}:${a.name.replace(/V\d+$/, '')}`,
        family: 'protocol',
        ...(meta.compiler ? { compiler: meta.compiler } : {}),
      });
    }
  }
  return rows;
}
