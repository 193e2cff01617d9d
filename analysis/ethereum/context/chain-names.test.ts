import { describe, expect, it } from 'vitest';
import { anvil, sepolia, holesky } from 'viem/chains';
import { knownChains } from '../registry/chains';
import { CHAIN_NAMES } from './chain-names';
import { DEFAULT_RPC_URLS } from './default-nodes';

describe('CHAIN_NAMES', () => {
  it('names every chain of the registry as viem does', () => {
    for (const chain of knownChains.values()) expect(CHAIN_NAMES[chain.id]?.name, `chain ${chain.id}`).toBe(chain.name);
  });
  it('names every chain that has a default node', () => {
    for (const id of Object.keys(DEFAULT_RPC_URLS)) expect(CHAIN_NAMES[Number(id)], `chain ${id}`).toBeDefined();
  });
  it('takes the local chain from viem too, and marks the test networks', () => {
    expect(CHAIN_NAMES[anvil.id]?.name).toBe(anvil.name);
    const tests = Object.entries(CHAIN_NAMES).filter(([, c]) => c.test).map(([id]) => Number(id)).sort((a, b) => a - b);
    expect(tests).toEqual([holesky.id, anvil.id, sepolia.id].sort((a, b) => a - b));
  });
  it('lists no chain the firewall does not know', () => {
    const known = new Set([...knownChains.keys(), anvil.id]);
    for (const id of Object.keys(CHAIN_NAMES)) expect(known.has(Number(id)), `chain ${id}`).toBe(true);
  });
});
