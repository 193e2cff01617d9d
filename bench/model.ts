// `npm run bench:model`: prints how long feature extraction takes for a 24 KB contract and how long the
// model takes warm (median, p99), plus the session start-up in Node. Figures only; nothing is asserted.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeFunctionData, maxUint256, parseAbi } from 'viem';
import { extractFeatures, type FeatureInput } from '../model/features.ts';
import { createContractScorer } from '../model/inference.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

function quantile(samples: number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

function time(label: string, runs: number, fn: () => unknown): void {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  console.log(`${label}: median ${quantile(samples, 0.5).toFixed(3)} ms, p99 ${quantile(samples, 0.99).toFixed(3)} ms (${runs} runs)`);
}

async function timeAsync(label: string, runs: number, fn: () => Promise<unknown>): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  console.log(`${label}: median ${quantile(samples, 0.5).toFixed(3)} ms, p99 ${quantile(samples, 0.99).toFixed(3)} ms (${runs} runs)`);
}

/** A real contract close to the 24 KB limit (Uniswap V3 NonfungiblePositionManager), else the largest found. */
function largeContract(): { name: string; hex: string } {
  const candidates = [
    '@uniswap/v3-periphery/artifacts/contracts/NonfungiblePositionManager.sol/NonfungiblePositionManager.json',
    '@uniswap/universal-router/artifacts/contracts/UniversalRouter.sol/UniversalRouter.json',
  ];
  for (const c of candidates) {
    try {
      const json = JSON.parse(readFileSync(require.resolve(c), 'utf8')) as { deployedBytecode: string };
      return { name: c.split('/').pop()!.replace('.json', ''), hex: json.deployedBytecode };
    } catch {
      // not installed: try the next one
    }
  }
  // Without the dev dependencies: 24 KB of PUSH1/ADD/JUMPDEST-heavy filler shaped like compiled code.
  return { name: 'synthetic filler', hex: `0x${'6080604052600436106100'.repeat(1117)}` };
}

async function main() {
  const contract = largeContract();
  const bytes = (contract.hex.length - 2) / 2;
  const approve = encodeFunctionData({ abi: parseAbi(['function approve(address,uint256)']), functionName: 'approve', args: ['0x1111111111111111111111111111111111111111', maxUint256] });
  const input: FeatureInput = { bytecode: contract.hex, calldata: approve, value: 0 };
  console.log(`contract: ${contract.name}, ${bytes} bytes (${(bytes / 1024).toFixed(1)} KB)`);
  for (let i = 0; i < 50; i++) extractFeatures(input); // warm the JIT
  time('feature extraction, 24 KB contract (hex decode + scan + call data)', 1000, () => extractFeatures(input));

  const modelBytes = readFileSync(join(HERE, '..', 'model', 'contract-model.onnx'));
  const wasmBinary = readFileSync(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm'));
  console.log(`model file: ${modelBytes.length} bytes (${(modelBytes.length / 1024).toFixed(1)} KB)`);
  const t0 = performance.now();
  const scorer = await createContractScorer({ modelBytes, wasmBinary });
  console.log(`cold start in Node (wasm instantiate + session create): ${(performance.now() - t0).toFixed(1)} ms`);
  const t1 = performance.now();
  await scorer.score(input);
  console.log(`first inference after start: ${(performance.now() - t1).toFixed(1)} ms`);

  const x = extractFeatures(input);
  for (let i = 0; i < 50; i++) await scorer.scoreVectors([x]);
  await timeAsync('warm inference, one vector (session.run)', 1000, () => scorer.scoreVectors([x]));
  await timeAsync('warm score() with reasons (one batched run over all reason groups)', 300, () => scorer.score(x));
  await timeAsync('end to end: extract + score() with reasons', 300, () => scorer.score(input));
  const result = await scorer.score(input);
  console.log(`example: score ${result.score.toFixed(3)} (threshold ${result.threshold.toFixed(3)}), reasons:`);
  for (const r of result.reasons) console.log(`  ${r.contribution >= 0 ? '+' : ''}${r.contribution.toFixed(2)}  ${r.words}`);
  await scorer.release();
}

await main();
