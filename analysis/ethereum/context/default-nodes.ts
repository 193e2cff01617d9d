// The default public nodes, alone in a file with no imports: the options page shows them, and must not
// load viem and the chain readers (about 270 kB) to do so.

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
