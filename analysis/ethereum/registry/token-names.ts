// A token's name as the user should read it: the published record first (deployments.json's major
// tokens, each from a licensed token list named in SOURCE.md), since a token's own contract can call
// itself anything; the chain's answer next; and a token whose own symbol is a listed token's at
// another address is named for what it is, an imitation.
import { DEPLOYMENTS, deployment } from './deployments';

const symbolOf = (name: string) => name.match(/\(([^)]+)\)\s*$/)?.[1] ?? name;

const listedSymbols = new Map<number, Set<string>>();
for (const d of DEPLOYMENTS) {
  if (d.kind !== 'token') continue;
  const set = listedSymbols.get(d.chainId) ?? new Set<string>();
  set.add(symbolOf(d.name).toUpperCase());
  listedSymbols.set(d.chainId, set);
}

export function listedTokenSymbol(address: string, chainId: number | undefined): string | undefined {
  const d = chainId === undefined ? undefined : deployment(address, chainId);
  return d && (d.kind === 'token' || d.kind === 'wrapped-native') ? symbolOf(d.name) : undefined;
}

/** The symbol to show, or undefined when neither the list nor the chain names the token. */
export function tokenSymbol(address: string, chainId: number | undefined, readSymbol: string | undefined): string | undefined {
  const listed = listedTokenSymbol(address, chainId);
  if (listed) return listed;
  if (!readSymbol) return undefined;
  const imitated = chainId !== undefined && listedSymbols.get(chainId)?.has(readSymbol.trim().toUpperCase());
  return imitated ? `a token that claims to be ${readSymbol.trim()}` : readSymbol;
}
