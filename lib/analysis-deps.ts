// How the analysis is wired to a chain source, the site lists and the models: one place for the
// background (lib/judge.ts, which adds its deadline) and for the evaluation in Node (eval/deps.ts).
import { createPublicClient, http } from 'viem';
import type { AnalysisDeps, SiteRisk } from '../analysis';
import { createRpcChainReader, type ChainReader } from '../analysis/context/chain-reader';
import type { AddressHistory } from '../analysis/context/history';
import { createRpcSimulator } from '../analysis/simulate/rpc-simulator';
import type { Simulator } from '../analysis/simulate/types';
import type { ChainSource } from './chain-sources';
import type { CodeSource } from './score-contract';
import { TIME_BUDGET } from '../common/time-budget';

const readers = new Map<string, ChainReader>();
const simulators = new Map<string, Simulator>();

function readerFor(url: string): ChainReader {
  let reader = readers.get(url);
  if (!reader) {
    reader = createRpcChainReader(url, { timeoutMs: TIME_BUDGET.rpcMs });
    readers.set(url, reader);
  }
  return reader;
}

/** One simulator per endpoint, sharing the reader's token metadata cache and remembering what the node lacks. */
function simulatorFor(url: string): Simulator {
  let simulator = simulators.get(url);
  if (!simulator) {
    simulator = createRpcSimulator(url, { reader: readerFor(url), timeoutMs: TIME_BUDGET.rpcMs });
    simulators.set(url, simulator);
  }
  return simulator;
}

/** Reader, simulator and storage reads of one node, shared by every request that uses it. */
export function nodeAt(url: string): Pick<ChainSource, 'reader' | 'simulator' | 'getStorageAt'> {
  const client = createPublicClient({ transport: http(url, { timeout: TIME_BUDGET.rpcMs, retryCount: 0 }) });
  return { reader: readerFor(url), simulator: simulatorFor(url), getStorageAt: (address, slot) => client.getStorageAt({ address, slot }) };
}

/** Reads for resolving a proxy to its implementation: code through the analysis' cached reader, plus one storage slot. */
export function codeSourceFor(source: ChainSource | undefined): CodeSource {
  if (!source) return {};
  return { getCode: (address) => source.reader.getCode(address), getStorageAt: (address, slot) => source.getStorageAt(address, slot) };
}

export interface DepsParts {
  /** Where the chain is read from; none means no node at all. */
  source?: ChainSource;
  history: AddressHistory;
  /** Absent while the lists load: the site rules stay silent. */
  site?: SiteRisk;
  scoreContract: NonNullable<AnalysisDeps['scoreContract']>;
  /** Called with the verdict a late simulation joins. */
  onLate?: NonNullable<AnalysisDeps['simulation']>['onLate'];
}

export function analysisDeps({ source, history, site, scoreContract, onLate }: DepsParts): AnalysisDeps {
  return {
    chain: source?.reader ?? null,
    history,
    site,
    timeoutMs: TIME_BUDGET.rpcMs,
    scoreContract,
    simulation: { simulator: source?.simulator ?? null, deadlineMs: TIME_BUDGET.simulationMs, ...(onLate ? { onLate } : {}) },
  };
}
