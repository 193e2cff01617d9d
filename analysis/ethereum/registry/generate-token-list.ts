// Generates analysis/ethereum/registry/token-list.json: the symbol and decimals of each token that a permissively
// licensed token list names on a chain the firewall supports. For naming only: these tokens are never known
// contracts (knownContract does not read this file), since a token list says what a token is called, not that
// it is safe (the Superchain list says so itself: "by adding a token to the list we aren't making any claims
// about the token itself"). Only facts are taken (chain id, address, symbol, decimals), never names, logos or code.
//
// Run: npx tsx analysis/ethereum/registry/generate-token-list.ts [--packages <dir>]
//   --packages  a folder where the npm packages in PACKAGES are installed (npm install --ignore-scripts);
//               without it they are installed into a temporary folder first.
// Regenerate deployments.json first: tokens its records name are left out here (they are named from there).
//
// Uniswap's default token list is not used: it is GPL-3.0-or-later (see SOURCE.md).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAddress } from 'viem';
import { knownChains } from './chains';
import { DEPLOYMENTS } from './deployments';

/** Pinned packages, with the licence their package.json must state (checked, and written into the file). */
const PACKAGES = {
  '@eth-optimism/tokenlist': { version: '10.0.1770', license: 'MIT', copyright: undefined },
  '@bgd-labs/aave-address-book': { version: '4.44.22', license: 'MIT', copyright: 'Copyright 2026 BGD Labs (LICENSE)' },
} as const;
type Package = keyof typeof PACKAGES;

interface ListToken {
  chainId: number;
  address: string;
  symbol: string;
  decimals: number;
}

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const packagesDir = args.get('packages') ?? installPackages();
const requireFrom = createRequire(join(packagesDir, 'package.json'));

function installPackages(): string {
  const dir = mkdtempSync(join(tmpdir(), 'token-list-packages-'));
  writeFileSync(join(dir, 'package.json'), '{"private":true}');
  const specs = Object.entries(PACKAGES).map(([name, p]) => `${name}@${p.version}`);
  execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--silent', ...specs], { cwd: dir, stdio: 'inherit' });
  return dir;
}

/** A file of a pinned package, after checking that the installed copy is the pinned version under the expected licence. */
function packageFile(name: Package, file: string): string {
  const root = join(packagesDir, 'node_modules', name);
  const meta = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; license?: string };
  if (meta.version !== PACKAGES[name].version) throw new Error(`${name} is ${meta.version} in ${packagesDir}, expected ${PACKAGES[name].version}`);
  if (meta.license !== PACKAGES[name].license) throw new Error(`${name}@${meta.version} says licence ${meta.license}, expected ${PACKAGES[name].license}`);
  return readFileSync(join(root, file), 'utf8');
}

const supported = new Set(knownChains.keys());

// The registry's own token records name these (chain:address): the registry wins, so they are left out here.
const registryTokens = new Set(DEPLOYMENTS.filter((d) => d.kind === 'token' || d.kind === 'wrapped-native').map((d) => `${d.chainId}:${d.address.toLowerCase()}`));
// The major symbols per chain, derived as token-names.ts derives them: the imitation check ('a token that claims to
// be USDC') rests on them, so a list naming another address on that chain with a major symbol is an error to resolve
// by hand, not something to ship (token-list.test.ts checks the file keeps this).
const majors = new Map<number, Set<string>>();
for (const d of DEPLOYMENTS)
  if (d.kind === 'token') majors.set(d.chainId, (majors.get(d.chainId) ?? new Set()).add((d.name.match(/\(([^)]+)\)\s*$/)?.[1] ?? d.name).toUpperCase()));

/**
 * A symbol fit to show as a token's name: at least one letter or digit, at most 24 characters, no spaces and
 * no control, format (bidirectional, zero-width) or unassigned characters. Lists carry a few emoji-only symbols.
 */
function showableSymbol(symbol: string): boolean {
  return /[\p{L}\p{N}]/u.test(symbol) && [...symbol].length <= 24 && !/[\p{C}\p{Z}\s]/u.test(symbol);
}

interface Source {
  from: string;
  package: Package;
  version: string;
  license: string;
  copyright?: string;
  tokens: Record<string, Record<string, [string, number]>>;
}
const sources: Record<string, Source> = {};
const kept = new Map<string, { symbol: string; decimals: number; source: string }>();
const skipped = { unsupportedChain: 0, native: 0, inRegistry: 0, badSymbol: [] as string[], repeated: 0, symbolDiffers: [] as string[] };

function take(name: Package, file: string, what: string, tokens: ListToken[]): void {
  const id = `npm:${name}/${file}`;
  const p = PACKAGES[name];
  sources[id] = { from: `npm ${name}@${p.version}, ${file}: ${what}`, package: name, version: p.version, license: p.license, ...(p.copyright ? { copyright: p.copyright } : {}), tokens: {} };
  for (const t of tokens) {
    if (!supported.has(t.chainId)) {
      skipped.unsupportedChain++;
      continue;
    }
    if (!isAddress(t.address, { strict: false })) throw new Error(`${id}: bad address ${t.address} on chain ${t.chainId}`);
    if (!Number.isInteger(t.decimals) || t.decimals < 0 || t.decimals > 255) throw new Error(`${id}: bad decimals ${t.decimals} for ${t.address} on chain ${t.chainId}`);
    const address = t.address.toLowerCase();
    if (/^0x(0{40}|e{40})$/.test(address)) {
      skipped.native++; // the lists' stand-in for the chain's own coin, which is no token contract
      continue;
    }
    const key = `${t.chainId}:${address}`;
    if (registryTokens.has(key)) {
      skipped.inRegistry++;
      continue;
    }
    if (!showableSymbol(t.symbol)) {
      skipped.badSymbol.push(`${key} ${JSON.stringify(t.symbol)}`);
      continue;
    }
    if (majors.get(t.chainId)?.has(t.symbol.toUpperCase()))
      throw new Error(`${id} names ${key} ${t.symbol}, a major symbol the registry lists at another address on chain ${t.chainId}: decide by hand`);
    const prev = kept.get(key);
    if (prev) {
      // The first list to name a (chain, address) names it; a later one must give the same decimals.
      if (prev.decimals !== t.decimals) throw new Error(`${key}: ${prev.source} gives ${prev.decimals} decimals, ${id} gives ${t.decimals}`);
      if (prev.symbol !== t.symbol) skipped.symbolDiffers.push(`${key} ${prev.symbol} (kept) / ${t.symbol}`);
      skipped.repeated++;
      continue;
    }
    kept.set(key, { symbol: t.symbol, decimals: t.decimals, source: id });
  }
}

// The Superchain token list first: its maintainers review each chain's entries (and it tells bridged USDC.e from USDC).
packageFile('@eth-optimism/tokenlist', 'package.json');
const superchain = (requireFrom(join(packagesDir, 'node_modules', '@eth-optimism/tokenlist', 'dist/index.js')) as { default: { tokens: ListToken[] } }).default;
take('@eth-optimism/tokenlist', 'dist/index.js', 'tokens[] (chainId, address, symbol, decimals)', superchain.tokens);
// Aave's token list: every market's underlying assets and the aTokens people hold for them. Its static aToken
// wrappers (staticAT, stataToken) and stkToken are left out: contracts integrators hold, rarely a person, and
// 200 entries the bundle would carry for little.
const AAVE_TAGS = ['underlying', 'aTokenV3', 'aTokenV2'];
const aave = JSON.parse(packageFile('@bgd-labs/aave-address-book', 'tokenlist.json')) as { tokens: Array<ListToken & { tags?: string[] }> };
take('@bgd-labs/aave-address-book', 'tokenlist.json', `tokens[] tagged ${AAVE_TAGS.join(', ')} (chainId, address, symbol, decimals)`, aave.tokens.filter((t) => t.tags?.some((g) => AAVE_TAGS.includes(g))));

for (const [key, t] of [...kept].sort(([a], [b]) => Number(a.split(':')[0]) - Number(b.split(':')[0]) || a.localeCompare(b))) {
  const [chainId, address] = key.split(':') as [string, string];
  const chain = (sources[t.source]!.tokens[chainId] ??= {});
  chain[address] = [t.symbol, t.decimals];
}

// One token a line, so a regeneration's diff reads entry by entry; the header names each source and its licence.
const groups = Object.entries(sources).map(([id, s]) => {
  const { tokens, ...head } = s;
  const chains = Object.entries(tokens).map(([chainId, byAddress]) => `${JSON.stringify(chainId)}:{\n${Object.entries(byAddress).map(([a, v]) => `${JSON.stringify(a)}:${JSON.stringify(v)}`).join(',\n')}}`);
  const headText = Object.entries(head).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',\n');
  return `${JSON.stringify(id)}:{\n${headText},\n"tokens":{\n${chains.join(',\n')}}}`;
});
const json = `{"generatedBy":"analysis/ethereum/registry/generate-token-list.ts",\n"use":"names and decimals for display only; never a known or trusted contract",\n"sources":{\n${groups.join(',\n')}}}\n`;
JSON.parse(json);
writeFileSync(new URL('./token-list.json', import.meta.url), json);
const perChain = new Map<string, number>();
for (const key of kept.keys()) perChain.set(key.split(':')[0]!, (perChain.get(key.split(':')[0]!) ?? 0) + 1);
console.log(`${kept.size} tokens (${json.length} bytes):`, Object.fromEntries(perChain));
console.log(`left out: ${skipped.unsupportedChain} on chains the firewall does not support, ${skipped.native} native-coin stand-ins, ${skipped.inRegistry} the registry names, ${skipped.repeated} repeated (${skipped.symbolDiffers.length} under another symbol: ${skipped.symbolDiffers.join('; ')}), ${skipped.badSymbol.length} with a symbol unfit to show: ${skipped.badSymbol.join('; ')}`);
