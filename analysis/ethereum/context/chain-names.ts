// The names of the chains the firewall knows, as viem's chain definitions spell them, alone in a file
// with no imports like default-nodes.ts: the options page names every chain and must not load
// `viem/chains` (hundreds of definitions) to do so. chain-names.test.ts checks each name against viem's
// definition and that every chain of the registry and of the default nodes is here.

export interface ChainName {
  name: string;
  /** A test network: shown as one, so nobody takes it for the real chain. */
  test?: true;
}

export const CHAIN_NAMES: Readonly<Record<number, ChainName>> = {
  1: { name: 'Ethereum' },
  10: { name: 'OP Mainnet' },
  25: { name: 'Cronos Mainnet' },
  56: { name: 'BNB Smart Chain' },
  100: { name: 'Gnosis' },
  130: { name: 'Unichain' },
  137: { name: 'Polygon' },
  146: { name: 'Sonic' },
  250: { name: 'Fantom' },
  324: { name: 'ZKsync Era' },
  1101: { name: 'Polygon zkEVM' },
  5000: { name: 'Mantle' },
  8453: { name: 'Base' },
  17000: { name: 'Holesky', test: true },
  31337: { name: 'Anvil', test: true },
  34443: { name: 'Mode Mainnet' },
  42161: { name: 'Arbitrum One' },
  42170: { name: 'Arbitrum Nova' },
  42220: { name: 'Celo' },
  43114: { name: 'Avalanche' },
  59144: { name: 'Linea Mainnet' },
  80094: { name: 'Berachain' },
  81457: { name: 'Blast' },
  534352: { name: 'Scroll' },
  7777777: { name: 'Zora' },
  11155111: { name: 'Sepolia', test: true },
};
