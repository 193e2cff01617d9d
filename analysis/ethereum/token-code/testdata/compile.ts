// Test-only (Node): compiles the test tokens beside this file with the npm `solc`, the way
// model/train/compile.ts does (same import resolution for @openzeppelin/contracts), under a few
// settings so a test sees the dispatcher as different optimizers lay it out.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export interface Setting {
  id: string;
  optimizer: boolean;
  viaIR: boolean;
}

export const SETTINGS: readonly Setting[] = [
  { id: 'noopt', optimizer: false, viaIR: false },
  { id: 'opt200', optimizer: true, viaIR: false },
  { id: 'ir200', optimizer: true, viaIR: true },
];

function findImport(path: string): { contents: string } | { error: string } {
  try {
    const pkg = path.split('/').slice(0, path.startsWith('@') ? 2 : 1).join('/');
    const rest = path.split('/').slice(path.startsWith('@') ? 2 : 1).join('/');
    return { contents: readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), rest), 'utf8') };
  } catch (e) {
    return { error: `cannot import ${path}: ${String(e)}` };
  }
}

export interface Compiled {
  runtime: `0x${string}`;
  /** Creation code (constructor and runtime), to deploy it on a test node. */
  creation: `0x${string}`;
  /** The compiler's own selectors of the contract's external functions (signature → hex, no 0x). */
  methodIdentifiers: Record<string, string>;
}

/** Runtime bytecode (0x-hex) of `contract` in testdata/`file` under `setting`, with the compiler's selectors. */
export function compileRuntime(file: string, contract: string, setting: Setting): Compiled {
  const solc = require('solc') as { compile(input: string, callbacks: { import(path: string): { contents: string } | { error: string } }): string };
  const input = {
    language: 'Solidity',
    sources: { [file]: { content: readFileSync(join(import.meta.dirname, file), 'utf8') } },
    settings: { optimizer: { enabled: setting.optimizer, runs: 200 }, viaIR: setting.viaIR, evmVersion: 'cancun', outputSelection: { [file]: { [contract]: ['evm.bytecode.object', 'evm.deployedBytecode.object', 'evm.methodIdentifiers'] } } },
  };
  const out = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport })) as {
    errors?: { severity: string; formattedMessage: string }[];
    contracts?: Record<string, Record<string, { evm: { bytecode: { object: string }; deployedBytecode: { object: string }; methodIdentifiers: Record<string, string> } }>>;
  };
  const errors = (out.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
  const evm = out.contracts?.[file]?.[contract]?.evm;
  if (!evm?.deployedBytecode.object) throw new Error(`${file}: no ${contract}`);
  return { runtime: `0x${evm.deployedBytecode.object}`, creation: `0x${evm.bytecode.object}`, methodIdentifiers: evm.methodIdentifiers };
}
