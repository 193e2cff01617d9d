// A token's name as the user should read it, first answer wins:
//   1. the registry's token records (deployments.json's major tokens, each from a licensed token list named in
//      SOURCE.md), since a token's own contract can call itself anything;
//   2. the bundled token list (token-list.json, from MIT-licensed lists, generate-token-list.ts): names and
//      decimals only, never trust — these tokens are not known contracts;
//   3. the chain's answer, where a token whose own symbol is a major token's at another address is named for
//      what it is, an imitation;
//   4. nothing, and the caller shows the short address.
import list from './token-list.json';
import { DEPLOYMENTS, deployment } from './deployments';

const symbolOf = (name: string) => name.match(/\(([^)]+)\)\s*$/)?.[1] ?? name;

// The imitation check knows only the major symbols (WETH, USDC, USDT, DAI, WBTC, …: the registry's token
// records), never the bundled list's. The list names hundreds of tokens, and many share a symbol with another
// legitimate token on the same chain (one bridge's copy and another's, an old and a new version): accusing every
// token that reads "AAVE" or "OP" at an address the list does not name would accuse honest tokens, and a warning
// that is usually wrong teaches people to ignore it. The majors are the symbols drainers imitate, and their
// addresses per chain are recorded by the issuers. generate-token-list.ts refuses a list entry that carries a
// major symbol at another address, so the two tiers never contradict each other.
const majorSymbols = new Map<number, Set<string>>();
for (const d of DEPLOYMENTS) {
  if (d.kind !== 'token') continue;
  const set = majorSymbols.get(d.chainId) ?? new Set<string>();
  set.add(symbolOf(d.name).toUpperCase());
  majorSymbols.set(d.chainId, set);
}

/** True when `symbol` is a major token's on that chain (the registry's token records), whatever its case. */
export function isMajorSymbol(symbol: string, chainId: number | undefined): boolean {
  return chainId !== undefined && (majorSymbols.get(chainId)?.has(symbol.trim().toUpperCase()) ?? false);
}

export interface BundledToken {
  symbol: string;
  decimals: number;
  /** Key in token-list.json's `sources`: the package, its version and licence. */
  source: string;
}

export interface TokenListFile {
  generatedBy: string;
  sources: Record<string, { from: string; package: string; version: string; license: string; copyright?: string; tokens: Record<string, Record<string, [string, number]>> }>;
}

export const TOKEN_LIST = list as unknown as TokenListFile;

const bundled = new Map<number, Map<string, BundledToken>>();
for (const [source, s] of Object.entries(TOKEN_LIST.sources))
  for (const [chainId, tokens] of Object.entries(s.tokens)) {
    const chain = bundled.get(Number(chainId)) ?? new Map<string, BundledToken>();
    for (const [address, [symbol, decimals]] of Object.entries(tokens)) chain.set(address, { symbol, decimals, source });
    bundled.set(Number(chainId), chain);
  }

/** The bundled token list's entry for a token (for its name and decimals only; it says nothing of trust). */
export function bundledToken(address: string, chainId: number | undefined): BundledToken | undefined {
  return chainId === undefined ? undefined : bundled.get(chainId)?.get(address.toLowerCase());
}

/** The registry's symbol for a major token or wrapped native coin, else undefined. */
export function listedTokenSymbol(address: string, chainId: number | undefined): string | undefined {
  const d = chainId === undefined ? undefined : deployment(address, chainId);
  return d && (d.kind === 'token' || d.kind === 'wrapped-native') ? symbolOf(d.name) : undefined;
}

/** The symbol to show, or undefined when neither the registry, the bundled list nor the chain names the token. */
export function tokenSymbol(address: string, chainId: number | undefined, readSymbol: string | undefined): string | undefined {
  const listed = listedTokenSymbol(address, chainId) ?? bundledToken(address, chainId)?.symbol;
  if (listed) return listed;
  if (!readSymbol) return undefined;
  return isMajorSymbol(readSymbol, chainId) ? `a token that claims to be ${readSymbol.trim()}` : readSymbol;
}

/** A token the registry, our deployments or the bundled token list name: its issuer's powers are public knowledge. */
export function isWellKnownToken(address: string, chainId: number | undefined, knownToRegistry: boolean): boolean {
  return knownToRegistry || !!listedTokenSymbol(address, chainId) || !!bundledToken(address, chainId);
}
