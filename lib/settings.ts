// The user's settings that the background needs. The options page (issue 8) edits the same keys.
import { browser } from '#imports';

/** Well-known public endpoints that answer browsers (CORS), so no host permission is needed. */
export const DEFAULT_RPC_URLS: Readonly<Record<number, string>> = {
  1: 'https://ethereum-rpc.publicnode.com',
  10: 'https://optimism-rpc.publicnode.com',
  56: 'https://bsc-rpc.publicnode.com',
  137: 'https://polygon-bor-rpc.publicnode.com',
  8453: 'https://base-rpc.publicnode.com',
  42161: 'https://arbitrum-one-rpc.publicnode.com',
  11155111: 'https://ethereum-sepolia-rpc.publicnode.com',
  31337: 'http://127.0.0.1:8545',
};

const RPC_KEY = 'rpcUrls';

/** The RPC endpoint for a chain: the user's choice, else the default, else none. */
export async function rpcUrlFor(chainId: number | undefined): Promise<string | undefined> {
  if (chainId === undefined) return undefined;
  const found = await browser.storage.local.get(RPC_KEY);
  const chosen = (found[RPC_KEY] as Record<string, string> | undefined)?.[String(chainId)];
  return chosen ?? DEFAULT_RPC_URLS[chainId];
}
