// Compiles Solidity with a chosen npm solc release (aliases such as `solc-0.4.26` are dev dependencies),
// through the standard-JSON interface that every release from 0.4.11 on offers. compile.ts stays the
// 0.8 path for the synthetic contracts; this one serves real sources of older eras (HoneyBadger's 0.4
// honeypots, public OpenZeppelin/Uniswap code built as their projects built it).
//
// All sources go into the input explicitly (collectSources below resolves the imports beforehand), so the
// cache key, a hash of compiler, settings and every source text, covers everything that shapes the output.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, posix } from 'node:path';

const require = createRequire(import.meta.url);

export interface BuildSettings {
  /** npm package (alias) of the compiler, e.g. `solc-0.4.26`; `solc` is the project's 0.8 compiler. */
  compiler: string;
  optimizer: boolean;
  runs: number;
  viaIR?: boolean;
}

/** `solc-0.6.12 opt200`, `solc-0.8.37 noopt`, `solc-0.8.37 ir200`: the DataRow.compiler text. */
export function buildLabel(s: BuildSettings): string {
  return `solc-${compilerVersion(s.compiler)} ${s.viaIR ? `ir${s.runs}` : s.optimizer ? `opt${s.runs}` : 'noopt'}`;
}

export interface BuildResult {
  /** Deployed (runtime) code per source unit and contract, `0x`-prefixed; empty for interfaces/abstracts. */
  contracts: Record<string, Record<string, string>>;
  errors: string[];
}

interface Solc {
  version(): string;
  compile(input: string, callbacks?: unknown): string;
  compileStandardWrapper?(input: string, callback?: unknown): string;
}

const loaded = new Map<string, Solc>();
function solcOf(pkg: string): Solc {
  let s = loaded.get(pkg);
  if (!s) {
    s = require(pkg) as Solc;
    loaded.set(pkg, s);
  }
  return s;
}

/** The release number from the installed package.json, without loading the (large) compiler itself. */
export function compilerVersion(pkg: string): string {
  return (require(`${pkg}/package.json`) as { version: string }).version;
}

/** Compiles the given sources (unit name → text); cached under cacheDir, failures included. */
export function compileSources(sources: Record<string, string>, s: BuildSettings, cacheDir: string): BuildResult {
  const version = compilerVersion(s.compiler);
  const settings: Record<string, unknown> = {
    optimizer: { enabled: s.optimizer, runs: s.runs },
    outputSelection: { '*': { '*': ['evm.deployedBytecode.object'] } },
  };
  if (s.viaIR) settings.viaIR = true;
  const input = JSON.stringify({ language: 'Solidity', sources: Object.fromEntries(Object.entries(sources).map(([k, v]) => [k, { content: v }])), settings });
  const key = createHash('sha256').update(`${s.compiler}@${version}\n${input}`).digest('hex');
  const path = join(cacheDir, `${key}.json`);
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as BuildResult;

  const solc = solcOf(s.compiler);
  const noImports = () => ({ error: 'imports are resolved before compiling' });
  // 0.4.x: compile() is the legacy interface, standard JSON goes through compileStandardWrapper with a
  // plain callback. From 0.5 on compile() takes standard JSON (0.5 takes a callback or {import}, 0.6+ {import}).
  const raw = version.startsWith('0.4.') ? solc.compileStandardWrapper!(input, noImports) : solc.compile(input, { import: noImports });
  const out = JSON.parse(raw) as {
    errors?: { severity: string; formattedMessage?: string; message?: string }[];
    contracts?: Record<string, Record<string, { evm?: { deployedBytecode?: { object?: string } } }>>;
  };
  const result: BuildResult = {
    contracts: {},
    errors: (out.errors ?? []).filter((e) => e.severity === 'error').map((e) => e.formattedMessage ?? e.message ?? 'error'),
  };
  for (const [unit, cs] of Object.entries(out.contracts ?? {})) {
    result.contracts[unit] = {};
    for (const [name, c] of Object.entries(cs)) {
      const obj = c.evm?.deployedBytecode?.object ?? '';
      // Unlinked library references (`__$…$__`) become zero addresses, as artifacts.ts does.
      if (obj.length > 0) result.contracts[unit]![name] = `0x${obj.replace(/[^0-9a-fA-F]/g, '0').toLowerCase()}`;
    }
  }
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(path, JSON.stringify(result));
  return result;
}

const IMPORT = /\bimport\s+(?:[^'";]*?\s+from\s+)?["']([^"']+)["']/g;

/**
 * Reads an entry file from an installed package and every file it imports, keyed by solc source-unit
 * names (`@uniswap/v2-core/contracts/UniswapV2Pair.sol`). Relative imports resolve against the importing
 * unit, as solc resolves them; other imports name an installed package.
 */
export function collectSources(entryUnit: string, readUnit: (unit: string) => string): Record<string, string> {
  const sources: Record<string, string> = {};
  const queue = [entryUnit];
  while (queue.length) {
    const unit = queue.shift()!;
    if (unit in sources) continue;
    const text = readUnit(unit);
    sources[unit] = text;
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
    for (const m of code.matchAll(IMPORT)) {
      const target = m[1]!;
      queue.push(target.startsWith('.') ? posix.normalize(posix.join(posix.dirname(unit), target)) : target);
    }
  }
  return sources;
}

/** A unit reader over node_modules: `@scope/pkg/path` and `pkg/path` map to the installed files. */
export function nodeModulesReader(nodeModules: string): (unit: string) => string {
  return (unit) => readFileSync(join(nodeModules, unit), 'utf8');
}

