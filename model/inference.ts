// Runs the contract/request model with onnxruntime-web in WebAssembly: in the extension's service worker
// and in Node (tests, CLI). One session, created once and reused.
//
// Service-worker rules this follows: the bundled build (`onnxruntime-web/wasm`, no dynamic import of a
// loader script), one thread (no SharedArrayBuffer/worker spawning), and the .wasm location given as an
// object ({ wasm: url }) — a string prefix would make onnxruntime import() a script, which MV3 forbids.
import * as ort from 'onnxruntime-web/wasm';
import bundledMeta from './contract-model.meta.json';
import { REASON_GROUPS, type ReasonSubject } from './feature-words.ts';
import { extractFeatures, FEATURE_COUNT, FEATURE_NAMES, type FeatureInput } from './features.ts';
import { treesFromOnnx } from './onnx-trees.ts';
import { predictProbability } from './predictor.ts';

export interface ModelMeta {
  version: string;
  input: string;
  output: string;
  featureNames: readonly string[];
  threshold: number;
  warnThreshold: number;
  baseline: readonly number[];
}

export interface ContractScorerOptions {
  /** Bytes of model/contract-model.onnx. */
  modelBytes: Uint8Array | ArrayBuffer;
  /** URL of ort-wasm-simd-threaded.wasm, e.g. browser.runtime.getURL('/ort-wasm-simd-threaded.wasm'). */
  wasmUrl?: string;
  /** The .wasm bytes themselves (Node, where file URLs cannot be fetched). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Defaults to model/contract-model.meta.json; must describe the same model as modelBytes. */
  meta?: ModelMeta;
}

export interface Reason {
  /** Feature (or feature group) id, e.g. `selectors:bait_function_count` or `code_profile`. */
  feature: string;
  /** A sentence the confirm window can show. */
  words: string;
  /** Whether it is about the contract or about this request. */
  about: ReasonSubject;
  /** Change in log-odds that this feature caused, against a typical request (positive = more suspicious). */
  contribution: number;
}

export interface ContractScore {
  /** Calibrated probability that the request is malicious, in [0, 1]. */
  score: number;
  /** The model's threshold (chosen for ≤ 1 % false positives on held-out data). */
  threshold: number;
  /** score >= threshold: worth a strong warning. */
  flagged: boolean;
  /** score >= the softer warn threshold (≤ 5 % false positives): worth a second look. */
  elevated: boolean;
  /** The two or three features that pushed the score most towards its side of the threshold. */
  reasons: Reason[];
  modelVersion: string;
}

export interface ContractScorer {
  readonly version: string;
  readonly threshold: number;
  /** Scores one request, given as raw inputs or as a feature vector from extractFeatures(). */
  score(input: FeatureInput | Float32Array): Promise<ContractScore>;
  /** Probabilities only, for many vectors at once (no reasons). */
  scoreVectors(vectors: readonly Float32Array[]): Promise<Float32Array>;
  release(): Promise<void>;
}

export class ModelUnavailableError extends Error {
  override name = 'ModelUnavailableError';
}

const MAX_REASONS = 3;

function logit(p: number): number {
  const q = Math.min(Math.max(p, 1e-7), 1 - 1e-7);
  return Math.log(q / (1 - q));
}

function configureRuntime(options: ContractScorerOptions): void {
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
  if (options.wasmBinary) ort.env.wasm.wasmBinary = options.wasmBinary instanceof Uint8Array ? options.wasmBinary : new Uint8Array(options.wasmBinary);
  else if (options.wasmUrl) ort.env.wasm.wasmPaths = { wasm: options.wasmUrl };
}

function checkFeatures(meta: ModelMeta): void {
  if (meta.featureNames.length !== FEATURE_COUNT || meta.featureNames.some((n, i) => n !== FEATURE_NAMES[i])) {
    throw new ModelUnavailableError('the model was trained on other features than this build computes: retrain (npm run train)');
  }
}

export async function createContractScorer(options: ContractScorerOptions): Promise<ContractScorer> {
  const meta: ModelMeta = options.meta ?? bundledMeta;
  checkFeatures(meta);
  configureRuntime(options);
  let session: ort.InferenceSession;
  try {
    const bytes = options.modelBytes instanceof Uint8Array ? options.modelBytes : new Uint8Array(options.modelBytes);
    session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  } catch (e) {
    throw new ModelUnavailableError(`could not load the model: ${e instanceof Error ? e.message : String(e)}`);
  }
  // onnxruntime-web runs one inference at a time per session; queue callers instead of failing them.
  let queue: Promise<unknown> = Promise.resolve();
  const run = (vectors: readonly Float32Array[]): Promise<Float32Array> => {
    const job = queue.then(async () => {
      const flat = new Float32Array(vectors.length * FEATURE_COUNT);
      vectors.forEach((v, i) => flat.set(v, i * FEATURE_COUNT));
      const feeds = { [meta.input]: new ort.Tensor('float32', flat, [vectors.length, FEATURE_COUNT]) };
      const out = await session.run(feeds);
      return out[meta.output]!.data as Float32Array;
    });
    queue = job.catch(() => undefined);
    return job;
  };

  return scorerOver(run, meta, () => session.release());
}

/**
 * The same trees run by the TypeScript predictor (model/predictor.ts) from the ONNX file's own bytes
 * (model/onnx-trees.ts): what a cold worker scores with while onnxruntime's wasm compiles. The parity
 * tests hold it to onnxruntime's probabilities.
 */
export function createPredictorScorer(modelBytes: Uint8Array, meta: ModelMeta = bundledMeta): ContractScorer {
  checkFeatures(meta);
  const model = treesFromOnnx(modelBytes, FEATURE_COUNT);
  const run = async (vectors: readonly Float32Array[]) => Float32Array.from(vectors, (v) => predictProbability(model, v));
  return scorerOver(run, meta, async () => {});
}

/** Scores and reasons over any way of running the model on a batch of feature vectors. */
function scorerOver(run: (vectors: readonly Float32Array[]) => Promise<Float32Array>, meta: ModelMeta, release: () => Promise<void>): ContractScorer {
  const baseline = Float32Array.from(meta.baseline);

  return {
    version: meta.version,
    threshold: meta.threshold,
    scoreVectors: run,
    async score(input) {
      const x = input instanceof Float32Array ? input : extractFeatures(input);
      if (x.length !== FEATURE_COUNT) throw new Error(`expected ${FEATURE_COUNT} features, got ${x.length}`);
      // Occlusion: put each reason group back to the typical (median training) value and see how far the
      // score moves. One batched run: the request itself, then one variant per group that differs.
      const groups = REASON_GROUPS.filter((g) => g.indices.some((i) => x[i] !== baseline[i]));
      const batch = [x];
      for (const g of groups) {
        const v = Float32Array.from(x);
        for (const i of g.indices) v[i] = baseline[i]!;
        batch.push(v);
      }
      const probs = await run(batch);
      const score = probs[0]!;
      const flagged = score >= meta.threshold;
      const reasons = groups
        .map((g, k) => ({ feature: g.id, words: g.words(x), about: g.about, contribution: logit(score) - logit(probs[k + 1]!) }))
        .filter((r) => (flagged ? r.contribution > 1e-3 : r.contribution < -1e-3))
        .sort((a, b) => (flagged ? b.contribution - a.contribution : a.contribution - b.contribution))
        .slice(0, MAX_REASONS);
      return { score, threshold: meta.threshold, flagged, elevated: score >= meta.warnThreshold, reasons, modelVersion: meta.version };
    },
    release,
  };
}
