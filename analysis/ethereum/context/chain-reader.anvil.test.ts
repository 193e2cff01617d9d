// The chain reader and the analysis against a real node: anvil on a free loopback port, a token
// compiled with solc and deployed for real. Nothing here is mocked.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, createWalletClient, encodeFunctionData, http, parseAbi, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { analyzeRequest } from '../index';
import { createRpcChainReader } from './chain-reader';

const require = createRequire(import.meta.url);
// anvil's first default account (public test key).
const deployer = privateKeyToAccount('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80');
const FRIEND = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

const SOURCE = `
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
contract TestToken {
  string public symbol = "TST";
  uint8 public decimals = 6;
  mapping(address => uint256) public balanceOf;
  mapping(address => mapping(address => uint256)) public allowance;
  constructor() { balanceOf[msg.sender] = 1000e6; }
  function approve(address s, uint256 a) external returns (bool) { allowance[msg.sender][s] = a; return true; }
  function supportsInterface(bytes4) external pure returns (bool) { return false; }
}`;

function compile(): { abi: unknown[]; bytecode: Hex } {
  const solc = require('solc') as { compile(input: string): string };
  const out = JSON.parse(
    solc.compile(JSON.stringify({ language: 'Solidity', sources: { 'T.sol': { content: SOURCE } }, settings: { outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } } } })),
  );
  const c = out.contracts['T.sol'].TestToken;
  return { abi: c.abi, bytecode: `0x${c.evm.bytecode.object}` };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function startAnvil(port: number): Promise<ChildProcess> {
  const child = spawn('node_modules/.bin/anvil', ['--host', '127.0.0.1', '--port', String(port), '--chain-id', '1', '--silent'], { stdio: 'ignore' });
  const client = createPublicClient({ transport: http(`http://127.0.0.1:${port}`, { retryCount: 0 }) });
  for (let i = 0; i < 100; i++) {
    try {
      await client.getChainId();
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill();
  throw new Error('anvil did not start');
}

let anvil: ChildProcess | undefined;
let url = '';
let token: Address;
let secondContract: Address;

beforeAll(async () => {
  const port = await freePort();
  anvil = await startAnvil(port);
  url = `http://127.0.0.1:${port}`;
  const { abi, bytecode } = compile();
  const wallet = createWalletClient({ account: deployer, transport: http(url), chain: undefined });
  const client = createPublicClient({ transport: http(url) });
  const deploy = async () => {
    const hash = await wallet.deployContract({ abi, bytecode, chain: null });
    return (await client.waitForTransactionReceipt({ hash })).contractAddress!;
  };
  token = await deploy();
  secondContract = await deploy();
}, 60_000);

afterAll(() => {
  anvil?.kill();
});

const approve = (spender: Address, amount: bigint) => ({
  request: { method: 'eth_sendTransaction', params: [{ from: deployer.address, to: token, data: encodeFunctionData({ abi: parseAbi(['function approve(address,uint256)']), functionName: 'approve', args: [spender, amount] }) }] },
  origin: { origin: 'https://dapp.example' },
  chainId: 1,
  from: deployer.address,
});

describe('createRpcChainReader against anvil', () => {
  it('reads code, nonce, token metadata and balances', async () => {
    const reader = createRpcChainReader(url);
    expect((await reader.getCode(token)).length).toBeGreaterThan(100);
    expect(await reader.getCode(FRIEND)).toBe('0x');
    expect(await reader.getTransactionCount(deployer.address)).toBeGreaterThanOrEqual(2);
    expect(await reader.getTransactionCount(FRIEND)).toBe(0);
    expect(await reader.getTokenInfo(token)).toEqual({ symbol: 'TST', decimals: 6, isErc721: false });
    expect(await reader.balanceOf(token, deployer.address)).toBe(1000_000_000n);
    expect(await reader.getChainId!()).toBe(1);
  });

  it('answers repeated reads from its cache', async () => {
    const port = await freePort();
    const own = await startAnvil(port);
    const reader = createRpcChainReader(`http://127.0.0.1:${port}`, { timeoutMs: 500 });
    expect(await reader.getTransactionCount(FRIEND)).toBe(0);
    own.kill();
    await new Promise((r) => setTimeout(r, 200));
    expect(await reader.getTransactionCount(FRIEND)).toBe(0); // cached
    await expect(reader.getCode(FRIEND)).rejects.toThrow();
  });
});

describe('analyzeRequest with a live chain', () => {
  it('blocks an approval to a plain account, known to be one from the chain', async () => {
    const v = await analyzeRequest(approve(FRIEND, 5n), { chain: createRpcChainReader(url) });
    expect(v.verdict).toBe('block');
    expect(v.findings.map((f) => f.id)).toContain('approval.to-plain-account');
  });

  it('names the token and flags an approval larger than the balance to an unknown contract', async () => {
    const v = await analyzeRequest(approve(secondContract, 5_000_000_000n), { chain: createRpcChainReader(url) });
    expect(v.verdict).toBe('warn');
    const ids = v.findings.map((f) => f.id);
    expect(ids).toContain('approval.exceeds-balance');
    expect(ids).toContain('approval.unknown-spender-broad');
    expect(v.summary).toContain('5000 TST');
  });

  it('allows a small approval to a deployed contract', async () => {
    const v = await analyzeRequest(approve(secondContract, 1_000_000n), { chain: createRpcChainReader(url) });
    expect(v.verdict).toBe('allow');
    expect(v.summary).toContain('1 TST');
  });

  it('treats an EIP-7702 delegated account as a plain account', async () => {
    const delegated = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
    const client = createPublicClient({ transport: http(url) });
    await client.request({ method: 'anvil_setCode' as never, params: [delegated, `0xef0100${secondContract.slice(2)}`] as never });
    const v = await analyzeRequest(approve(delegated, 5n), { chain: createRpcChainReader(url) });
    expect(v.findings.map((f) => f.id)).toContain('approval.to-plain-account');
  });

  it('says so when the RPC does not answer, and does not allow an approval it could not check', async () => {
    const port = await freePort(); // nobody listens there
    const v = await analyzeRequest(approve(secondContract, 1_000_000n), { chain: createRpcChainReader(`http://127.0.0.1:${port}`, { timeoutMs: 300 }), timeoutMs: 300 });
    expect(v.findings.map((f) => f.id)).toContain('context.unchecked');
    expect(v.verdict).toBe('warn');
  });

  it('ignores an RPC that serves another chain, and warns that nothing was checked on chain', async () => {
    const v = await analyzeRequest({ ...approve(FRIEND, 5n), chainId: 10 }, { chain: createRpcChainReader(url) });
    const unchecked = v.findings.find((f) => f.id === 'context.unchecked');
    expect(unchecked).toMatchObject({ severity: 'warn', evidence: { served: 1, expected: 10 } });
    expect(unchecked!.title).toMatch(/another network/);
    // Its answer that FRIEND is a plain account was not used: the rule that needs it stays silent.
    expect(v.findings.map((f) => f.id)).not.toContain('approval.to-plain-account');
  });
});

describe('a plain ETH send, which passes unseen when the chain answers', () => {
  const send = (chainId = 1) => ({
    request: { method: 'eth_sendTransaction', params: [{ from: deployer.address, to: FRIEND, value: '0x2386f26fc10000' }] },
    origin: { origin: 'https://dapp.example' },
    chainId,
    from: deployer.address,
  });

  it('is allowed with nothing to warn about when the node answers', async () => {
    const v = await analyzeRequest(send(), { chain: createRpcChainReader(url) });
    expect(v.verdict).toBe('allow');
    expect(v.findings.map((f) => f.id)).not.toContain('context.unchecked');
  });

  it('warns when the node is down, in plain words, with the reads that went unanswered in its evidence', async () => {
    const down = `http://127.0.0.1:${await freePort()}`;
    const v = await analyzeRequest(send(), { chain: createRpcChainReader(down, { timeoutMs: 300 }), timeoutMs: 300 });
    expect(v.verdict).toBe('warn');
    const unchecked = v.findings.find((f) => f.id === 'context.unchecked')!;
    expect(unchecked.title).toMatch(/did not answer/);
    expect(unchecked.detail).toMatch(/reads? got no answer in time/);
    expect(unchecked.detail).not.toContain('0x');
    expect(unchecked.evidence?.unanswered).toEqual(expect.arrayContaining([expect.stringContaining(`code at ${FRIEND.toLowerCase()}`)]));
    // One finding says it: the info-level list of unknowns is not repeated beside it.
    expect(v.findings.map((f) => f.id)).not.toContain('context.unavailable');
  });

  it('warns when the node serves another chain than the wallet', async () => {
    const v = await analyzeRequest(send(10), { chain: createRpcChainReader(url) });
    expect(v.verdict).toBe('warn');
    expect(v.findings.find((f) => f.id === 'context.unchecked')?.detail).toMatch(/chain 10 .* serves chain 1/);
  });

  it('a message that needs nothing from the chain is not held up by a node that is down', async () => {
    const down = `http://127.0.0.1:${await freePort()}`;
    const login = { ...send(), request: { method: 'personal_sign', params: ['0x68656c6c6f', deployer.address] } };
    const v = await analyzeRequest(login, { chain: createRpcChainReader(down, { timeoutMs: 300 }), timeoutMs: 300 });
    expect(v.verdict).toBe('allow');
    expect(v.findings.map((f) => f.id)).not.toContain('context.unchecked');
  });

  it('a read the node answers with an error is an answer, not a failing node', async () => {
    // FRIEND holds no code, so its balanceOf and token details come back empty or as errors from the node.
    const transfer = encodeFunctionData({ abi: parseAbi(['function transfer(address,uint256)']), functionName: 'transfer', args: [secondContract, 5n] });
    const v = await analyzeRequest({ ...send(), request: { method: 'eth_sendTransaction', params: [{ from: deployer.address, to: FRIEND, data: transfer }] } }, { chain: createRpcChainReader(url) });
    expect(v.findings.map((f) => f.id)).toContain('context.unavailable');
    expect(v.findings.map((f) => f.id)).not.toContain('context.unchecked');
  });
});
