// Chains the firewall can recognise by id, name and native symbol, to catch a dapp that adds a chain
// under another chain's id or name. Definitions come from viem; only the aliases are ours.
import {
  arbitrum, arbitrumNova, avalanche, base, berachain, blast, bsc, celo, cronos, fantom, gnosis, holesky, linea, mainnet,
  mantle, mode, optimism, polygon, polygonZkEvm, scroll, sepolia, sonic, unichain, zksync, zora, type Chain,
} from 'viem/chains';

const CHAINS: Chain[] = [
  mainnet, sepolia, holesky, optimism, arbitrum, arbitrumNova, base, polygon, bsc, avalanche, fantom, gnosis, zksync, linea,
  scroll, blast, mantle, celo, zora, mode, polygonZkEvm, cronos, unichain, berachain, sonic,
];

/** Other names people and dapps use for the same chain. */
const ALIASES: Record<number, string[]> = {
  1: ['ethereum', 'eth', 'mainnet'],
  10: ['optimism', 'op'],
  56: ['binance', 'bsc', 'bnb'],
  137: ['matic', 'polygon'],
  42161: ['arbitrum', 'arb'],
  43114: ['avax', 'avalanche'],
  250: ['fantom', 'ftm', 'opera'],
  100: ['xdai', 'gnosis'],
  324: ['zksync', 'era'],
  1101: ['zkevm'],
};

const GENERIC_WORDS = new Set(['mainnet', 'chain', 'network', 'smart', 'one', 'the', 'c', 'rpc', 'evm', 'l2', 'testnet']);

export interface KnownChain {
  id: number;
  name: string;
  symbol: string;
  words: string[];
  /** The chain's default public node, as viem's chain definition names it. */
  rpcUrl?: string;
}

export const knownChains: ReadonlyMap<number, KnownChain> = new Map(
  CHAINS.map((c) => [c.id, { id: c.id, name: c.name, symbol: c.nativeCurrency.symbol, words: [...words(c.name), ...(ALIASES[c.id] ?? [])], rpcUrl: c.rpcUrls.default.http[0] }]),
);

export function words(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !GENERIC_WORDS.has(w));
}

/** True when a dapp-supplied name plausibly names this chain. */
export function nameMatches(chain: KnownChain, name: string): boolean {
  const given = words(name);
  if (given.length === 0) return true;
  return given.some((w) => chain.words.includes(w));
}

/** Known chains (other than `id`) whose distinctive name the given name uses. */
export function chainsNamedLike(name: string, exceptId: number): KnownChain[] {
  const given = new Set(words(name));
  return [...knownChains.values()].filter((c) => c.id !== exceptId && words(c.name).some((w) => given.has(w)) && !isTestnetName(name));
}

function isTestnetName(name: string): boolean {
  return /test|sepolia|holesky|goerli|devnet/i.test(name);
}
