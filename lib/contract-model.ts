// The model's life in the service worker: loaded once when the worker starts, reused by every request.
//
// Cold start: Chrome stops the worker after ~30 s idle, and the request that wakes it would otherwise pay
// for compiling onnxruntime's 14 MB wasm and building the session before it could be scored. Loading
// starts with the worker, so that cost overlaps with the message delivery and the RPC reads the analysis
// does first; and a request never waits longer than READY_WAIT_MS for it (the rules decide meanwhile).
import { browser } from '#imports';
import { createContractScorer, type ContractScorer } from '../model/inference';
import { MODEL_FILES } from './model-files';

/** How long a request waits for a model that is still loading before it goes on without the score. */
const READY_WAIT_MS = 1_500;

export interface ModelStatus {
  state: 'idle' | 'loading' | 'ready' | 'failed';
  /** ms since the worker started (performance.now()) */
  loadStartedAt?: number;
  readyAt?: number;
  error?: string;
  /** How the load was started: with the worker, or by the first request (the lazy build, for the benchmark). */
  start: 'eager' | 'lazy';
}

// The lazy build (`wxt build --mode lazy-model`) exists only so the benchmark can show the cold start
// without this mitigation; the shipped build is eager.
const START: ModelStatus['start'] = import.meta.env.MODE === 'lazy-model' ? 'lazy' : 'eager';

let loading: Promise<ContractScorer> | undefined;
const status: ModelStatus = { state: 'idle', start: START };

async function load(): Promise<ContractScorer> {
  status.state = 'loading';
  status.loadStartedAt = performance.now();
  try {
    const response = await fetch(browser.runtime.getURL(`/${MODEL_FILES.model}`));
    if (!response.ok) throw new Error(`the model file is missing (${response.status})`);
    const scorer = await createContractScorer({
      modelBytes: await response.arrayBuffer(),
      wasmUrl: browser.runtime.getURL(`/${MODEL_FILES.wasm}`),
    });
    status.state = 'ready';
    status.readyAt = performance.now();
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

/** Called once when the service worker starts. */
export function startContractModel(): void {
  exposeForTests();
  if (START === 'eager') loadOnce().catch((error: unknown) => console.warn('Transaction firewall: the model did not load', error));
}

/** The scorer, or a rejection saying why there is none (still loading after READY_WAIT_MS, or failed). */
export function contractScorer(): Promise<ContractScorer> {
  if (START === 'lazy') return loadOnce();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the model is still loading')), READY_WAIT_MS);
    loadOnce().then(
      (scorer) => (clearTimeout(timer), resolve(scorer)),
      (error: unknown) => (clearTimeout(timer), reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
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
}

function exposeForTests(): void {
  const probe: ModelProbe = {
    status: () => ({ ...status }),
    scoreVectors: async (vectors) => Array.from(await (await loadOnce()).scoreVectors(vectors.map((v) => Float32Array.from(v)))),
  };
  Object.defineProperty(globalThis, '__txFirewallModel', { value: Object.freeze(probe), configurable: false, writable: false });
}
