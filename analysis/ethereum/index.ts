// The analysis entry point: normalize → decode → gather on-chain facts → rules → verdict.
// Never throws: whatever goes wrong becomes a finding, and a guarded request that could not be
// examined never comes out as `allow`.
import type { Address, Hex } from 'viem';
import { gatherFacts, type Facts } from './context/facts';
import { leadCounterparty } from './counterparty';
import type { AddressHistory } from './context/history';
import type { ChainReader } from './context/chain-reader';
import type { Action } from './decode/actions';
import { decodeRequest } from './decode';
import { normalizeRequest, signerOf } from './normalize/request';
import { readAddress, readChainId, tryRead } from './normalize/values';
import { runRules, stepFailed } from '../findings/runner';
import { makeVerdict } from '../findings/verdict';
import { actionRules, addressListRules, DESCRIBING, inputRules, modelRules, type ModelAnswer, type RuleContext } from './rules';
import type { Finding, RequestOrigin, Verdict, WalletRequest } from '../types';
import { scoreSite, siteModelRules } from '../site/model-findings';
import { frameRules, siteListRules, siteNameRules, type PageContext } from '../site/site-rules';
import type { SiteRisk } from '../site/site-risk';
import { settleSimulation, startSimulation, type PendingSimulation, type SimulationOptions } from './simulate';
import { TIME_BUDGET } from '../../common/time-budget';
import { withTimeout } from '../../common/timeout';

export interface AnalysisInput {
  /** JSON snapshot captured from the page; untrusted, may be malformed. */
  request: WalletRequest;
  /** From the browser, trusted. */
  origin: RequestOrigin;
  /** The wallet's current chain, if known. */
  chainId?: number;
  /**
   * The wallet was asked for its chain (the extension always asks): no chainId then means it did not
   * answer, and a transaction cannot be checked on chain. Offline callers (the CLI, fixtures) leave it out.
   */
  chainAsked?: boolean;
  /** The signer, if known (first account). */
  from?: string;
  /** The guard found the frame's built-ins changed by the page before it started: every request from it is held. */
  frameTampered?: string;
}

/** What the model sees of a request: the contract it talks to, the call, and what the chain said. */
export interface ContractScoreInput {
  chainId?: number;
  /** The target the call is sent to. */
  address: Address;
  /** Runtime code at the target; `0x` for a plain account. */
  bytecode: Hex;
  actions: Action[];
  /** Call data and value sent to the target. */
  calldata: Hex;
  value: bigint;
  /** The code an EIP-7702 account delegates to, when the chain said so. */
  delegatesTo?: Address;
}

/** The model's answer: a calibrated probability, its threshold, and 2–3 reasons in plain words. */
export interface ContractScoreResult {
  score: number;
  reasons: string[];
  /** At or above it the model calls the request likely malicious; without it the score is shown, never acted on. */
  threshold?: number;
  /** At or above the softer threshold: worth a second look. */
  elevated?: boolean;
  /** What drove the score, so the words can say where the risk is. */
  drivenBy?: ScoreSubject;
}

/** The contract's code and age, the request itself (the call, who gets what), or both. */
export type ScoreSubject = 'contract' | 'request' | 'both';

/**
 * What the model seam rejects with when there is no model to ask (its file missing or broken, a build
 * without one), as opposed to a model that is slow to answer. The first is lasting and the user is told
 * (`model.missing`, warn); the second is a note, since the rules still judged the request.
 */
export class ModelMissingError extends Error {
  override name = 'ModelMissingError';
}

export interface AnalysisDeps {
  /** On-chain context; absent => "unknown", and findings say so. */
  chain?: ChainReader | null;
  /** Bytecode supplied by the caller (scan CLI): address -> hex. Takes precedence over `chain`. */
  code?: Record<string, string>;
  /** Addresses the user has sent to before (address poisoning). */
  history?: AddressHistory;
  /** ms since epoch, for deadlines (tests pass a fixed value). */
  now?: number;
  /** Per RPC call; default TIME_BUDGET.unhurriedRpcMs. */
  timeoutMs?: number;
  /** Rule ids to switch off. */
  disabledRules?: readonly string[];
  /** Seam for the model: a score in [0, 1] for the request and the contract it talks to. */
  scoreContract?: (input: ContractScoreInput) => Promise<ContractScoreResult>;
  /** Phishing site and drainer address lists, look-alike checks and the domain model (analysis/site). */
  site?: SiteRisk;
  /** Simulate the request for its asset changes (analysis/ethereum/simulate); absent => no simulation step. */
  simulation?: SimulationOptions;
}

export async function analyzeRequest(input: AnalysisInput, deps: AnalysisDeps = {}): Promise<Verdict> {
  try {
    return await analyze(input, deps);
  } catch (error) {
    return makeVerdict(stepFailed({ what: 'the analysis failed', error }));
  }
}

async function analyze(input: AnalysisInput, deps: AnalysisDeps): Promise<Verdict> {
  const now = deps.now ?? Date.now();
  const method = typeof input?.request?.method === 'string' ? input.request.method : '(none)';
  const { request, error, notes, differences } = normalizeRequest(input?.request);
  const chainId = input.chainId === undefined || input.chainId === null ? undefined : tryRead(() => readChainId(input.chainId));
  const signer = tryRead(() => readAddress(input.from, 'from')) ?? (request ? signerOf(request) : undefined);
  const findings: Finding[] = [];

  let actions: Action[] = [];
  if (request) {
    try {
      actions = decodeRequest(request, signer);
    } catch (e) {
      findings.push(...stepFailed({ what: 'the request could not be decoded', error: e }));
    }
  }

  // Started before the other steps and settled after them: it is the slowest step and has its own deadline.
  const simulation: PendingSimulation | undefined =
    deps.simulation && request
      ? startSimulation({ request, actions, signer, chainId, simulator: deps.simulation.simulator, reader: deps.chain, disabledRules: deps.disabledRules })
      : undefined;

  const facts = await gatherFacts(actions, { chain: deps.chain, code: deps.code, chainId, signer, timeoutMs: deps.timeoutMs ?? TIME_BUDGET.unhurriedRpcMs }).catch(
    (e: unknown): Facts => {
      findings.push(...stepFailed({ what: 'on-chain details could not be gathered', error: e }));
      return { chainId, unavailable: ['on-chain details'], online: false, address: (a) => ({ address: a, code: 'unknown' }), token: () => undefined };
    },
  );

  const origin = input.origin ?? { origin: '' };
  const ctx: RuleContext = { method, request, readError: error, notes, differences, actions, facts, origin, chainId, chainUnknown: !!input.chainAsked && chainId === undefined, signer, history: deps.history, site: deps.site, now };
  const page: PageContext = { origin, site: deps.site, frameTampered: input.frameTampered };
  const disabled = new Set(deps.disabledRules ?? []);
  // The page's rules (chain-neutral) among the request's, in the order findings have always been listed:
  // the input checks, the frame, the site's lists, the request's addresses on the lists, the site's name, the rest.
  findings.push(
    ...runRules(inputRules, ctx, disabled),
    ...runRules(frameRules, page, disabled),
    ...runRules(siteListRules, page, disabled),
    ...runRules(addressListRules, ctx, disabled),
    ...runRules(siteNameRules, page, disabled),
    ...runRules(actionRules, ctx, disabled),
  );
  if (!disabled.has('site.model')) {
    const siteScore = await scoreSite(origin, deps.site);
    // What the models answer is never switched off rule by rule: a model that is missing or failed is said.
    if (siteScore) findings.push(...runRules(siteModelRules, siteScore));
  }
  const answer = await askModel(actions, facts, chainId, deps, findings);
  if (answer) findings.push(...runRules(modelRules, answer));
  const score = answer?.kind === 'scored' ? answer.result.score : null;
  const counterparty = leadCounterparty(actions, facts, signer, deps.site);
  return settleSimulation(makeVerdict(findings, { score, describing: DESCRIBING, counterparty }), simulation, deps.simulation ?? {});
}

/** The model's answer on the contract the request talks to, read against the findings so far; undefined when there is nothing to score. */
async function askModel(actions: Action[], facts: Facts, chainId: number | undefined, deps: AnalysisDeps, findings: Finding[]): Promise<ModelAnswer | undefined> {
  if (!deps.scoreContract) return undefined;
  const input = modelInput(actions, facts, chainId);
  if (!input) return undefined;
  let result: ContractScoreResult;
  try {
    const scoreContract = deps.scoreContract;
    result = await withTimeout(() => scoreContract(input), TIME_BUDGET.modelScoreMs);
    if (typeof result?.score !== 'number' || !Number.isFinite(result.score)) throw new Error('the model gave no score');
  } catch (error) {
    return { kind: error instanceof ModelMissingError ? 'missing' : 'failed', error };
  }
  const { address } = input;
  return {
    kind: 'scored',
    address,
    result,
    knownAndClean: !!facts.address(address).known && findings.every((f) => f.severity === 'info'),
    rulesQuestion: findings.some((f) => f.severity !== 'info'),
  };
}

/** The top-level call the request makes (an unknown target first in a batch), as the model was trained to see it. */
function modelInput(actions: Action[], facts: Facts, chainId: number | undefined): ContractScoreInput | undefined {
  const calls = actions.filter((a): a is Extract<Action, { kind: 'call' }> => a.kind === 'call' && a.depth === 0 && !!a.to);
  const call = calls.find((c) => !facts.address(c.to!).known) ?? calls[0];
  if (!call?.to) return undefined;
  const target = facts.address(call.to);
  const bytecode = target.bytecode ?? (target.code === 'eoa' ? '0x' : undefined);
  if (bytecode === undefined) return undefined;
  // Who receives what is not the model's to weigh: how new a spender is, or whether it is a plain
  // account, are chain facts the rules state in words the user can check (issue 18).
  return {
    chainId,
    address: call.to,
    bytecode,
    actions,
    calldata: call.data,
    value: call.value,
    ...(target.delegatesTo ? { delegatesTo: target.delegatesTo } : {}),
  };
}

export { createRpcChainReader, type ChainReader, type RpcChainReaderOptions, type TokenInfo } from './context/chain-reader';
export { createMemoryHistory, type AddressHistory } from './context/history';
export { rules } from './rules';
export { ANALYSED_METHODS } from './normalize/methods';
export type { Rule, RuleContext, RuleHit } from './rules';
export { lateSimulationVerdict, makeVerdict, unfinishedVerdict } from '../findings/verdict';
export { createRpcSimulator, joinSimulation, simulateRequest, type AssetChangesReport, type SimulationOptions, type SimulationOutcome, type SimulationResult, type Simulator } from './simulate';
export type { Finding, RequestOrigin, Severity, Verdict, VerdictKind, WalletRequest } from '../types';
export { createSiteRisk, type SiteRisk, type SiteListData, type DomainScore, type ListSource } from '../site/site-risk';
