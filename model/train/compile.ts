// Compiles the synthetic Solidity sources with the npm `solc` under several settings, so the model sees
// each pattern as different compilers and optimizer choices would emit it.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export interface CompileSettings {
  id: string;
  optimizer: boolean;
  runs: number;
  viaIR: boolean;
  evmVersion: 'paris' | 'shanghai' | 'cancun' | 'prague';
}

export const COMPILE_SETTINGS: readonly CompileSettings[] = [
  { id: 'noopt-paris', optimizer: false, runs: 200, viaIR: false, evmVersion: 'paris' },
  { id: 'opt200-shanghai', optimizer: true, runs: 200, viaIR: false, evmVersion: 'shanghai' },
  { id: 'opt10k-cancun', optimizer: true, runs: 10_000, viaIR: false, evmVersion: 'cancun' },
  { id: 'ir200-prague', optimizer: true, runs: 200, viaIR: true, evmVersion: 'prague' },
];

export interface CompiledContract {
  file: string;
  contract: string;
  settings: string;
  bytecode: string;
}

interface SolcOutput {
  errors?: { severity: string; formattedMessage: string }[];
  contracts?: Record<string, Record<string, { evm: { deployedBytecode: { object: string } } }>>;
}

/** Resolves `@openzeppelin/contracts/...` style imports from the installed packages. */
function findImport(path: string): { contents: string } | { error: string } {
  try {
    const pkgJson = require.resolve(`${path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0]}/package.json`);
    const rest = path.split('/').slice(path.startsWith('@') ? 2 : 1).join('/');
    return { contents: readFileSync(join(dirname(pkgJson), rest), 'utf8') };
  } catch (e) {
    return { error: `cannot import ${path}: ${String(e)}` };
  }
}

function importedVersions(source: string): string {
  const pkgs = new Set([...source.matchAll(/import[^"']*["'](@[^/"']+\/[^/"']+|[^@./"'][^/"']*)\//g)].map((m) => m[1]!));
  return [...pkgs].sort().map((p) => `${p}@${(require(`${p}/package.json`) as { version: string }).version}`).join(',');
}

/** Compiles one file under every setting; results are cached on disk by source, imports and settings. */
export function compileAll(file: string, source: string, cachePath: string): CompiledContract[] {
  const cache: Record<string, CompiledContract[]> = existsSync(cachePath) ? JSON.parse(readFileSync(cachePath, 'utf8')) : {};
  const solc = require('solc') as { compile(input: string, callbacks?: { import(path: string): { contents: string } | { error: string } }): string; version(): string };
  const imports = importedVersions(source);
  const out: CompiledContract[] = [];
  let dirty = false;
  for (const s of COMPILE_SETTINGS) {
    const key = createHash('sha256').update(`${solc.version()}\n${imports}\n${JSON.stringify(s)}\n${source}`).digest('hex');
    if (!cache[key]) {
      const input = {
        language: 'Solidity',
        sources: { [file]: { content: source } },
        settings: {
          optimizer: { enabled: s.optimizer, runs: s.runs },
          viaIR: s.viaIR,
          evmVersion: s.evmVersion,
          outputSelection: { '*': { '*': ['evm.deployedBytecode.object'] } },
        },
      };
      const result = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport })) as SolcOutput;
      const errors = (result.errors ?? []).filter((e) => e.severity === 'error');
      // Code that needs a newer EVM (e.g. OpenZeppelin 5.x uses mcopy) just skips the older targets.
      const tooOld = errors.length > 0 && errors.every((e) => /only available for .*-compatible VMs/.test(e.formattedMessage));
      if (errors.length && !tooOld) throw new Error(`${file} (${s.id}):\n${errors.map((e) => e.formattedMessage).join('\n')}`);
      const compiled: CompiledContract[] = [];
      for (const [contract, c] of tooOld ? [] : Object.entries(result.contracts?.[file] ?? {})) {
        const obj = c.evm.deployedBytecode.object;
        if (obj.length > 0) compiled.push({ file, contract, settings: s.id, bytecode: `0x${obj}` });
      }
      cache[key] = compiled;
      dirty = true;
    }
    out.push(...cache[key]!);
  }
  if (dirty) writeFileSync(cachePath, JSON.stringify(cache));
  if (out.length === 0) throw new Error(`${file}: no setting compiled it`);
  return out;
}
