// Reads deployed bytecode from the compiled artifacts that protocol packages ship on npm (hardhat,
// truffle, waffle, 0x and Balancer layouts all keep it under a `deployedBytecode` key somewhere).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Artifact {
  pkg: string;
  version: string;
  name: string;
  path: string;
  bytecode: string;
}

/** Test helpers, mocks and attack fixtures inside protocol packages are not representative benign code. */
const NOT_PRODUCTION = /mock|test|attack|echidna|fuzz|harness|malicious|exploit|reentran|fake|dummy|broken|example/i;

function* jsonFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir).sort()) {
    const p = join(dir, entry);
    const st = statSync(p);
    if (st.isDirectory()) yield* jsonFiles(p);
    else if (entry.endsWith('.json') && st.size < 20_000_000) yield p;
  }
}

function findDeployed(node: unknown, depth = 0): string | null {
  if (!node || typeof node !== 'object' || depth > 6) return null;
  const o = node as Record<string, unknown>;
  const d = o.deployedBytecode;
  if (typeof d === 'string') return d;
  if (d && typeof d === 'object' && typeof (d as { object?: unknown }).object === 'string') return (d as { object: string }).object;
  for (const key of ['evm', 'compilerOutput']) {
    const found = findDeployed(o[key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** Unlinked library placeholders (`__$…$__`, `__Name___`) become zero addresses. */
function normalizeHex(hex: string): string {
  const body = hex.startsWith('0x') ? hex.slice(2) : hex;
  return `0x${body.replace(/[^0-9a-fA-F]/g, '0').toLowerCase()}`;
}

export function readArtifacts(nodeModules: string, pkg: string): Artifact[] {
  const root = join(nodeModules, pkg);
  const meta = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const out: Artifact[] = [];
  for (const file of jsonFiles(root)) {
    const rel = relative(root, file);
    if (rel.startsWith('node_modules') || NOT_PRODUCTION.test(rel)) continue;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    const deployed = findDeployed(json);
    if (!deployed || deployed.replace(/^0x/, '').length < 20) continue;
    const hex = normalizeHex(deployed);
    if (hex.length % 2 !== 0) continue;
    const name = (json as { contractName?: string }).contractName ?? rel.replace(/\.json$/, '').split('/').pop()!;
    if (NOT_PRODUCTION.test(name)) continue;
    out.push({ pkg, version: meta.version, name, path: rel, bytecode: hex });
  }
  return out;
}
