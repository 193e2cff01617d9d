// Runs the analysis for the background with a deadline. When the analysis cannot finish, the user
// is told so and decides: the result is at least `warn`, never a silent `allow`.
import { createPublicClient, http } from 'viem';
import { analyzeRequest, type AnalysisDeps } from '../analysis';
import { createRpcChainReader, type ChainReader } from '../analysis/context/chain-reader';
import { createRpcSimulator } from '../analysis/simulate/rpc-simulator';
import type { Simulator } from '../analysis/simulate/types';
import type { RequestOrigin, Verdict, WalletRequest } from '../analysis/types';
import { contractScorer } from './contract-model';
import { createScoreContract, type CodeSource } from './score-contract';
import { loadSentAddresses } from './sent-addresses';
import { currentSiteRisk } from './site-risk';
import { rpcUrlFor, type Settings } from './settings';

/** Per RPC call, and for the whole analysis. A local node answers in milliseconds. */
const RPC_TIMEOUT_MS = 1500;
const ANALYSIS_DEADLINE_MS = 5000;
/** The simulation runs beside the other steps; past this the verdict goes out and the simulation joins later. */
const SIMULATION_DEADLINE_MS = 1500;

/** Time kept back for the rules' verdict to be assembled and sent once the model has answered. */
const MODEL_MARGIN_MS = 300;

type ScoreContract = NonNullable<AnalysisDeps['scoreContract']>;

const readers = new Map<string, ChainReader>();
const simulators = new Map<string, Simulator>();

/** One simulator per endpoint, sharing the reader's token metadata cache and remembering what the node lacks. */
function simulatorFor(url: string): Simulator {
  let simulator = simulators.get(url);
  if (!simulator) {
    simulator = createRpcSimulator(url, { reader: readerFor(url), timeoutMs: RPC_TIMEOUT_MS });
    simulators.set(url, simulator);
  }
  return simulator;
}

function readerFor(url: string): ChainReader {
  let reader = readers.get(url);
  if (!reader) {
    reader = createRpcChainReader(url, { timeoutMs: RPC_TIMEOUT_MS });
    readers.set(url, reader);
  }
  return reader;
}

/** Reads for resolving a proxy to its implementation: code through the analysis' cached reader, plus one storage slot. */
function codeSourceFor(url: string | undefined): CodeSource {
  if (!url) return {};
  const reader = readerFor(url);
  const client = createPublicClient({ transport: http(url, { timeout: RPC_TIMEOUT_MS, retryCount: 0 }) });
  return { getCode: (address) => reader.getCode(address), getStorageAt: (address, slot) => client.getStorageAt({ address, slot }) };
}

function notFinished(reason: string): Verdict {
  return {
    verdict: 'warn',
    score: null,
    summary: 'The firewall could not finish checking this request.',
    findings: [
      {
        id: 'analysis.unfinished',
        severity: 'warn',
        title: 'This request was not fully checked',
        detail: `${reason} Look at the request yourself before you continue.`,
      },
    ],
  };
}

/** The model may use what is left of the deadline, never more: a slow model must not turn a verdict into "not checked". */
function beforeDeadline(score: ScoreContract, deadlineAt: number): ScoreContract {
  return (input) => {
    const left = deadlineAt - MODEL_MARGIN_MS - Date.now();
    if (left <= 0) return Promise.reject(new Error('no time was left to run it'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('it did not answer in time')), left);
      score(input).then(
        (v) => (clearTimeout(timer), resolve(v)),
        (e: unknown) => (clearTimeout(timer), reject(e)),
      );
    });
  };
}

/** A verdict, and when its simulation missed its deadline, the verdict it joins once it finishes. */
export interface Judgement {
  verdict: Verdict;
  later?: Promise<Verdict>;
}

/** `rpcUrls` is the user's choice per chain, from the settings the background already read for this request. */
export async function judge(
  request: WalletRequest,
  origin: RequestOrigin,
  chainIdHex: string | undefined,
  rpcUrls: Settings['rpcUrls'],
  frameTampered?: string,
): Promise<Judgement> {
  const deadlineAt = Date.now() + ANALYSIS_DEADLINE_MS;
  const chainId = chainIdHex ? Number.parseInt(chainIdHex, 16) : undefined;
  const url = rpcUrlFor(chainId, rpcUrls);
  const [history, site] = await Promise.all([loadSentAddresses(), currentSiteRisk()]);
  const deadline = new Promise<Verdict>((resolve) =>
    setTimeout(() => resolve(notFinished(`The analysis took longer than ${ANALYSIS_DEADLINE_MS / 1000} seconds.`)), ANALYSIS_DEADLINE_MS),
  );
  let joined: (v: Verdict) => void = () => {};
  const later = new Promise<Verdict>((resolve) => (joined = resolve));
  const analysis = analyzeRequest(
    { request, origin, chainId, chainAsked: true, frameTampered },
    {
      chain: url ? readerFor(url) : null,
      history,
      site,
      timeoutMs: RPC_TIMEOUT_MS,
      scoreContract: beforeDeadline(createScoreContract(contractScorer, codeSourceFor(url)), deadlineAt),
      simulation: { simulator: url ? simulatorFor(url) : null, deadlineMs: SIMULATION_DEADLINE_MS, onLate: ({ verdict }) => joined(verdict) },
    },
  ).catch((error: unknown) => notFinished(`The analysis failed (${String(error)}).`));
  const verdict = await Promise.race([analysis, deadline]);
  return verdict.assetChanges?.state === 'late' ? { verdict, later } : { verdict };
}
