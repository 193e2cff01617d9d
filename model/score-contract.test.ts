// The analysis with the real ONNX model behind its seam (onnxruntime-web in wasm, as in the worker): the
// model raises a drainer to `warn` with its reasons, leaves every benign fixture's verdict as it was, never
// lowers a malicious one, looks behind a minimal proxy, and cannot hold the verdict past its budget.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { encodeFunctionData, parseAbi, type Address, type Hex } from 'viem';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryHistory } from '../analysis/ethereum/context/history';
import { A, NOW, tx } from '../analysis/ethereum/fixtures/build';
import { benign, malicious, type Fixture } from '../analysis/ethereum/fixtures/requests';
import { analyzeRequest, type AnalysisDeps } from '../analysis/ethereum/index';
import { createContractScorer, type ContractScorer } from './inference';
import { compileAll } from './train/compile';
import { createScoreContract, drivenBy, missingIfFailed, type CodeSource } from './score-contract';
import { FAKE_AIRDROP_SOURCE } from './testdata/fake-airdrop';

const require = createRequire(import.meta.url);
const CLAIM = '0x4e71d92d'; // Claim()
const IMPLEMENTATION = '0x00000000000000000000000000000000000ab1e5' as Address;
const clone = (impl: Address): Hex => `0x363d3d373d3d3d363d73${impl.slice(2)}5af43d82803e903d91602b57fd5bf3`;

let scorer: ContractScorer;
let drainer: Hex;

beforeAll(async () => {
  scorer = await createContractScorer({
    modelBytes: readFileSync(require.resolve('./contract-model.onnx')),
    wasmBinary: readFileSync(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm')),
  });
  drainer = compileAll('Airdrop.sol', FAKE_AIRDROP_SOURCE, '/tmp/tx-firewall-solc-test-cache.json')[1]!.bytecode as Hex;
}, 60_000);

function deps(code: Record<string, string> | undefined, source: CodeSource = {}): AnalysisDeps {
  return { code, now: NOW, scoreContract: createScoreContract(() => Promise.resolve(scorer), source) };
}

const run = (f: Fixture) => analyzeRequest(f.input, { ...deps(f.code), history: f.history ? createMemoryHistory(f.history) : undefined });

describe('with the model', () => {
  it.each(benign.map((f) => [f.name, f] as const))('benign, verdict unchanged: %s', async (_name, f) => {
    const v = await run(f);
    expect(v.verdict, JSON.stringify(v.findings.map((x) => `${x.severity}:${x.id}`))).toBe(f.expect);
  });

  it.each(malicious.map((f) => [f.name, f] as const))('malicious, never lowered: %s', async (_name, f) => {
    const v = await run(f);
    const rank = { allow: 0, warn: 1, block: 2 } as const;
    expect(rank[v.verdict]).toBeGreaterThanOrEqual(rank[f.expect]);
  });

  it('flags a drainer with a warn finding that carries the model\'s reasons in words', async () => {
    const v = await analyzeRequest({ request: tx(A.drainerContract, CLAIM, 10n ** 16n), origin: { origin: 'https://claim.example' }, chainId: 1, from: A.user }, deps({ [A.drainerContract]: drainer }));
    const finding = v.findings.find((f) => f.id === 'model.flagged');
    expect(finding?.severity).toBe('warn');
    expect(finding?.detail).toMatch(/What weighed most: .{20,}/);
    expect(finding?.title).not.toMatch(/\d\s*%/);
    expect(finding?.evidence).toMatchObject({ level: 'high', drivenBy: expect.stringMatching(/^(contract|request|both)$/) });
    expect((finding?.evidence?.reasons as string[]).length).toBeGreaterThanOrEqual(2);
    expect(v.score).toBeGreaterThanOrEqual(finding?.evidence?.threshold as number);
  });

  // The model before issue 18 scored these (a transfer and a revoke on OpenZeppelin's ERC-721 artifacts)
  // 0.96–0.998, reading the revoke as a grant and the NFT id as an unlimited amount. The rebuilt one
  // scores them low, and the verdict would stay `allow` even if it did not.
  it('scores an NFT transfer and a revoke on code other projects compiled as low, and allows them', async () => {
    const abi = parseAbi(['function transferFrom(address,address,uint256)', 'function setApprovalForAll(address,bool)']);
    const target = '0x9A676e781A523b5d0C0e43731313A708CB607508' as Address;
    const calls = [encodeFunctionData({ abi, functionName: 'transferFrom', args: [A.user, A.friend, 3606393n] }), encodeFunctionData({ abi, functionName: 'setApprovalForAll', args: [A.friend, false] })];
    let aboveThreshold = 0;
    for (const artifact of ['@openzeppelin/contracts-v4/build/contracts/ERC721.json', 'openzeppelin-solidity/build/contracts/ERC721Mintable.json']) {
      const code = (JSON.parse(readFileSync(require.resolve(artifact), 'utf8')) as { deployedBytecode: Hex }).deployedBytecode;
      for (const data of calls) {
        const v = await analyzeRequest({ request: { method: 'eth_sendTransaction', params: [{ from: A.user, to: target, data }] }, origin: { origin: 'https://app.example' }, chainId: 1, from: A.user }, deps({ [target]: code, [A.friend]: '0x' }));
        const score = v.findings.find((f) => f.id === 'model.score');
        if ((score?.evidence?.score as number) >= (score?.evidence?.threshold as number)) aboveThreshold++;
        expect(v.verdict, JSON.stringify(v.findings.map((x) => `${x.severity}:${x.id}`))).toBe('allow');
      }
    }
    expect(aboveThreshold).toBe(0);
  });

  it('reads the code behind an EIP-1167 clone and scores that', async () => {
    const asked: string[] = [];
    const source: CodeSource = { getCode: async (a) => (asked.push(a.toLowerCase()), a.toLowerCase() === IMPLEMENTATION ? drainer : '0x') };
    const request = tx(A.drainerContract, CLAIM, 10n ** 16n);
    const v = await analyzeRequest({ request, origin: { origin: 'https://claim.example' }, chainId: 1, from: A.user }, deps({ [A.drainerContract]: clone(IMPLEMENTATION) }, source));
    expect(asked).toContain(IMPLEMENTATION);
    const blind = await analyzeRequest({ request, origin: { origin: 'https://claim.example' }, chainId: 1, from: A.user }, deps({ [A.drainerContract]: clone(IMPLEMENTATION) }));
    expect(v.score).not.toBe(blind.score);
  });

  it('a model that never answers costs the budget, not the verdict', async () => {
    const started = Date.now();
    const v = await analyzeRequest(
      { request: tx(A.drainerContract, CLAIM, 10n ** 16n), origin: { origin: 'https://claim.example' }, chainId: 1, from: A.user },
      { code: { [A.drainerContract]: drainer }, now: NOW, scoreContract: () => new Promise(() => {}) },
    );
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(v.findings.map((f) => f.id)).toContain('model.unavailable');
    expect(v.verdict).not.toBe('allow');
  });
});

describe('without a working model', () => {
  // WETH's deposit(): a contract call the rules find nothing wrong with, so the model's score is what is missing.
  const DEPOSIT = '0xd0e30db0';
  const weth = () => (JSON.parse(readFileSync(require.resolve('canonical-weth/build/contracts/WETH9.json'), 'utf8')) as { deployedBytecode: Hex }).deployedBytecode;
  const deposit = { request: tx(A.weth, DEPOSIT, 10n ** 16n), origin: { origin: 'https://app.example' }, chainId: 1, from: A.user };
  const wasmBinary = () => readFileSync(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm'));
  const judge = (getScorer: () => Promise<ContractScorer>) => analyzeRequest(deposit, { code: { [A.weth]: weth() }, now: NOW, scoreContract: createScoreContract(getScorer) });

  it('with the real model the call is scored and allowed', async () => {
    const v = await judge(() => Promise.resolve(scorer));
    expect(v.verdict).toBe('allow');
    expect(v.findings.map((f) => f.id)).toContain('model.score');
  });

  it('a damaged model file: onnxruntime refuses it, and the call is no longer passed unseen', async () => {
    const damaged = () => missingIfFailed(createContractScorer({ modelBytes: new TextEncoder().encode('this is not an ONNX model'), wasmBinary: wasmBinary() }));
    const v = await judge(damaged);
    expect(v.verdict).toBe('warn');
    const missing = v.findings.find((f) => f.id === 'model.missing')!;
    expect(missing.severity).toBe('warn');
    expect(missing.title).toMatch(/model is not working/);
    expect(v.findings.map((f) => f.id)).not.toContain('model.unavailable');
  });

  it('a model that is only slow stays a note: the rules judged the request', async () => {
    const slow = () => new Promise<ContractScorer>((_, reject) => setTimeout(() => reject(new Error('the model is still loading')), 10));
    const v = await judge(slow);
    expect(v.verdict).toBe('allow');
    expect(v.findings.find((f) => f.id === 'model.unavailable')?.severity).toBe('info');
  });
});

describe('drivenBy: where the reasons that moved the score point', () => {
  const r = (about: 'contract' | 'request', contribution: number) => ({ about, contribution });
  it('the side with two thirds of the weight, else both; nothing when nothing moved it', () => {
    expect(drivenBy([r('request', 2), r('request', 1), r('contract', 1)])).toBe('request');
    expect(drivenBy([r('contract', -3), r('request', -1)])).toBe('contract');
    expect(drivenBy([r('contract', 1), r('request', 1)])).toBe('both');
    expect(drivenBy([])).toBeUndefined();
  });
});
