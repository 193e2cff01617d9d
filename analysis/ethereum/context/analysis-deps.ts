// How the analysis is wired to a chain source, the site lists and the models: one place for the
// background (entrypoints/background/judge.ts, which adds its deadline), the evaluation in Node (eval/deps.ts) and the
// scan CLI (scripts/scan.ts).
import { createPublicClient, http } from 'viem';
import type { AnalysisDeps, SiteRisk } from '..';
import { createRpcChainReader, type ChainReader } from './chain-reader';
import type { AddressHistory } from './history';
import { createRpcSimulator } from '../simulate/rpc-simulator';
import type { Simulator } from '../simulate/types';
import type { ChainSource } from './chain-sources';
import type { CodeSource } from '../../../model/score-contract';
import { TIME_BUDGET } from '../../../common/time-budget';

const readers = new Map<string, ChainReader>();
const simulators = new Map<string, Simulator>();

function memo<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

function readerFor(url: string, timeoutMs: number): ChainReader {
  return memo(readers, `${timeoutMs} ${url}`, () => createRpcChainReader(url, { timeoutMs }));
}

/** One simulator per endpoint, sharing the reader's token metadata cache and remembering what the node lacks. */
function simulatorFor(url: string, timeoutMs: number): Simulator {
  return memo(simulators, `${timeoutMs} ${url}`, () => createRpcSimulator(url, { reader: readerFor(url, timeoutMs), timeoutMs }));
}

/** Reader, simulator and storage reads of one node, shared by every request that uses it. A CLI may wait longer per call than the background. */
export function nodeAt(url: string, timeoutMs: number = TIME_BUDGET.rpcMs): Pick<ChainSource, 'reader' | 'simulator' | 'getStorageAt'> {
  const client = createPublicClient({ transport: http(url, { timeout: timeoutMs, retryCount: 0 }) });
  return { reader: readerFor(url, timeoutMs), simulator: simulatorFor(url, timeoutMs), getStorageAt: (address, slot) => client.getStorageAt({ address, slot }) };
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
  /** Per RPC call; the background's TIME_BUDGET.rpcMs unless a CLI asks for longer. */
  timeoutMs?: number;
  /** How long the verdict waits for the simulation; the background's TIME_BUDGET.simulationMs unless no dapp is waiting. */
  simulationDeadlineMs?: number;
}

export function analysisDeps({ source, history, site, scoreContract, onLate, timeoutMs = TIME_BUDGET.rpcMs, simulationDeadlineMs = TIME_BUDGET.simulationMs }: DepsParts): AnalysisDeps {
  return {
    chain: source?.reader ?? null,
    history,
    site,
    timeoutMs,
    scoreContract,
    simulation: { simulator: source?.simulator ?? null, deadlineMs: simulationDeadlineMs, ...(onLate ? { onLate } : {}) },
  };
}
