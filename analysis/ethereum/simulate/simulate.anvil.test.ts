// The simulation against a real anvil with the e2e contracts (ERC-20, ERC-721, swap, drainer) and,
// for the fallbacks, a real JSON-RPC proxy in front of anvil that refuses chosen methods. Nothing here
// is mocked.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, createWalletClient, encodeFunctionData, getAddress, http, maxUint256, parseAbi, type Address, type Hex } from 'viem';
import { foundry } from 'viem/chains';
import { startAnvil, DEV_ACCOUNT, CHAIN_ID, type Anvil } from '../../../e2e/fixtures/anvil';
import { deployContracts, NFT_PRICE, type Deployed } from '../../../e2e/fixtures/contracts';
import { createRpcChainReader } from '../context/chain-reader';
import { analyzeRequest } from '../index';
import { createRpcSimulator, joinSimulation, simulateRequest, type SimulationOutcome } from './index';
import type { AssetChange, SimulationResult } from './types';

const ERC20 = parseAbi(['function approve(address,uint256) returns (bool)', 'function balanceOf(address) view returns (uint256)', 'function transfer(address,uint256) returns (bool)']);
const NFT = parseAbi(['function mint() payable returns (uint256)', 'function setApprovalForAll(address,bool)', 'function totalSupply() view returns (uint256)']);
const SWAP = parseAbi(['function swapForEth(uint256,uint256) returns (uint256)', 'function swapForToken(uint256,uint256) returns (uint256)']);
const DRAINER = parseAbi(['function claim() payable']);
const E18 = 10n ** 18n;
const ORIGIN = { origin: 'https://dapp.example' };

let anvil: Anvil;
let c: Deployed;
let signer: Address;
const proxies: Server[] = [];

const chain = () => ({ ...foundry, rpcUrls: { default: { http: [anvil.url] } } });

async function send(to: Address, data: Hex, value = 0n, from: Address = DEV_ACCOUNT): Promise<void> {
  const wallet = createWalletClient({ chain: chain(), transport: http(anvil.url), account: from });
  const client = createPublicClient({ chain: chain(), transport: http(anvil.url) });
  await client.waitForTransactionReceipt({ hash: await wallet.sendTransaction({ to, data, value }) });
}

/** A JSON-RPC proxy to anvil that answers `refuse`d methods with "method not found", after `delayMs`. */
async function proxy(refuse: string[], delayMs = 0): Promise<string> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', async () => {
      const parsed = JSON.parse(body) as { id: number; method: string } | { id: number; method: string }[];
      const one = async (m: { id: number; method: string }) => {
        if (refuse.includes(m.method)) return { jsonrpc: '2.0', id: m.id, error: { code: -32601, message: `the method ${m.method} does not exist/is not available` } };
        const r = await fetch(anvil.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(m) });
        return r.json();
      };
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      const answer = Array.isArray(parsed) ? await Promise.all(parsed.map(one)) : await one(parsed);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxies.push(server);
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

const tx = (to: Address, data: Hex, value = 0n) => ({ method: 'eth_sendTransaction', params: [{ from: signer, to, data, value: `0x${value.toString(16)}` }] });
const mine = (r: SimulationResult) => r.changes.filter((x) => x.party.toLowerCase() === signer.toLowerCase());
const of = (changes: AssetChange[], party: Address) => changes.filter((x) => x.party.toLowerCase() === party.toLowerCase()).map((x) => x.display).sort();

beforeAll(async () => {
  anvil = await startAnvil();
  const raw = await deployContracts(anvil.url);
  c = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, getAddress(v)])) as unknown as Deployed;
  signer = DEV_ACCOUNT;
  // The victim approved the drainer earlier (the phishing step) and owns one NFT.
  await send(c.token, encodeFunctionData({ abi: ERC20, functionName: 'approve', args: [c.drainer, maxUint256] }));
  await send(c.nft, encodeFunctionData({ abi: NFT, functionName: 'setApprovalForAll', args: [c.drainer, true] }));
  await send(c.nft, encodeFunctionData({ abi: NFT, functionName: 'mint' }), NFT_PRICE);
  await send(c.token, encodeFunctionData({ abi: ERC20, functionName: 'approve', args: [c.swap, maxUint256] }));
}, 60_000);

afterAll(async () => {
  for (const p of proxies) p.close();
  await anvil?.stop();
});

describe('createRpcSimulator with eth_simulateV1 (anvil)', () => {
  it('a swap: the signer gives 100 TST and gets 0.1 ETH; the swap contract the reverse', async () => {
    const sim = createRpcSimulator(anvil.url);
    const r = await sim.simulate({ from: signer, chainId: CHAIN_ID, calls: [{ to: c.swap, value: 0n, data: encodeFunctionData({ abi: SWAP, functionName: 'swapForEth', args: [100n * E18, 0n] }) }] });
    expect(r).toMatchObject({ outcome: 'success', via: 'eth_simulateV1', when: 'now' });
    expect(of(r.changes, signer)).toEqual(['+0.1 ETH', '-100 TST']);
    expect(of(r.changes, c.swap)).toEqual(['+100 TST', '-0.1 ETH']);
    expect(mine(r).find((x) => x.asset.kind === 'erc20')).toMatchObject({ asset: { symbol: 'TST', decimals: 18, token: c.token }, amount: (-100n * E18).toString() });
    expect(r.parties[c.swap]).toBe('contract');
  });

  it('a wallet_sendCalls batch runs in sequence: approve, then a swap that relies on it', async () => {
    const request = {
      method: 'wallet_sendCalls',
      params: [{ version: '2.0.0', from: signer, chainId: `0x${CHAIN_ID.toString(16)}`, calls: [
        { to: c.tokenB, data: encodeFunctionData({ abi: ERC20, functionName: 'approve', args: [c.swap, 0n] }) },
        { to: c.swap, data: encodeFunctionData({ abi: SWAP, functionName: 'swapForToken', args: [50n * E18, 0n] }) },
      ] }],
    };
    const v = await analyzeRequest({ request, origin: ORIGIN, chainId: CHAIN_ID, from: signer }, { chain: createRpcChainReader(anvil.url), simulation: { simulator: createRpcSimulator(anvil.url) } });
    const r = v.assetChanges!.result!;
    expect(v.assetChanges!.state).toBe('complete');
    expect(of(r.changes, signer)).toEqual(['+100 OTH', '-50 TST']);
    expect(r.approvals).toMatchObject([{ token: c.tokenB, spender: c.swap, scope: 'amount', revokes: true, call: 0 }]);
    expect(v.findings.filter((f) => f.id.startsWith('simulation.'))).toEqual([]);
  });

  it('a mint: the signer pays 0.01 ETH to the collection and gets the next item', async () => {
    const next = (await createPublicClient({ transport: http(anvil.url) }).readContract({ address: c.nft, abi: NFT, functionName: 'totalSupply' })) + 1n;
    const v = await analyzeRequest(
      { request: tx(c.nft, encodeFunctionData({ abi: NFT, functionName: 'mint' }), NFT_PRICE), origin: ORIGIN, chainId: CHAIN_ID, from: signer },
      { chain: createRpcChainReader(anvil.url), simulation: { simulator: createRpcSimulator(anvil.url) } },
    );
    const r = v.assetChanges!.result!;
    expect(of(r.changes, signer)).toEqual(['+TNFT #' + next, '-0.01 ETH']);
    expect(of(r.changes, c.nft)).toEqual(['+0.01 ETH']);
    expect(v.findings.filter((f) => f.id.startsWith('simulation.'))).toEqual([]);
  });

  it('a drain: claim() moves the signer’s ETH, tokens and NFT to the attacker, and is blocked for it', async () => {
    const reader = createRpcChainReader(anvil.url);
    const balance = await reader.balanceOf(c.token, signer);
    const v = await analyzeRequest(
      { request: tx(c.drainer, encodeFunctionData({ abi: DRAINER, functionName: 'claim' }), E18 / 200n), origin: ORIGIN, chainId: CHAIN_ID, from: signer },
      { chain: reader, simulation: { simulator: createRpcSimulator(anvil.url, { reader }) } },
    );
    const r = v.assetChanges!.result!;
    expect(mine(r).every((x) => BigInt(x.amount) < 0n)).toBe(true);
    expect(mine(r).map((x) => x.asset.kind).sort()).toEqual(['erc20', 'erc721', 'native']);
    expect(mine(r).find((x) => x.asset.kind === 'erc20')!.amount).toBe((-balance).toString());
    expect(of(r.changes, c.attacker)).toEqual(expect.arrayContaining(['+0.005 ETH', '+TNFT #1']));
    expect(r.parties[c.attacker]).toBe('eoa');
    const ids = v.findings.map((f) => f.id);
    expect(ids).toContain('simulation.loss-for-nothing');
    expect(ids).toContain('simulation.assets-to-stranger');
    expect(v.verdict).toBe('block');
    expect(v.findings.find((f) => f.id === 'simulation.loss-for-nothing')!.detail).toMatch(/TST.*TNFT #1.*0\.005 ETH|0\.005 ETH.*TNFT #1/);
  });

  it('a revert: says why, decoded', async () => {
    const v = await analyzeRequest(
      { request: tx(c.nft, encodeFunctionData({ abi: NFT, functionName: 'mint' }), 1n), origin: ORIGIN, chainId: CHAIN_ID, from: signer },
      { simulation: { simulator: createRpcSimulator(anvil.url) } },
    );
    expect(v.assetChanges!.result).toMatchObject({ outcome: 'reverted', revert: { call: 0, reason: '"wrong price"' } });
    expect(v.findings.find((f) => f.id === 'simulation.reverted')!.detail).toContain('"wrong price"');
  });

  it('refuses to simulate on an RPC that serves another chain', async () => {
    const r = await createRpcSimulator(anvil.url).simulate({ from: signer, chainId: 1, calls: [{ to: c.nft, value: NFT_PRICE, data: encodeFunctionData({ abi: NFT, functionName: 'mint' }) }] });
    expect(r).toMatchObject({ outcome: 'unavailable', reason: 'the RPC serves chain 31337, the wallet is on chain 1', nodeFailure: 'wrong-chain' });
    expect(r.changes).toEqual([]);
  });
});

describe('a node that fails the simulation of a plain ETH send', () => {
  const FRIEND = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
  const ethSend = { method: 'eth_sendTransaction', params: [{ from: DEV_ACCOUNT, to: FRIEND, value: '0x2386f26fc10000' }] };
  const analyze = (simulatorUrl: string, chainId = CHAIN_ID) =>
    analyzeRequest({ request: ethSend, origin: ORIGIN, chainId, from: DEV_ACCOUNT }, { chain: createRpcChainReader(anvil.url), simulation: { simulator: createRpcSimulator(simulatorUrl, { timeoutMs: 500 }) } });

  it('is allowed when the node simulates it', async () => {
    const v = await analyze(anvil.url);
    expect(v.verdict).toBe('allow');
    expect(v.assetChanges?.state).toBe('complete');
  });

  it('warns when the node does not answer the simulation, though the chain reads answered', async () => {
    const v = await analyze('http://127.0.0.1:9');
    expect(v.verdict).toBe('warn');
    const failed = v.findings.find((f) => f.id === 'simulation.node-failed')!;
    expect(failed).toMatchObject({ severity: 'warn', title: 'What this would move could not be checked' });
    expect(failed.detail).toMatch(/your node did not answer/);
    expect(v.findings.map((f) => f.id)).not.toContain('simulation.unavailable');
  });

  it('a node that cannot simulate (only eth_call) is a known limit, said in a note, not a failure', async () => {
    const url = await proxy(['eth_simulateV1', 'debug_traceCall']);
    const v = await analyze(url);
    expect(v.assetChanges?.result?.nodeFailure).toBeUndefined();
    expect(v.findings.find((f) => f.id === 'simulation.unavailable')?.severity).toBe('info');
    expect(v.findings.map((f) => f.id)).not.toContain('simulation.node-failed');
  });
});

describe('nodes without eth_simulateV1', () => {
  const claim = () => ({ from: signer, chainId: CHAIN_ID, calls: [{ to: c.drainer, value: E18 / 200n, data: encodeFunctionData({ abi: DRAINER, functionName: 'claim' }) }] });

  it('falls back to debug_traceCall and finds the same changes, then goes straight there', async () => {
    const url = await proxy(['eth_simulateV1']);
    const sim = createRpcSimulator(url);
    const direct = await createRpcSimulator(anvil.url).simulate(claim());
    const r = await sim.simulate(claim());
    expect(r.via).toBe('debug_traceCall');
    expect(r.outcome).toBe('success');
    expect(of(r.changes, signer)).toEqual(of(direct.changes, signer));
    expect(of(r.changes, c.attacker)).toEqual(of(direct.changes, c.attacker));
    expect(r.notes.join(' ')).toMatch(/eth_simulateV1 is not offered/);
    expect((await sim.simulate(claim())).via).toBe('debug_traceCall');
  });

  it('with only eth_call: a revert is still reported, a success is "could not simulate" with the reason', async () => {
    const url = await proxy(['eth_simulateV1', 'debug_traceCall']);
    const sim = createRpcSimulator(url);
    const ok = await sim.simulate(claim());
    expect(ok.outcome).toBe('unavailable');
    expect(ok.changes).toEqual([]);
    expect(ok.reason).toMatch(/eth_simulateV1 is not offered.*debug_traceCall is not offered.*would not fail/);
    expect(ok.nodeFailure).toBeUndefined();
    const bad = await sim.simulate({ from: signer, chainId: CHAIN_ID, calls: [{ to: c.nft, value: 1n, data: encodeFunctionData({ abi: NFT, functionName: 'mint' }) }] });
    expect(bad).toMatchObject({ outcome: 'reverted', via: 'eth_call', revert: { reason: '"wrong price"' } });
  });

  it('a batch on a node without eth_simulateV1 is not guessed from its first call', async () => {
    const url = await proxy(['eth_simulateV1']);
    const r = await createRpcSimulator(url).simulate({ ...claim(), calls: [...claim().calls, ...claim().calls] });
    expect(r.outcome).toBe('unavailable');
    expect(r.reason).toMatch(/cannot run several calls in sequence/);
  });

  it('a node that does not answer: unavailable, with the reason', async () => {
    const r = await createRpcSimulator('http://127.0.0.1:9', { timeoutMs: 500 }).simulate(claim());
    expect(r.outcome).toBe('unavailable');
    expect(r.reason).toMatch(/did not answer/);
    expect(r.nodeFailure).toBe('no-answer');
  });
});

describe('deadline and late join', () => {
  it('answers without the simulation at the deadline, then hands over the joined verdict', async () => {
    const url = await proxy([], 400);
    const reader = createRpcChainReader(anvil.url);
    const input = { request: tx(c.drainer, encodeFunctionData({ abi: DRAINER, functionName: 'claim' })), origin: ORIGIN, chainId: CHAIN_ID, from: signer };
    let late: { verdict: { verdict: string; assetChanges?: unknown }; outcome: SimulationOutcome } | undefined;
    const joined = new Promise<void>((resolve) => {
      void analyzeRequest(input, { chain: reader, simulation: { simulator: createRpcSimulator(url, { reader }), deadlineMs: 100, onLate: (u) => ((late = u), resolve()) } }).then((v) => {
        expect(v.assetChanges).toMatchObject({ state: 'late' });
        expect(v.findings.map((f) => f.id)).not.toContain('simulation.loss-for-nothing');
      });
    });
    await joined;
    expect(late!.verdict.verdict).toBe('block');
    expect(late!.outcome.assetChanges.state).toBe('complete');
    expect(late!.outcome.findings.map((f) => f.id)).toContain('simulation.loss-for-nothing');

    // The same result on demand, e.g. after the service worker restarted.
    const again = await simulateRequest(input, { simulator: createRpcSimulator(anvil.url, { reader }), chain: reader });
    expect(again!.findings.map((f) => f.id)).toContain('simulation.loss-for-nothing');
    const v = await analyzeRequest(input, { chain: reader });
    expect(v.assetChanges).toBeUndefined();
    expect(joinSimulation(v, again).verdict).toBe('block');
  });
});
