// A simulator over the user's RPC. It tries eth_simulateV1 first, remembers when a node does not
// offer a method so the next request goes straight to what works, and when nothing works says why
// instead of guessing.
import { createPublicClient, http, type PublicClient } from 'viem';
import { createRpcChainReader, type ChainReader, type NodeAddress } from '../context/chain-reader';
import { describe, netChanges } from './changes';
import { isTransportError, isUnsupportedMethod, shortMessage } from './errors';
import { runEthCall, runSimulateV1, runTraceCall, type Execution } from './strategies';
import type { SimulationRequest, SimulationResult, Simulator } from './types';
import { TIME_BUDGET } from '../../../common/time-budget';

export interface RpcSimulatorOptions {
  /** Token metadata and account code; pass the analysis's reader so both share one cache. */
  reader?: ChainReader;
  /** Per RPC call; default 4 s. */
  timeoutMs?: number;
  fetchOptions?: RequestInit;
}

type Strategy = 'eth_simulateV1' | 'debug_traceCall' | 'eth_call';
const ORDER: readonly Strategy[] = ['eth_simulateV1', 'debug_traceCall', 'eth_call'];
const RUN: Record<Strategy, (client: PublicClient, req: SimulationRequest) => Promise<Execution>> = {
  eth_simulateV1: runSimulateV1,
  debug_traceCall: runTraceCall,
  eth_call: runEthCall,
};

export function createRpcSimulator(node: NodeAddress, opts: RpcSimulatorOptions = {}): Simulator {
  const timeout = opts.timeoutMs ?? TIME_BUDGET.unhurriedRpcMs;
  const client: PublicClient = createPublicClient({ transport: typeof node === 'string' ? http(node, { timeout, retryCount: 0, fetchOptions: opts.fetchOptions }) : node });
  const reader = opts.reader ?? createRpcChainReader(node, { timeoutMs: timeout, fetchOptions: opts.fetchOptions });
  const unsupported = new Set<Strategy>();

  let servedChain: Promise<number | undefined> | undefined;
  const chainOfNode = (): Promise<number | undefined> => {
    servedChain ??= (reader.getChainId ? reader.getChainId() : client.getChainId()).catch(() => {
      servedChain = undefined; // asked again next time
      return undefined;
    });
    return servedChain;
  };

  const run = async (req: SimulationRequest): Promise<SimulationResult> => {
    const tried: string[] = [];
    for (const strategy of ORDER) {
      if (unsupported.has(strategy)) {
        tried.push(`${strategy} is not offered by this node`);
        continue;
      }
      if (strategy === 'debug_traceCall' && req.calls.length !== 1) {
        tried.push('debug_traceCall cannot run several calls in sequence');
        continue;
      }
      try {
        const execution = await RUN[strategy](client, req);
        return await toResult(execution, req, reader, tried);
      } catch (error) {
        if (isTransportError(error)) return unavailable(req, `the node did not answer (${shortMessage(error)})`, 'no-answer');
        if (isUnsupportedMethod(error)) {
          unsupported.add(strategy);
          tried.push(`${strategy} is not offered by this node`);
        } else tried.push(`${strategy} failed (${shortMessage(error)})`);
      }
    }
    return unavailable(req, tried.join('; '));
  };

  return {
    async simulate(req) {
      // Asked alongside the simulation, not before it, so it costs no extra round trip.
      const [served, result] = await Promise.all([req.chainId === undefined ? undefined : chainOfNode(), run(req)]);
      if (served !== undefined && served !== req.chainId) return unavailable(req, `the RPC serves chain ${served}, the wallet is on chain ${req.chainId}`, 'wrong-chain');
      return result;
    },
  };
}

async function toResult(execution: Execution, req: SimulationRequest, reader: ChainReader, tried: string[]): Promise<SimulationResult> {
  const base = baseResult(req);
  if (execution.changesUnknown) {
    return {
      ...base,
      via: execution.via,
      reason: `the node offers no way to see what the transaction moves (${tried.join('; ')}); it only confirms that the transaction would not fail`,
    };
  }
  const parts = { changes: netChanges(execution.movements, req.from), movements: execution.movements, approvals: execution.approvals };
  const described = await describe(parts, reader, req.chainId);
  const notes = ['Network fees (gas) are not included.', ...described.notes];
  if (tried.length > 0) notes.push(`Simulated with ${execution.via} because ${tried.join('; ')}.`);
  if (execution.revert && req.calls.length > 1) notes.push(`Call ${execution.revert.call + 1} fails; if the wallet runs the calls all-or-nothing, none of the changes happen.`);
  return {
    ...base,
    outcome: execution.revert ? 'reverted' : 'success',
    via: execution.via,
    changes: described.changes,
    movements: described.movements,
    approvals: described.approvals,
    parties: described.parties,
    ...(execution.revert ? { revert: execution.revert } : {}),
    ...(execution.blockNumber !== undefined ? { blockNumber: execution.blockNumber.toString() } : {}),
    notes,
  };
}

function baseResult(req: SimulationRequest): SimulationResult {
  return {
    outcome: 'unavailable',
    when: 'now',
    via: 'none',
    signer: req.from,
    targets: req.calls.flatMap((c) => (c.to ? [c.to] : [])),
    changes: [],
    movements: [],
    approvals: [],
    parties: {},
    notes: [],
  };
}

export function unavailable(req: SimulationRequest, reason: string, nodeFailure?: SimulationResult['nodeFailure']): SimulationResult {
  return { ...baseResult(req), reason, ...(nodeFailure ? { nodeFailure } : {}) };
}
