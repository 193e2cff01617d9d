// The token-code rules through the whole analysis, on real compiled tokens
// (analysis/ethereum/token-code/testdata): an approval or a swap names the token, the facts read its
// code, and the finding says what the code lets its owner do, at the severity the token deserves.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Address, Hex } from 'viem';
import { analyzeRequest, type ChainReader } from '../index';
import { A, call, cowOrder, MAX, NOW, NOW_S, permit2Single, tx, typed, ur } from '../fixtures/build';
import { compileRuntime, SETTINGS } from '../token-code/testdata/compile';
import type { Finding } from '../../types';
import { TIME_BUDGET } from '../../../common/time-budget';

const opt = SETTINGS.find((s) => s.id === 'opt200')!;
const code: Record<string, Hex> = {};
beforeAll(() => {
  code.fixed = compileRuntime('FixedSupply.sol', 'FixedSupply', opt).runtime;
  code.mint = compileRuntime('OwnerMint.sol', 'OwnerMint', opt).runtime;
  code.trap = compileRuntime('TaxBlacklist.sol', 'TaxBlacklist', opt).runtime;
  code.paused = compileRuntime('OzPausable.sol', 'OzPausable', opt).runtime;
}, 120_000);

const origin = { origin: 'https://app.example' };
const input = (request: { method: string; params: unknown[] }) => ({ request, origin, chainId: 1, from: A.user });
const tokenFindings = (findings: Finding[]) => findings.filter((f) => f.id.startsWith('token.'));

/** A node that knows the given code (others are plain accounts) and storage, and names every token TOK. */
function reader(codes: Record<string, Hex | Error>, storage: Record<string, Hex> = {}, owners: Record<string, Address> = {}): ChainReader & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    getOwner: async (a: Address) => owners[a.toLowerCase()],
    getStorageAt: async (a: Address, slot: Hex) => storage[`${a.toLowerCase()}:${slot}`] ?? `0x${'0'.repeat(64)}`,
    getCode: async (a: Address) => {
      asked.push(a.toLowerCase());
      const c = codes[a.toLowerCase()];
      if (c instanceof Error) throw c;
      return c ?? '0x';
    },
    getTransactionCount: async () => 5,
    getTokenInfo: async () => ({ symbol: 'TOK', decimals: 18 }),
    balanceOf: async () => 0n,
    getChainId: async () => 1,
  };
}

const lower = (a: string) => a.toLowerCase();

describe('token-code rules on an approval', () => {
  it('an unknown token with an owner mint: the finding says so (info: mints are common in honest tokens)', async () => {
    const v = await analyzeRequest(input(tx(A.trapToken, call.approve(A.unknownContract, 100n))), { code: { [A.trapToken]: code.mint!, [A.unknownContract]: code.fixed! }, now: NOW });
    const [f] = tokenFindings(v.findings);
    expect(f).toMatchObject({ id: 'token.owner-powers', severity: 'info', evidence: { powers: [{ kind: 'mint', functions: ['mint(address,uint256)'] }], hasOwner: true, ownerRenounced: 'unknown' } });
    expect(f!.title).toBe('The owner of token 0x7A9F…0917 can create new tokens at will');
  });

  it('an unknown token with a trading switch and a blacklist warns: its owner can stop you from selling', async () => {
    const v = await analyzeRequest(input(tx(A.trapToken, call.approve(A.permit2, MAX))), { code: { [A.trapToken]: code.trap! }, now: NOW });
    const found = tokenFindings(v.findings);
    expect(found.map((f) => [f.id, f.severity])).toEqual([['token.sell-blocking', 'warn']]);
    expect(found[0]!.title).toBe('The owner of token 0x7A9F…0917 can stop you from selling');
    expect(found[0]!.detail).toContain('openTrading()');
    expect(found[0]!.detail).toContain('setBlacklist(address,bool)');
    expect(found[0]!.detail).toContain('setSellFee(uint256)');
    expect(v.verdict).toBe('warn');
  });

  it('a well-known token (USDC) with pause and mint in its code: one info line, never a warning', async () => {
    const v = await analyzeRequest(input(tx(A.usdc, call.approve(A.permit2, MAX))), { code: { [A.usdc]: code.paused! }, now: NOW });
    const found = tokenFindings(v.findings);
    expect(found.map((f) => [f.id, f.severity])).toEqual([['token.known-token-powers', 'info']]);
    expect(v.verdict).toBe('allow');
  });

  it('a fixed-supply token without an owner: nothing is said', async () => {
    const v = await analyzeRequest(input(tx(A.trapToken, call.approve(A.permit2, MAX))), { code: { [A.trapToken]: code.fixed! }, now: NOW });
    expect(tokenFindings(v.findings)).toEqual([]);
  });

  it('a Permit2 signature for an unknown token: the token\'s code is read from the node', async () => {
    const node = reader({ [lower(A.trapToken)]: code.trap!, [lower(A.permit2)]: '0x6001' });
    const v = await analyzeRequest(input(typed(permit2Single(A.trapToken, 10n ** 18n, A.unknownContract, NOW_S + 3600, NOW_S + 600))), { chain: node, now: NOW });
    expect(node.asked).toContain(lower(A.trapToken));
    expect(tokenFindings(v.findings).map((f) => f.id)).toEqual(['token.sell-blocking']);
    expect(tokenFindings(v.findings)[0]!.title).toBe('The owner of TOK can stop you from selling');
  });

  it('an NFT collection approved for all: its mint is not a holder\'s risk and is not said', async () => {
    const v = await analyzeRequest(input(tx(A.trapToken, call.setApprovalForAll(A.unknownContract, true))), { code: { [A.trapToken]: code.paused!, [A.unknownContract]: code.fixed! }, now: NOW });
    const found = tokenFindings(v.findings);
    expect(found.map((f) => f.id)).toEqual(['token.owner-powers']);
    expect(found[0]!.evidence).toMatchObject({ powers: [{ kind: 'pause' }] });
  });
});

describe('token-code rules and the owner read on chain', () => {
  const permit = () => input(typed(permit2Single(A.trapToken, 1n, A.unknownContract, NOW_S + 3600, NOW_S + 600)));

  it('a renounced owner (owner() is zero) is said, and the warning stays: other admins may remain', async () => {
    const node = reader({ [lower(A.trapToken)]: code.trap! }, {}, { [lower(A.trapToken)]: '0x0000000000000000000000000000000000000000' });
    const [f] = tokenFindings((await analyzeRequest(permit(), { chain: node, now: NOW })).findings);
    expect(f).toMatchObject({ id: 'token.sell-blocking', severity: 'warn', evidence: { ownerRenounced: true } });
    expect(f!.detail).toContain('ownership was given up');
  });

  it('an owner that holds the token: its address is in the evidence', async () => {
    const node = reader({ [lower(A.trapToken)]: code.trap! }, {}, { [lower(A.trapToken)]: A.attacker });
    const [f] = tokenFindings((await analyzeRequest(permit(), { chain: node, now: NOW })).findings);
    expect(f).toMatchObject({ evidence: { ownerRenounced: false, owner: A.attacker } });
  });

  it('no owner() answer: unknown, said as not read', async () => {
    const node = reader({ [lower(A.trapToken)]: code.trap! });
    const [f] = tokenFindings((await analyzeRequest(permit(), { chain: node, now: NOW })).findings);
    expect(f).toMatchObject({ evidence: { ownerRenounced: 'unknown' } });
    expect(f!.detail).toContain('was not read');
  });
});

describe('token-code rules on a proxy token', () => {
  const slot = '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc';
  // A small forwarder that delegatecalls the address in the EIP-1967 slot (what context/proxy.ts recognises).
  const forwarder = `0x363d3d37363d7f${slot.slice(2)}545af43d82803e903d91603857fd5bf3` as Hex;
  const impl = '0x00000000000000000000000000000000001e7e11';

  it('an unknown upgradeable proxy: the code it runs is read too, and both its own and its implementation\'s powers are said', async () => {
    const node = reader({ [lower(A.trapToken)]: forwarder, [impl]: code.trap! }, { [`${lower(A.trapToken)}:${slot}`]: `0x${impl.slice(2).padStart(64, '0')}` });
    const v = await analyzeRequest(input(typed(permit2Single(A.trapToken, 1n, A.unknownContract, NOW_S + 3600, NOW_S + 600))), { chain: node, now: NOW });
    const [f] = tokenFindings(v.findings);
    expect(f).toMatchObject({ id: 'token.sell-blocking', evidence: { proxy: 'eip1967', implementation: impl } });
    expect(f!.title).toBe("The owner of TOK can stop you from selling and replace the token's code");
    expect(f!.detail).toContain('openTrading()');
    expect(f!.detail).toContain('proxy (eip1967)');
  });

  it('a node that never answers for the slot: the lookup gives up within its budget, and the proxy alone is judged', async () => {
    const node = { ...reader({ [lower(A.trapToken)]: forwarder }), getStorageAt: () => new Promise<Hex | undefined>(() => {}) };
    const started = Date.now();
    const v = await analyzeRequest(input(typed(permit2Single(A.trapToken, 1n, A.unknownContract, NOW_S + 3600, NOW_S + 600))), { chain: node, now: NOW });
    expect(Date.now() - started).toBeLessThan(TIME_BUDGET.proxyLookupMs + 1_000);
    expect(tokenFindings(v.findings)[0]!.detail).toContain('the code it runs was not read');
  });

  it('a well-known proxy token (USDC): the code behind it is not looked up, so its approvals wait for no extra round trip', async () => {
    const slotReads: string[] = [];
    const node = { ...reader({ [lower(A.usdc)]: forwarder, [impl]: code.trap! }), getStorageAt: async (a: Address) => (slotReads.push(lower(a)), `0x${impl.slice(2).padStart(64, '0')}` as Hex) };
    const v = await analyzeRequest(input(typed(permit2Single(A.usdc, 1n, A.unknownContract, NOW_S + 3600, NOW_S + 600))), { chain: node, now: NOW });
    expect(slotReads).toEqual([]);
    expect(node.asked).not.toContain(impl);
    expect(tokenFindings(v.findings).map((f) => [f.id, f.severity])).toEqual([['token.known-token-powers', 'info']]);
  });

  it('an implementation that cannot be read: the proxy alone is judged (upgradeable)', async () => {
    const node = reader({ [lower(A.trapToken)]: forwarder });
    const v = await analyzeRequest(input(typed(permit2Single(A.trapToken, 1n, A.unknownContract, NOW_S + 3600, NOW_S + 600))), { chain: node, now: NOW });
    const [f] = tokenFindings(v.findings);
    expect(f).toMatchObject({ id: 'token.sell-blocking', evidence: { powers: [{ kind: 'upgradeable', functions: ['proxy (eip1967)'] }] } });
    expect(f!.detail).toContain('the code it runs was not read');
  });
});

describe('token-code rules on a swap that buys a token', () => {
  it('Uniswap V2: the last token of the path is read and judged', async () => {
    const node = reader({ [lower(A.trapToken)]: code.trap!, [lower(A.v2Router)]: '0x6001' });
    const v = await analyzeRequest(input(tx(A.v2Router, call.v2SwapExactETHForTokens(1n, [A.weth, A.trapToken], A.user, BigInt(NOW_S + 600)), 10n ** 17n)), { chain: node, now: NOW });
    expect(node.asked).toContain(lower(A.trapToken));
    const [f] = tokenFindings(v.findings);
    expect(f).toMatchObject({ id: 'token.sell-blocking', evidence: { how: 'buy' } });
    expect(f!.detail).toContain('which you are buying');
  });

  it('Universal Router V3_SWAP_EXACT_IN to the caller (sentinel recipient): the path\'s last token is the one bought', async () => {
    const path = `0x${A.weth.slice(2)}000bb8${A.trapToken.slice(2)}` as Hex;
    const request = tx(A.universalRouter, call.urExecute('0x00', [ur.v3SwapExactIn(ur.MSG_SENDER, 10n ** 17n, 1n, path, true)], BigInt(NOW_S + 600)));
    const v = await analyzeRequest(input(request), { code: { [A.trapToken]: code.mint!, [A.universalRouter]: '0x6001' }, now: NOW });
    expect(tokenFindings(v.findings).map((f) => f.id)).toEqual(['token.owner-powers']);
  });

  it('a CoW order that buys the token: the order\'s bought token is read and judged like a swap\'s', async () => {
    const node = reader({ [lower(A.trapToken)]: code.trap!, [lower(A.cowSettlement)]: '0x6001' });
    const v = await analyzeRequest(input(typed(cowOrder(A.usdc, 10n ** 8n, A.trapToken, 10n ** 20n, NOW_S + 600))), { chain: node, now: NOW });
    expect(tokenFindings(v.findings)).toMatchObject([{ id: 'token.sell-blocking', evidence: { how: 'buy' } }]);
  });

  it('a token whose code cannot be read: no claim, no crash, and no failure of the check is blamed on it', async () => {
    const node = reader({ [lower(A.trapToken)]: new Error('boom'), [lower(A.v2Router)]: '0x6001' });
    const v = await analyzeRequest(input(tx(A.v2Router, call.v2SwapExactETHForTokens(1n, [A.weth, A.trapToken], A.user, BigInt(NOW_S + 600)), 10n ** 17n)), { chain: node, now: NOW });
    expect(tokenFindings(v.findings)).toEqual([]);
    expect(v.findings.map((f) => f.id)).not.toContain('internal.error');
    expect(v.findings.map((f) => f.id)).not.toContain('context.unchecked');
  });
});
