// The analysis alone, in Node, on the scan command's code path (scripts/scan.ts): analyzeRequest with
// the bytecode supplied by the caller, no RPC, the ONNX contract model (wasm bytes handed over as in the
// CLI), the phishing lists and the domain model. Throughput over mixed requests, per core (CPU time of
// the process, every thread counted), and how the time grows with calldata, batch and bytecode size.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { encodeFunctionData, parseAbi, toHex, type Hex } from 'viem';
import { analyzeRequest, type AnalysisDeps, type AnalysisInput } from '../analysis/ethereum/index';
import { A, NOW, call, tx } from '../analysis/ethereum/fixtures/build';
import { edgeCases } from '../analysis/ethereum/fixtures/edge-cases';
import { benign, malicious, type Fixture } from '../analysis/ethereum/fixtures/requests';
import { loadSiteRiskFromDisk } from '../analysis/site/node-lists';
import { createScoreContract } from '../model/score-contract';
import { nodeScoreDomain } from '../model/domain/node-scorer';
import { createContractScorer, type ContractScorer } from '../model/inference';
import { ROOT } from '../e2e/fixtures/browser';
import { summary, type Summary } from './stats';

const require = createRequire(import.meta.url);
/** How many times the analysis asked the model for a score (so a reader can see the model was in the path). */
let modelCalls = 0;

function artifactCode(path: string): Hex {
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules', '@uniswap', 'v3-periphery', 'artifacts', 'contracts', path), 'utf8')) as { deployedBytecode: Hex }).deployedBytecode;
}

/** The scan CLI's dependencies, built the same way (scripts/scan.ts: nodeScorer, codeSource without --rpc). */
async function scanDeps(): Promise<(code: Record<string, string>) => AnalysisDeps> {
  const scorer: Promise<ContractScorer> = createContractScorer({
    modelBytes: readFileSync(require.resolve('../model/contract-model.onnx')),
    wasmBinary: readFileSync(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm')),
  });
  await scorer;
  const site = await loadSiteRiskFromDisk({ scoreDomain: nodeScoreDomain() });
  return (code) => {
    const supplied = new Map(Object.entries(code).map(([a, c]) => [a.toLowerCase(), c as Hex]));
    const scoreContract = createScoreContract(() => scorer, { getCode: async (address) => supplied.get(address.toLowerCase()) ?? '0x' });
    return {
      chain: null,
      code,
      timeoutMs: 4_000,
      now: NOW,
      site,
      scoreContract: (input) => {
        modelCalls++;
        return scoreContract(input);
      },
    };
  };
}

interface Case {
  input: AnalysisInput;
  code: Record<string, string>;
}

/** Every fixture (benign, malicious, edge cases); a transaction's target gets real runtime code when the fixture left it unknown. */
function mixedCases(): Case[] {
  const router = artifactCode('SwapRouter.sol/SwapRouter.json');
  const all: Fixture[] = [...benign, ...malicious, ...edgeCases];
  return all.map((f) => {
    const code: Record<string, string> = { ...f.code };
    const params = (f.input.request as { params?: unknown }).params;
    const to = Array.isArray(params) ? (params[0] as { to?: unknown } | undefined)?.to : undefined;
    if (typeof to === 'string' && !Object.keys(code).some((a) => a.toLowerCase() === to.toLowerCase())) code[to] = router;
    return { input: f.input, code };
  });
}

const at = (request: AnalysisInput['request']): AnalysisInput => ({ request, origin: { origin: 'https://app.example' }, chainId: 1, from: A.user });
const bytesOf = (n: number): Hex => toHex(Uint8Array.from({ length: n }, (_, i) => (i * 131 + 7) & 0xff));

export interface GrowthPoint {
  size: string;
  ms: Summary;
}

export interface AnalysisResult {
  requests: number;
  distinctShapes: number;
  /** Of `requests`, how many were scored by the model. */
  scored: number;
  wallSeconds: number;
  cpuSeconds: number;
  requestsPerSecond: number;
  requestsPerSecondPerCore: number;
  perRequest: Summary;
  calldata: GrowthPoint[];
  batch: GrowthPoint[];
  bytecode: GrowthPoint[];
}

export async function measureAnalysis({ requests = 10_000, runsPerPoint = 100 } = {}): Promise<AnalysisResult> {
  const deps = await scanDeps();
  const cases = mixedCases();
  const run = (c: Case) => analyzeRequest(c.input, deps(c.code));
  for (let i = 0; i < Math.min(500, requests); i++) await run(cases[i % cases.length]!);

  const times: number[] = [];
  modelCalls = 0;
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (let i = 0; i < requests; i++) {
    const t = performance.now();
    await run(cases[i % cases.length]!);
    times.push(performance.now() - t);
  }
  const wallSeconds = (performance.now() - wall0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const scored = modelCalls;

  const point = async (size: string, c: Case): Promise<GrowthPoint> => {
    for (let i = 0; i < 5; i++) await run(c);
    const ms: number[] = [];
    for (let i = 0; i < runsPerPoint; i++) {
      const t = performance.now();
      await run(c);
      ms.push(performance.now() - t);
    }
    return { size, ms: summary(ms) };
  };
  const someCode = artifactCode('SwapRouter.sol/SwapRouter.json');
  const big = artifactCode('NonfungiblePositionManager.sol/NonfungiblePositionManager.json');
  const execute = parseAbi(['function execute(bytes)']);

  const calldata: GrowthPoint[] = [];
  for (const kb of [0.1, 1, 4, 16, 64]) {
    const data = encodeFunctionData({ abi: execute, functionName: 'execute', args: [bytesOf(Math.round(kb * 1024))] });
    calldata.push(await point(`${kb} KB`, { input: at(tx(A.unknownContract, data)), code: { [A.unknownContract]: someCode } }));
  }
  const batch: GrowthPoint[] = [];
  for (const k of [1, 2, 5, 10, 20, 50]) {
    const calls = Array.from({ length: k }, (_, i) =>
      i % 2 === 0 ? { to: A.usdc, data: call.approve(A.unknownContract, 100n), value: '0x0' } : { to: A.unknownContract, data: call.mint(1n), value: '0x1' },
    );
    batch.push(await point(`${k} calls`, { input: at({ method: 'wallet_sendCalls', params: [{ version: '2.0.0', chainId: '0x1', from: A.user, calls }] }), code: { [A.unknownContract]: someCode } }));
  }
  const bytecode: GrowthPoint[] = [];
  for (const kb of [1, 2, 4, 8, 16, 24]) {
    const code = `0x${big.slice(2, 2 + Math.min(kb * 1024, (big.length - 2) / 2) * 2)}` as Hex;
    bytecode.push(await point(`${((code.length - 2) / 2 / 1024).toFixed(1)} KB`, { input: at(tx(A.unknownContract, call.mint(2n), 10n ** 16n)), code: { [A.unknownContract]: code } }));
  }

  return {
    requests,
    distinctShapes: cases.length,
    scored,
    wallSeconds,
    cpuSeconds,
    requestsPerSecond: requests / wallSeconds,
    requestsPerSecondPerCore: requests / cpuSeconds,
    perRequest: summary(times),
    calldata,
    batch,
    bytecode,
  };
}
