// The registry's data says where each address comes from, and the analysis finds the protocols people use
// on the chains they use them: the Universal Router on Polygon, CoW Protocol's EthFlow, UniswapX's reactors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getAddress, type Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { A, NOW, NOW_S, MAX, permit2Single, permit2TransferFrom, tx, typed } from '../fixtures/build';
import { analyzeRequest, type AnalysisInput } from '../index';
import { knownChains } from './chains';
import data from './deployments.json';
import { DEPLOYMENTS, KNOWN_DECIMALS, WRAPPED_NATIVE } from './deployments';
import labels from './known-contracts.json';
import { known7702Delegate, knownContract, registryAddressesByChain } from './known';

const sources = (data as { sources: Record<string, { from: string; contracts: unknown[] }> }).sources;
const NPM = /^npm (@[a-z0-9-]+\/)?[a-z0-9.-]+@\d+\.\d+\.\d+, [^:]+: .+/;
const GITHUB = /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+ @ [0-9a-f]{40}, [^:]+: .+/;

describe('deployments.json', () => {
  it('names a package with its version, or a repository with its commit, for every source', () => {
    const bad = Object.entries(sources).filter(([, s]) => !NPM.test(s.from) && !GITHUB.test(s.from));
    expect(bad).toEqual([]);
    expect(DEPLOYMENTS.every((d) => d.citation && sources[d.source]?.from === d.citation)).toBe(true);
    expect(DEPLOYMENTS.filter((d) => d.decimalsFrom !== undefined && !sources[d.decimalsFrom])).toEqual([]);
  });

  // The bundle ships under MIT, so the token lists it carries must allow that. Each record is named with the
  // licence its package.json or LICENSE states (see SOURCE.md); a record not listed here fails the test.
  it('takes its tokens only from records whose licence lets them ship', () => {
    const PERMISSIVE: Record<string, string> = {
      'npm:@circle-fin/bridge-kit/': 'Apache-2.0',
      'npm:@eth-optimism/tokenlist/': 'MIT',
      'npm:@bgd-labs/aave-address-book/': 'MIT',
      'npm:@lifi/data-types/': 'Apache-2.0',
      'npm:@uniswap/sdk-core/': 'MIT',
      'github:0xPolygon/polygon-token-list/': 'MIT',
    };
    const shippable = (source: string) => Object.keys(PERMISSIVE).some((prefix) => source.startsWith(prefix));
    const tokens = DEPLOYMENTS.filter((d) => d.protocol === 'Tokens');
    expect(tokens.length).toBeGreaterThan(100);
    expect(tokens.filter((d) => !shippable(d.source) || (d.decimalsFrom !== undefined && !shippable(d.decimalsFrom))).map((d) => `${d.chainId} ${d.name} ${d.source}`)).toEqual([]);
  });

  it('holds checksummed, non-zero addresses on chains the extension knows', () => {
    const bad = DEPLOYMENTS.filter((d) => getAddress(d.address) !== d.address || BigInt(d.address) === 0n || !knownChains.has(d.chainId) || !d.name || !d.protocol);
    expect(bad).toEqual([]);
  });

  it('lists each address once per chain and under one protocol only', () => {
    const perChain = new Map<string, number>();
    const protocols = new Map<string, Set<string>>();
    for (const d of DEPLOYMENTS) {
      const key = `${d.chainId}:${d.address.toLowerCase()}`;
      perChain.set(key, (perChain.get(key) ?? 0) + 1);
      protocols.set(d.address.toLowerCase(), (protocols.get(d.address.toLowerCase()) ?? new Set()).add(d.protocol));
    }
    expect([...perChain].filter(([, n]) => n > 1)).toEqual([]);
    expect([...protocols].filter(([, p]) => p.size > 1).map(([a, p]) => `${a}: ${[...p].join(', ')}`)).toEqual([]);
  });

  it('gives one number of decimals per token address, whatever the chain', () => {
    const seen = new Map<string, Set<number>>();
    for (const d of DEPLOYMENTS) if (d.decimals !== undefined) seen.set(d.address.toLowerCase(), (seen.get(d.address.toLowerCase()) ?? new Set()).add(d.decimals));
    expect([...seen].filter(([, s]) => s.size > 1)).toEqual([]);
    expect(KNOWN_DECIMALS['0x3c499c542cef5e3811e1192ce70d8cc03d5c3359']).toBe(6); // Polygon USDC
    expect(KNOWN_DECIMALS['0x8ac76a51cc950d9822d68b83fe1ad97b32cd580d']).toBe(18); // BNB Chain USDC has 18
    expect(WRAPPED_NATIVE.has('0x0d500b1d8e8ef31e21c99d1db9a6444d3adf1270')).toBe(true); // WMATIC
  });

  it('covers the everyday entry points on each major chain', () => {
    const MAJOR = [1, 10, 42161, 8453, 137, 56, 43114];
    const has = (chainId: number, pattern: RegExp) => DEPLOYMENTS.some((d) => d.chainId === chainId && pattern.test(d.name));
    const missing = MAJOR.flatMap((c) =>
      [/^Uniswap Universal Router 2\.0$/, /^Uniswap Permit2$/, /^CoW Protocol GPv2Settlement$|^1inch/, /^Aave V3 Pool$/, /^Safe Proxy Factory/, /^Safe MultiSend/, /\(USDC\)$/, /\(W[A-Z]+\)$/]
        .filter((p) => !has(c, p))
        .map((p) => `${c} ${p}`),
    );
    // Tether on every major chain (Avalanche's symbol is USDt, USDT0's is USD₮0).
    missing.push(...MAJOR.filter((c) => !has(c, /\(USD[T₮]0?\)$/i)).map((c) => `${c} USDT`));
    expect(missing).toEqual([]);
  });
});

describe('knownContract', () => {
  it('knows the Universal Router that Polygon really has, and not the mainnet address there', () => {
    expect(knownContract('0x1095692a6237d83c6a72f3f5efedb9a670c49223', 137)).toMatchObject({ name: 'Uniswap Universal Router 2.0', source: 'curated', protocol: 'Uniswap' });
    expect(knownContract('0x1095692a6237d83c6a72f3f5efedb9a670c49223', 137)?.citation).toMatch(/Uniswap\/universal-router @ [0-9a-f]{40}, deploy-addresses\/polygon\.json/);
    // 0xEf1c…BF6B is the 2022 router on mainnet but a helper contract (UnsupportedProtocol) on Polygon.
    expect(knownContract('0xEf1c6E67703c7BD7107eed8303Fbe6EC2554BF6B', 1)?.name).toBe('Uniswap Universal Router 1.0');
    expect(knownContract('0xEf1c6E67703c7BD7107eed8303Fbe6EC2554BF6B', 137)).toBeUndefined();
  });

  it('knows CoW Protocol EthFlow and the UniswapX reactors', () => {
    expect(knownContract('0xbA3cB449bD2B4ADddBc894D8697F5170800EAdeC', 1)?.name).toBe('CoW Protocol EthFlow');
    expect(knownContract('0xbA3cB449bD2B4ADddBc894D8697F5170800EAdeC', 8453)?.name).toBe('CoW Protocol EthFlow');
    expect(knownContract('0x00000011F84B9aa48e5f8aA8B9897600006289Be', 1)?.name).toBe('UniswapX V2 Dutch Order Reactor');
    expect(knownContract('0x1bd1aAdc9E230626C44a139d7E70d842749351eb', 42161)?.name).toBe('UniswapX V2 Dutch Order Reactor');
  });

  it('does not carry an address to chains where its protocol did not publish it', () => {
    expect(knownContract('0x4200000000000000000000000000000000000006', 10)?.name).toMatch(/\(WETH\)$/);
    expect(knownContract('0x4200000000000000000000000000000000000006', 1)).toBeUndefined();
    expect(knownContract('0xDef1C0ded9bec7F1a1670819833240f027b25EfF', 10)).toBeUndefined(); // 0x uses another proxy there
  });

  it('falls back to the third-party name tags on mainnet only, and mainnet when no chain is given', () => {
    const [address, name] = Object.entries((labels as { chains: Record<string, Record<string, string>> }).chains['1']!)[0]!;
    expect(knownContract(address, 1)).toEqual({ name, source: 'etherscan-labels' });
    expect(knownContract(address, 137)).toBeUndefined();
    expect(knownContract('0x000000000022D473030F116dDEE9F6B43aC78BA3', undefined)?.name).toBe('Uniswap Permit2');
  });

  it('knows the wallet teams’ EIP-7702 delegates', () => {
    expect(known7702Delegate('0x63c0c19a282a1B52b07dD5a65b58948A07DAE32B')).toBe('MetaMask EIP-7702 Stateless DeleGator');
    expect(known7702Delegate('0x000000009B1D0aF20D8C6d0A44e162d11F9b8f00')).toBe('Uniswap Calibur');
    expect(known7702Delegate(A.unknownContract)).toBeUndefined();
  });
});

describe('registryAddressesByChain', () => {
  it('lists both tiers, lowercase, per chain', () => {
    const all = registryAddressesByChain();
    expect(all[137]).toContain('0x1095692a6237d83c6a72f3f5efedb9a670c49223');
    expect(all[1]).toContain(Object.keys((labels as { chains: Record<string, Record<string, string>> }).chains['1']!)[0]);
    expect(Object.values(all).flat().every((a) => /^0x[0-9a-f]{40}$/.test(a))).toBe(true);
    expect(Object.values(all).reduce((n, l) => n + l.length, 0)).toBeGreaterThanOrEqual(DEPLOYMENTS.length);
  });
});

describe('known-contracts.json (Etherscan name tags, third party)', () => {
  // The labels snapshot lives in ../shared/data beside the project, for developers and CI alike.
  const combined = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data', 'etherscan-labels', 'data', 'etherscan', 'combined', 'combinedAllLabels.json');
  const HOSTILE = ['blocked', 'phish-hack', 'ofac-sanctions-lists', 'spam-token', 'heist', 'exploit', 'scam', 'take-action', 'tornado-cash', 'multichain'];

  it('keeps no address its source labels hostile, and none the protocols name themselves', () => {
    const all = JSON.parse(readFileSync(combined, 'utf8')) as Record<string, { labels: string[] }>;
    // The snapshot has some addresses twice, in two letter cases: all labels of an address count.
    const byAddress = new Map<string, string[]>();
    for (const [a, e] of Object.entries(all)) byAddress.set(a.toLowerCase(), [...(byAddress.get(a.toLowerCase()) ?? []), ...e.labels]);
    const kept = Object.keys((labels as { chains: Record<string, Record<string, string>> }).chains['1']!);
    expect(kept.length).toBeGreaterThan(1000);
    expect(kept.filter((a) => !byAddress.has(a))).toEqual([]);
    expect(kept.filter((a) => byAddress.get(a)!.some((l) => HOSTILE.includes(l)))).toEqual([]);
    const published = new Set(DEPLOYMENTS.filter((d) => d.chainId === 1).map((d) => d.address.toLowerCase()));
    expect(kept.filter((a) => published.has(a))).toEqual([]);
  });
});

describe('the analysis finds known protocols', () => {
  const at = (origin: string, request: AnalysisInput['request'], chainId: number): AnalysisInput => ({ request, origin: { origin }, chainId, from: A.user });
  const run = (input: AnalysisInput) => analyzeRequest(input, { now: NOW });
  const ids = (v: Awaited<ReturnType<typeof run>>) => v.findings.map((f) => f.id);
  const polygonUsdc: Address = '0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359';

  it('a Permit2 signature for the Universal Router on Polygon is an ordinary approval', async () => {
    const router: Address = '0x1095692a6237d83c6a72f3f5efedb9a670c49223';
    const v = await run(at('https://app.uniswap.org', typed(permit2Single(polygonUsdc, MAX >> 96n, router, NOW_S + 30 * 86400, NOW_S + 1800, 137)), 137));
    expect(v.verdict, JSON.stringify(ids(v))).toBe('allow');
    expect(ids(v)).toContain('approval.known-spender');
    expect(v.findings.find((f) => f.id === 'approval.known-spender')?.detail).toContain('Uniswap Universal Router 2.0');
  });

  it('the same signature for an address Uniswap never deployed on Polygon is not called known', async () => {
    const v = await run(at('https://app.uniswap.org', typed(permit2Single(polygonUsdc, MAX >> 96n, A.unknownContract, NOW_S + 30 * 86400, NOW_S + 1800, 137)), 137));
    expect(ids(v)).not.toContain('approval.known-spender');
  });

  it('paying ETH into CoW Protocol EthFlow on mainnet is not a payment to a stranger', async () => {
    const ethFlow: Address = '0xbA3cB449bD2B4ADddBc894D8697F5170800EAdeC';
    // An arbitrary selector the firewall cannot read: what is under test is who receives the coins.
    const pay = (to: Address) => run(at('https://swap.cow.fi', tx(to, '0x12345678', 10n ** 17n), 1));
    expect(ids(await pay(A.unknownContract))).toContain('tx.unknown-function-with-value');
    const v = await pay(ethFlow);
    expect(ids(v)).not.toContain('tx.unknown-function-with-value');
    expect(v.verdict, JSON.stringify(ids(v))).toBe('allow');
  });

  it('a UniswapX order signed for its reactor reads as an approval to a known contract', async () => {
    const reactor: Address = '0x00000011F84B9aa48e5f8aA8B9897600006289Be';
    const v = await run(at('https://app.uniswap.org', typed(permit2TransferFrom(A.usdc, 1000n * 10n ** 6n, reactor, NOW_S + 600)), 1));
    expect(ids(v)).toContain('approval.known-spender');
    expect(v.findings.find((f) => f.id === 'approval.known-spender')?.detail).toContain('UniswapX V2 Dutch Order Reactor');
  });
});
