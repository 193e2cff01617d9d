// Token names: the registry's major tokens, then the bundled token list (names only, never trust), then the
// chain's answer, where only a major symbol at another address is called an imitation.
import { readFileSync } from 'node:fs';
import { getAddress, type Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { A } from '../fixtures/build';
import { describe as describeChanges } from '../simulate/changes';
import { knownChains } from './chains';
import { DEPLOYMENTS } from './deployments';
import { knownContract } from './known';
import { bundledToken, isMajorSymbol, listedTokenSymbol, TOKEN_LIST, tokenSymbol } from './token-names';

// Real tokens the bundled list names and the registry does not: Aave's AAVE and Lido's LDO on Ethereum, OP on OP Mainnet.
const AAVE: Address = '0x7Fc66500c84A76Ad7e9c93437bFc5Ac33E2DDaE9';
const LDO: Address = '0x5A98FcBEA516Cf06857215779Fd812CA3beF1B32';
const OP: Address = '0x4200000000000000000000000000000000000042';

const entries = Object.entries(TOKEN_LIST.sources).flatMap(([source, s]) =>
  Object.entries(s.tokens).flatMap(([chainId, tokens]) => Object.entries(tokens).map(([address, [symbol, decimals]]) => ({ source, chainId: Number(chainId), address, symbol, decimals }))),
);

describe('tokenSymbol', () => {
  it('names a token only the bundled list names, with the list’s symbol and decimals', () => {
    expect(listedTokenSymbol(AAVE, 1)).toBeUndefined();
    expect(tokenSymbol(AAVE, 1, undefined)).toBe('AAVE');
    expect(tokenSymbol(AAVE.toLowerCase(), 1, 'whatever the contract says')).toBe('AAVE'); // the list before the chain
    expect(bundledToken(AAVE, 1)).toMatchObject({ symbol: 'AAVE', decimals: 18, source: 'npm:@eth-optimism/tokenlist/dist/index.js' });
    expect(tokenSymbol(OP, 10, undefined)).toBe('OP');
    expect(tokenSymbol(OP, 1, undefined)).toBeUndefined(); // per chain: no such token on Ethereum
    expect(tokenSymbol(AAVE, undefined, undefined)).toBeUndefined();
  });

  it('lets the registry’s record win over the list and the chain', () => {
    expect(tokenSymbol(A.usdc, 1, 'NOTUSDC')).toBe('USDC');
    expect(bundledToken(A.usdc, 1)).toBeUndefined(); // the generator leaves out what the registry names
  });

  it('calls an unknown token reading a major symbol an imitation, and one reading a list symbol only by that symbol', () => {
    expect(tokenSymbol(A.unknownContract, 1, 'USDC')).toBe('a token that claims to be USDC');
    expect(tokenSymbol(A.unknownContract, 1, ' usdt ')).toBe('a token that claims to be usdt');
    // AAVE and LDO are in the bundled list, but not majors: another token with that symbol is not accused.
    expect(tokenSymbol(A.unknownContract, 1, 'AAVE')).toBe('AAVE');
    expect(tokenSymbol(A.unknownContract, 1, 'LDO')).toBe('LDO');
    expect(tokenSymbol(A.unknownContract, 1, undefined)).toBeUndefined();
  });

  it('fills missing decimals of a simulated change from the list', async () => {
    const party = getAddress(A.user);
    const out = await describeChanges({ changes: [{ party, asset: { kind: 'erc20', token: LDO }, amount: '-1500000000000000000', display: '' }], movements: [], approvals: [] }, undefined, 1);
    expect(out.changes[0]).toMatchObject({ asset: { symbol: 'LDO', decimals: 18 }, display: '-1.5 LDO' });
  });
});

describe('token-list.json', () => {
  it('does not make its tokens known contracts', () => {
    expect(knownContract(AAVE, 1)).toBeUndefined();
    expect(knownContract(OP, 10)).toBeUndefined();
    // None is named by the protocols' records; a few are named by the Etherscan tags on their own (LDO is).
    expect(entries.filter((e) => knownContract(e.address, e.chainId)?.source === 'curated')).toEqual([]);
    expect(knownContract(LDO, 1)?.source).toBe('etherscan-labels');
  });

  // The bundle ships under MIT: every source must say a licence that allows that, and say what the
  // generator pinned and checked (package, version, licence), so the file cannot drift from its generator.
  it('comes only from MIT or Apache-2.0 sources, as the generator pins them', () => {
    const generator = readFileSync(new URL('./generate-token-list.ts', import.meta.url), 'utf8');
    const pinned = [...generator.matchAll(/'(@[\w.-]+\/[\w.-]+)': \{ version: '([^']+)', license: '([^']+)'/g)].map((m) => ({ package: m[1], version: m[2], license: m[3] }));
    expect(pinned.length).toBeGreaterThan(0);
    expect(pinned.filter((p) => !['MIT', 'Apache-2.0'].includes(p.license!))).toEqual([]);
    const sources = Object.entries(TOKEN_LIST.sources);
    expect(TOKEN_LIST.generatedBy).toBe('analysis/ethereum/registry/generate-token-list.ts');
    for (const [id, s] of sources) {
      expect(pinned).toContainEqual({ package: s.package, version: s.version, license: s.license });
      expect(id.startsWith(`npm:${s.package}/`)).toBe(true);
      expect(s.from.startsWith(`npm ${s.package}@${s.version}, `)).toBe(true);
    }
    expect(sources.map(([, s]) => s.package).sort()).toEqual(pinned.map((p) => p.package).sort());
    expect(JSON.stringify(TOKEN_LIST)).not.toMatch(/@uniswap\/default-token-list/);
  });

  it('holds lowercase token addresses on supported chains, each once, none the registry names, none with a major symbol', () => {
    expect(entries.length).toBeGreaterThan(1000);
    const registry = new Set(DEPLOYMENTS.filter((d) => d.kind).map((d) => `${d.chainId}:${d.address.toLowerCase()}`));
    const seen = new Set<string>();
    const bad = entries.filter((e) => {
      const key = `${e.chainId}:${e.address}`;
      const repeated = seen.has(key);
      seen.add(key);
      return (
        repeated || !/^0x[0-9a-f]{40}$/.test(e.address) || BigInt(e.address) === 0n || !knownChains.has(e.chainId) || registry.has(key) || isMajorSymbol(e.symbol, e.chainId) ||
        !e.symbol || !Number.isInteger(e.decimals) || e.decimals < 0 || e.decimals > 255
      );
    });
    expect(bad).toEqual([]);
  });
});
