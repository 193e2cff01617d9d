// The simulation step of the analysis: from a normalized request to the asset changes it would
// cause, and the findings the simulation rules draw from them. The analysis runs it in parallel with
// its other steps under a deadline; the background can also run it on its own (`simulateRequest`)
// and fold a late result into a verdict it has already shown (`joinSimulation`).
import type { Address } from 'viem';
import type { ChainReader } from '../context/chain-reader';
import { decodeRequest } from '../decode';
import type { Action } from '../decode/actions';
import { normalizeRequest, signerOf, type NormalizedRequest, type TxRequest } from '../normalize/request';
import { readAddress, readChainId, tryRead } from '../normalize/values';
import { checkSimulation } from '../rules/simulation';
import type { Finding, RequestOrigin, Verdict, WalletRequest } from '../../types';
import { makeVerdict } from '../../findings/verdict';
import { DESCRIBING } from '../rules';
import { TIME_BUDGET } from '../../../common/time-budget';
import { NoAnswer, withTimeout } from '../../../common/timeout';
import { signatureChanges } from './signature';
import type { AssetChangesReport, SimulationResult, Simulator } from './types';

export interface SimulationOptions {
  /** Runs transactions; without one, transactions are reported as not simulated. Signatures need none. */
  simulator?: Simulator | null;
  /** How long the analysis waits for the simulation before answering without it; default TIME_BUDGET.simulationMs. */
  deadlineMs?: number;
  /** Called once when a simulation that missed the deadline finishes, with the verdict it joined. */
  onLate?: (update: { verdict: Verdict; outcome: SimulationOutcome }) => void;
}

export interface SimulationOutcome {
  assetChanges: AssetChangesReport;
  /** Findings of the simulation rules (ids `simulation.*`). */
  findings: Finding[];
}

export interface SimulationStepInput {
  request: NormalizedRequest;
  actions: readonly Action[];
  signer?: Address;
  chainId?: number;
  simulator?: Simulator | null;
  /** Token metadata for signatures; the analysis's chain reader. */
  reader?: ChainReader | null;
  disabledRules?: readonly string[];
}

/** Undefined when the request moves nothing by itself (a login message, a chain switch). Never rejects. */
export async function runSimulationStep(input: SimulationStepInput): Promise<SimulationOutcome | undefined> {
  let result: SimulationResult | undefined;
  try {
    result = await simulate(input);
  } catch (error) {
    result = notSimulated(input, `the simulation failed (${String((error as Error)?.message ?? error).slice(0, 160)})`);
  }
  if (!result) return undefined;
  const findings = checkSimulation({ simulation: result, actions: input.actions, chainId: input.chainId }, new Set(input.disabledRules ?? []));
  return { assetChanges: { state: result.outcome === 'unavailable' ? 'unavailable' : 'complete', result, ...(result.reason ? { reason: result.reason } : {}) }, findings };
}

async function simulate(input: SimulationStepInput): Promise<SimulationResult | undefined> {
  const { request, signer, chainId, simulator } = input;
  if (request.kind === 'typed-data' || request.kind === 'typed-data-legacy') return signatureChanges(input.actions, signer, input.reader ?? undefined, chainId);
  if (request.kind !== 'transaction' && request.kind !== 'calls') return undefined;
  const calls: TxRequest[] = request.kind === 'transaction' ? [request.tx] : request.calls;
  if (calls.length === 0) return undefined;
  if (!simulator) return notSimulated(input, 'no network connection is configured for this chain');
  const from = signer ?? calls[0]?.from;
  if (!from) return notSimulated(input, 'the sender of the transaction is not known');
  if (calls.some((c) => c.from && c.from.toLowerCase() !== from.toLowerCase())) return notSimulated(input, 'the calls come from different senders');
  // The authorization changes the code of the account before the call runs; without applying it the
  // simulation would show a different transaction.
  if (calls.some((c) => c.authorizationList?.length)) return notSimulated(input, 'the transaction changes the code of your account (EIP-7702), which the simulation does not apply');
  return simulator.simulate({ from, chainId, calls: calls.map((c) => ({ to: c.to, value: c.value, data: c.data })) });
}

function notSimulated(input: SimulationStepInput, reason: string): SimulationResult {
  const calls = input.request.kind === 'transaction' ? [input.request.tx] : input.request.kind === 'calls' ? input.request.calls : [];
  return { outcome: 'unavailable', when: 'now', via: 'none', signer: input.signer, targets: calls.flatMap((c) => (c.to ? [c.to] : [])), changes: [], movements: [], approvals: [], parties: {}, reason, notes: [] };
}

export interface PendingSimulation {
  outcome: Promise<SimulationOutcome | undefined>;
  startedAt: number;
}

/** Starts the step at once; the analysis settles it after its other steps (`settleSimulation`). */
export function startSimulation(input: SimulationStepInput): PendingSimulation {
  return { outcome: runSimulationStep(input), startedAt: Date.now() };
}

/** Waits for the simulation until its deadline. In time: the verdict carries it. Late: the verdict says
 *  so, and `onLate` receives the joined verdict when the simulation finishes. */
export async function settleSimulation(verdict: Verdict, pending: PendingSimulation | undefined, options: SimulationOptions): Promise<Verdict> {
  if (!pending) return verdict;
  const deadlineMs = options.deadlineMs ?? TIME_BUDGET.simulationMs;
  const left = pending.startedAt + deadlineMs - Date.now();
  const LATE: unique symbol = Symbol('late');
  const first = await withTimeout(pending.outcome, Math.max(0, left)).catch((error: unknown): typeof LATE => {
    if (error instanceof NoAnswer) return LATE;
    throw error;
  });
  if (first !== LATE) return joinSimulation(verdict, first);
  const late = makeVerdict(verdict.findings, { score: verdict.score, describing: DESCRIBING, counterparty: verdict.counterparty, assetChanges: { state: 'late', reason: `the simulation took longer than ${deadlineMs} ms` } });
  void pending.outcome.then((outcome) => {
    if (!outcome) return;
    try {
      options.onLate?.({ verdict: joinSimulation(late, outcome), outcome });
    } catch {
      // A failing listener must not surface as an unhandled rejection in the service worker.
    }
  });
  return late;
}

export interface SimulateRequestInput {
  request: WalletRequest;
  origin?: RequestOrigin;
  chainId?: number;
  from?: string;
}

/** The simulation alone, for the background to run (again) when it was late or the worker restarted. */
export async function simulateRequest(
  input: SimulateRequestInput,
  deps: { simulator?: Simulator | null; chain?: ChainReader | null; disabledRules?: readonly string[] },
): Promise<SimulationOutcome | undefined> {
  const { request } = normalizeRequest(input?.request);
  if (!request) return undefined;
  const chainId = input.chainId === undefined || input.chainId === null ? undefined : tryRead(() => readChainId(input.chainId));
  const signer = tryRead(() => readAddress(input.from, 'from')) ?? signerOf(request);
  let actions: Action[] = [];
  try {
    actions = decodeRequest(request, signer);
  } catch {
    // The simulation does not need the decoded calls; the rules just see fewer of them.
  }
  return runSimulationStep({ request, actions, signer, chainId, simulator: deps.simulator, reader: deps.chain, disabledRules: deps.disabledRules });
}

/** A verdict with a (late) simulation folded in: its findings replace earlier simulation findings. */
export function joinSimulation(verdict: Verdict, outcome: SimulationOutcome | undefined): Verdict {
  if (!outcome) return verdict;
  const others = verdict.findings.filter((f) => !f.id.startsWith('simulation.'));
  return makeVerdict([...others, ...outcome.findings], { score: verdict.score, describing: DESCRIBING, counterparty: verdict.counterparty, assetChanges: outcome.assetChanges });
}

export { createRpcSimulator, type RpcSimulatorOptions } from './rpc-simulator';
export type { ApprovalChange, AssetChange, AssetChangesReport, AssetMovement, SimulatedAsset, SimulationRequest, SimulationResult, Simulator } from './types';
