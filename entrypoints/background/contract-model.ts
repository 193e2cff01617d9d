// The model's life in the service worker: loaded once per worker, reused by every request.
//
// When it loads: when the first request to check arrives in this worker life, not when the worker
// starts. Chrome starts the worker for every navigation (the phishing-list check) and every closed
// tab, and compiling onnxruntime's 14 MB wasm then ran on every core while the page the user had just
// opened was loading (bench/profile-page-load.ts: a plain page after a worker stop reached
// DOMContentLoaded 2.4× as late as without the firewall). Pages that never ask for a signature never
// pay for the model. Until onnxruntime is ready (360–540 ms of wasm compile), requests are scored by the
// TypeScript predictor over the same trees, read from the same file in a few milliseconds
// (model/onnx-trees.ts; the parity tests hold the two to the same probabilities): a request that woke
// the worker does not wait for the wasm. It never waits longer than TIME_BUDGET.modelReadyWaitMs for
// either (the rules decide meanwhile).
import { browser } from '#imports';
import { ModelMissingError } from '../../analysis/ethereum';
import type { FeatureInput } from '../../model/features';
import { createContractScorer, createPredictorScorer, type ContractScore, type ContractScorer } from '../../model/inference';
import { MODEL_FILES } from '../../common/model-files';
import { missingIfFailed } from '../../model/score-contract';
import { TIME_BUDGET } from '../../common/time-budget';
import { withTimeout } from '../../common/timeout';

export interface ModelStatus {
  state: 'idle' | 'loading' | 'ready' | 'failed';
  /** ms since the worker started (performance.now()) */
  loadStartedAt?: number;
  readyAt?: number;
  /** Where the load time went: reading the model file, then onnxruntime's wasm (streamed, compiled) and the session. */
  phases?: { modelFileMs: number; runtimeAndSessionMs: number };
  error?: string;
  /** When the TypeScript predictor over the same trees could score (ms since the worker started). */
  predictorReadyAt?: number;
  /**
   * How the load is started: by the first request the worker checks (shipped), with the worker
   * (`eager`, a benchmark build), by the first request that needs a score (`lazy`), or never (`off`).
   */
  start: 'first-request' | 'eager' | 'lazy' | 'off';
}

// Builds that exist only for the benchmark (bench/model-extension.ts): `wxt build --mode bench-eager` loads
// the model with the worker (as shipped before the load moved to the first request), `--mode lazy-model`
// when the first request needs a score, `--mode no-model` never (the floor: the rules alone).
const MODES: Record<string, ModelStatus['start']> = { 'bench-eager': 'eager', 'lazy-model': 'lazy', 'no-model': 'off' };
const START: ModelStatus['start'] = MODES[import.meta.env.MODE] ?? 'first-request';

let loading: Promise<ContractScorer> | undefined;
let file: Promise<Uint8Array> | undefined;
let predictor: Promise<ContractScorer> | undefined;
const status: ModelStatus = { state: 'idle', start: START };

function modelFile(): Promise<Uint8Array> {
  file ??= fetch(browser.runtime.getURL(`/${MODEL_FILES.model}`)).then(async (response) => {
    if (!response.ok) throw new Error(`the model file is missing (${response.status})`);
    return new Uint8Array(await response.arrayBuffer());
  });
  return file;
}

function predictorOnce(): Promise<ContractScorer> {
  predictor ??= modelFile().then((bytes) => {
    const scorer = createPredictorScorer(bytes.slice());
    status.predictorReadyAt = performance.now();
    return scorer;
  });
  return predictor;
}

async function load(): Promise<ContractScorer> {
  status.state = 'loading';
  status.loadStartedAt = performance.now();
  try {
    const modelBytes = await modelFile();
    const fileReadAt = performance.now();
    const scorer = await createContractScorer({ modelBytes, wasmUrl: browser.runtime.getURL(`/${MODEL_FILES.wasm}`) });
    status.state = 'ready';
    status.readyAt = performance.now();
    status.phases = { modelFileMs: fileReadAt - status.loadStartedAt, runtimeAndSessionMs: status.readyAt - fileReadAt };
    return scorer;
  } catch (error) {
    status.state = 'failed';
    status.error = error instanceof Error ? error.message : String(error);
    throw error;
  }
}

function loadOnce(): Promise<ContractScorer> {
  loading ??= load();
  return loading;
}

function loadInBackground(): void {
  loadOnce().catch((error: unknown) => console.warn('Transaction firewall: the model did not load', error));
}

/** Called once when the service worker starts. */
export function startContractModel(): void {
  exposeForTests();
  if (START === 'eager') loadInBackground();
}

/** Called when a request arrives to be checked: the model starts loading beside its first reads. */
export function warmContractModel(): void {
  if (START === 'first-request' && !loading) loadInBackground();
}

/** The scorer, or a rejection saying why there is none (still loading after TIME_BUDGET.modelReadyWaitMs, or failed). */
export function contractScorer(): Promise<ContractScorer> {
  if (START === 'off') return Promise.reject(new ModelMissingError('this build has no model'));
  if (START === 'lazy') return missingIfFailed(loadOnce());
  loadInBackground();
  // onnxruntime once it is ready, and whatever it says when it failed (a damaged file is said, not hidden).
  const ready = status.state === 'ready' || status.state === 'failed';
  return withTimeout(missingIfFailed(ready ? loadOnce() : predictorOnce()), TIME_BUDGET.modelReadyWaitMs, 'the model is still loading');
}

/**
 * A read-only handle on the model for the parity test and the benchmark (`worker.evaluate`): status and
 * probabilities for given feature vectors. It changes nothing and decides nothing, and only code already
 * running inside this worker (DevTools, CDP) can reach a worker global; pages and content scripts cannot.
 * No existing message fits: they all carry a wallet request from a page, not a raw feature vector.
 */
export interface ModelProbe {
  status(): ModelStatus;
  scoreVectors(vectors: number[][]): Promise<number[]>;
  /** The path a request takes: features (with proxy code if given), score, reasons. */
  score(input: FeatureInput): Promise<ContractScore>;
}

function exposeForTests(): void {
  const probe: ModelProbe = {
    status: () => ({ ...status }),
    scoreVectors: async (vectors) => Array.from(await (await loadOnce()).scoreVectors(vectors.map((v) => Float32Array.from(v)))),
    score: async (input) => (await loadOnce()).score(input),
  };
  Object.defineProperty(globalThis, '__txFirewallModel', { value: Object.freeze(probe), configurable: false, writable: false });
}
