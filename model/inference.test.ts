// Parity: the shipped ONNX model, run by onnxruntime-web (WebAssembly, as in the extension), gives the
// same probabilities as the training-side TypeScript predictor. Everything runs for real: the model file,
// onnxruntime-web's wasm, solc, and bytecode from installed npm artifacts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeFunctionData, maxUint256, parseAbi } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import modelMeta from './contract-model.meta.json';
import { extractFeatures, type FeatureInput } from './features.ts';
import { createContractScorer, createPredictorScorer, ModelUnavailableError, type ContractScorer } from './inference.ts';
import { predictProbability } from './predictor.ts';
import { compileAll } from './train/compile.ts';
import { modelFromOnnx } from './train/export-onnx.ts';
import { treesFromOnnx } from './onnx-trees.ts';
import { FAKE_AIRDROP_SOURCE } from './testdata/fake-airdrop';

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(HERE, 'inference.test.ts'));
const modelBytes = readFileSync(join(HERE, 'contract-model.onnx'));
const wasmBinary = readFileSync(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm'));
const fixture = JSON.parse(readFileSync(join(HERE, 'parity-fixture.json'), 'utf8')) as {
  version: string;
  vectors: number[][];
  probabilities: number[];
};
const trained = modelFromOnnx(modelBytes, modelMeta.featureNames.length);

function artifactCode(path: string): string {
  const json = JSON.parse(readFileSync(require.resolve(path), 'utf8')) as { deployedBytecode?: string; evm?: { deployedBytecode?: { object?: string } } };
  const hex = json.deployedBytecode ?? json.evm?.deployedBytecode?.object ?? '';
  return hex.startsWith('0x') ? hex : `0x${hex}`;
}

const WETH9 = artifactCode('canonical-weth/build/contracts/WETH9.json');
const ROUTER = artifactCode('@uniswap/v2-periphery/build/UniswapV2Router02.json');
const abi = parseAbi(['function approve(address,uint256)', 'function deposit() payable', 'function Claim() payable', 'function SecurityUpdate() payable']);

let scorer: ContractScorer;
let drainer: string;

beforeAll(async () => {
  scorer = await createContractScorer({ modelBytes, wasmBinary });
  drainer = compileAll('Airdrop.sol', FAKE_AIRDROP_SOURCE, '/tmp/tx-firewall-solc-test-cache.json')[1]!.bytecode;
});

afterAll(async () => {
  await scorer.release();
});

describe('ONNX parity with the training-side predictor', () => {
  it('reproduces the probabilities the trainer computed for held-out rows (1e-5)', async () => {
    const vectors = fixture.vectors.map((v) => Float32Array.from(v));
    const got = await scorer.scoreVectors(vectors);
    expect(got.length).toBe(fixture.probabilities.length);
    fixture.probabilities.forEach((p, i) => expect(Math.abs(got[i]! - p)).toBeLessThan(1e-5));
  });

  it('carries the trained trees: the predictor on the decoded file gives the fixture probabilities', () => {
    expect(modelMeta.version).toBe(fixture.version);
    fixture.vectors.forEach((v, i) => expect(Math.abs(predictProbability(trained, Float32Array.from(v)) - fixture.probabilities[i]!)).toBeLessThan(1e-6));
  });

  it('agrees on fresh requests built from real artifacts and a freshly compiled drainer (1e-5)', async () => {
    const inputs: FeatureInput[] = [
      { bytecode: WETH9, calldata: encodeFunctionData({ abi, functionName: 'approve', args: ['0x1111111111111111111111111111111111111111', maxUint256] }), value: 0 },
      { bytecode: WETH9, calldata: encodeFunctionData({ abi, functionName: 'deposit' }), value: 10n ** 18n },
      { bytecode: ROUTER, calldata: '0x', value: 0 },
      { bytecode: drainer, calldata: encodeFunctionData({ abi, functionName: 'Claim' }), value: 3n * 10n ** 16n },
      { bytecode: '0x', calldata: '0x', value: 5n * 10n ** 17n },
      { bytecode: `0x363d3d373d3d3d363d73${'ab'.repeat(20)}5af43d82803e903d91602b57fd5bf3`, implementationBytecode: drainer, calldata: '0x', value: 0 },
    ];
    const vectors = inputs.map((i) => extractFeatures(i));
    const got = await scorer.scoreVectors(vectors);
    vectors.forEach((v, i) => expect(Math.abs(got[i]! - predictProbability(trained, v))).toBeLessThan(1e-5));
  });
});

describe('scores and reasons', () => {
  it('flags a payable Claim() to a fresh drainer and says why in words', async () => {
    const result = await scorer.score({
      bytecode: drainer,
      calldata: encodeFunctionData({ abi, functionName: 'Claim' }),
      value: 5n * 10n ** 16n,
    });
    expect(result.flagged).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(result.threshold);
    expect(result.reasons.length).toBeGreaterThanOrEqual(2);
    expect(result.reasons.length).toBeLessThanOrEqual(3);
    for (const r of result.reasons) {
      expect(r.words.length).toBeGreaterThan(10);
      expect(r.contribution).toBeGreaterThan(0);
    }
  });

  it('does not flag wrapping ETH in WETH9', async () => {
    const result = await scorer.score({
      bytecode: WETH9,
      calldata: encodeFunctionData({ abi, functionName: 'deposit' }),
      value: 10n ** 18n,
    });
    expect(result.flagged).toBe(false);
    expect(result.score).toBeLessThan(result.threshold);
  });

  it('serves concurrent callers from one session', async () => {
    const input = { bytecode: WETH9, calldata: '0x', value: 0 };
    const all = await Promise.all([1, 2, 3, 4].map(() => scorer.score(input)));
    expect(new Set(all.map((r) => r.score)).size).toBe(1);
  });

  it('refuses a meta file that names other features', async () => {
    await expect(createContractScorer({ modelBytes, wasmBinary, meta: { ...modelMeta, featureNames: modelMeta.featureNames.slice(1) } })).rejects.toThrow(ModelUnavailableError);
  });

  it('reports an unreadable model as unavailable', async () => {
    await expect(createContractScorer({ modelBytes: new Uint8Array([1, 2, 3]), wasmBinary })).rejects.toThrow(ModelUnavailableError);
  });
});

describe('the TypeScript predictor over the shipped file (what a cold worker scores with)', () => {
  // That the reader reads the trained trees is the parity test above (the trainer's own probabilities).
  it('refuses a file cut short', () => {
    expect(() => treesFromOnnx(new Uint8Array(modelBytes).subarray(0, modelBytes.length >> 1), modelMeta.featureNames.length)).toThrow();
  });

  it("gives onnxruntime's scores (1e-5) and the same reasons", async () => {
    const predictor = createPredictorScorer(new Uint8Array(modelBytes));
    const inputs: FeatureInput[] = [
      { bytecode: drainer, calldata: encodeFunctionData({ abi, functionName: 'Claim' }), value: 3n * 10n ** 16n },
      { bytecode: WETH9, calldata: encodeFunctionData({ abi, functionName: 'approve', args: ['0x1111111111111111111111111111111111111111', maxUint256] }), value: 0 },
      { bytecode: ROUTER, calldata: '0x', value: 0 },
    ];
    for (const input of inputs) {
      const [a, b] = await Promise.all([scorer.score(input), predictor.score(input)]);
      expect(Math.abs(a.score - b.score)).toBeLessThan(1e-5);
      expect(b.reasons.map((r) => r.feature)).toEqual(a.reasons.map((r) => r.feature));
    }
  });
});
