// Runs the domain model with onnxruntime-web (WebAssembly), in the service worker and in Node, the same
// way the contract model does (model/inference.ts): bundled `onnxruntime-web/wasm`, one thread, the .wasm
// given as an object URL or as bytes. Both models share one runtime and one .wasm file.
import * as ort from 'onnxruntime-web/wasm';
import bundledMeta from './domain-model.meta.json';
import { extractDomainFeatures, FEATURE_COUNT, FEATURE_VERSION, toDense } from './features';

export interface DomainModelMeta {
  version: string;
  featureVersion: string;
  featureCount: number;
  input: string;
  output: string;
  /** ≤ 1 % false positives on held-out benign domains. */
  threshold: number;
  /** ≤ 0.1 % false positives on held-out benign domains. */
  strictThreshold: number;
}

export interface DomainScorerOptions {
  modelBytes: Uint8Array | ArrayBuffer;
  wasmUrl?: string;
  wasmBinary?: ArrayBuffer | Uint8Array;
  meta?: DomainModelMeta;
}

export interface DomainReason {
  /** Feature group, e.g. `token:claim`, `platform`, `brand`. */
  feature: string;
  words: string;
  /** Log-odds this group added to the score. */
  contribution: number;
}

export interface DomainModelScore {
  score: number;
  threshold: number;
  flagged: boolean;
  reasons: DomainReason[];
}

export interface DomainScorer {
  readonly version: string;
  readonly threshold: number;
  score(host: string): Promise<DomainModelScore>;
  /** Probabilities only, for many hosts at once. */
  scoreHosts(hosts: readonly string[]): Promise<Float32Array>;
  release(): Promise<void>;
}

const MAX_REASONS = 3;
/** A group must add at least this much log-odds to be named as a reason. */
const MIN_CONTRIBUTION = 0.25;

const logit = (p: number) => {
  const q = Math.min(Math.max(p, 1e-7), 1 - 1e-7);
  return Math.log(q / (1 - q));
};

export async function createDomainScorer(options: DomainScorerOptions): Promise<DomainScorer> {
  const meta: DomainModelMeta = options.meta ?? bundledMeta;
  if (meta.featureVersion !== FEATURE_VERSION || meta.featureCount !== FEATURE_COUNT) {
    throw new Error('the domain model was trained on other features than this build computes: retrain (npm run train:domains)');
  }
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
  if (options.wasmBinary) ort.env.wasm.wasmBinary = options.wasmBinary instanceof Uint8Array ? options.wasmBinary : new Uint8Array(options.wasmBinary);
  else if (options.wasmUrl) ort.env.wasm.wasmPaths = { wasm: options.wasmUrl };
  const bytes = options.modelBytes instanceof Uint8Array ? options.modelBytes : new Uint8Array(options.modelBytes);
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });

  let queue: Promise<unknown> = Promise.resolve();
  const run = (vectors: readonly Float32Array[]): Promise<Float32Array> => {
    const job = queue.then(async () => {
      const flat = new Float32Array(vectors.length * FEATURE_COUNT);
      vectors.forEach((v, i) => flat.set(v, i * FEATURE_COUNT));
      const out = await session.run({ [meta.input]: new ort.Tensor('float32', flat, [vectors.length, FEATURE_COUNT]) });
      return out[meta.output]!.data as Float32Array;
    });
    queue = job.catch(() => undefined);
    return job;
  };

  return {
    version: meta.version,
    threshold: meta.threshold,
    async scoreHosts(hosts) {
      const probs = new Float32Array(hosts.length);
      for (let start = 0; start < hosts.length; start += 64) {
        const batch = hosts.slice(start, start + 64).map((h) => toDense(extractDomainFeatures(h)));
        probs.set(await run(batch), start);
      }
      return probs;
    },
    async score(host) {
      const f = extractDomainFeatures(host);
      const x = toDense(f);
      // Occlusion: drop each feature group in turn and see how far the score falls. One batched run.
      const variants = f.groups.map((g) => {
        const v = Float32Array.from(x);
        for (const i of g.indices) v[i] = 0;
        return v;
      });
      const probs = await run([x, ...variants]);
      const score = probs[0]!;
      const reasons = f.groups
        .map((g, k) => ({ feature: g.id, words: g.words, contribution: logit(score) - logit(probs[k + 1]!) }))
        .filter((r) => r.contribution >= MIN_CONTRIBUTION)
        .sort((a, b) => b.contribution - a.contribution)
        .slice(0, MAX_REASONS);
      return { score, threshold: meta.threshold, flagged: score >= meta.threshold, reasons };
    },
    async release() {
      await session.release();
    },
  };
}
