// The analysis entry point: normalize → decode → gather on-chain facts → rules → verdict.
// Never throws: whatever goes wrong becomes a finding, and a guarded request that could not be
// examined never comes out as `allow`.
import type { Address, Hex } from 'viem';
import { gatherFacts, type Facts } from './context/facts';
import type { AddressHistory } from './context/history';
import type { ChainReader } from './context/chain-reader';
import type { Action } from './decode/actions';
import { decodeRequest } from './decode';
import { normalizeRequest, type NormalizedRequest } from './normalize/request';
import { readAddress, readChainId, tryRead } from './normalize/values';
import { rules as allRules, type Rule, type RuleContext } from './rules';
import type { Finding, RequestOrigin, Verdict, WalletRequest } from './types';
import { makeVerdict } from './verdict';

export interface AnalysisInput {
  /** JSON snapshot captured from the page; untrusted, may be malformed. */
  request: WalletRequest;
  /** From the browser, trusted. */
  origin: RequestOrigin;
  /** The wallet's current chain, if known. */
  chainId?: number;
  /** The signer, if known (first account). */
  from?: string;
}

/** What the model sees of a contract; the model engineer owns what it does with it. */
export interface ContractScoreInput {
  chainId?: number;
  address: Address;
  bytecode: Hex;
  actions: Action[];
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
  /** Per RPC call; default 4000. */
  timeoutMs?: number;
  /** Rule ids to switch off. */
  disabledRules?: readonly string[];
  /** Seam for the model: a score in [0, 1] for the contract the request talks to. */
  scoreContract?: (input: ContractScoreInput) => Promise<{ score: number; reasons: string[] }>;
}

export async function analyzeRequest(input: AnalysisInput, deps: AnalysisDeps = {}): Promise<Verdict> {
  try {
    return await analyze(input, deps);
  } catch (error) {
    return makeVerdict([internalError('the analysis failed', error)]);
  }
}

async function analyze(input: AnalysisInput, deps: AnalysisDeps): Promise<Verdict> {
  const now = deps.now ?? Date.now();
  const method = typeof input?.request?.method === 'string' ? input.request.method : '(none)';
  const { request, error, notes } = normalizeRequest(input?.request);
  const chainId = input.chainId === undefined || input.chainId === null ? undefined : tryRead(() => readChainId(input.chainId));
  const signer = tryRead(() => readAddress(input.from, 'from')) ?? (request ? signerOf(request) : undefined);
  const findings: Finding[] = [];

  let actions: Action[] = [];
  if (request) {
    try {
      actions = decodeRequest(request, signer);
    } catch (e) {
      findings.push(internalError('the request could not be decoded', e));
    }
  }

  const facts = await gatherFacts(actions, { chain: deps.chain, code: deps.code, chainId, signer, timeoutMs: deps.timeoutMs ?? 4_000 }).catch(
    (e: unknown): Facts => {
      findings.push(internalError('on-chain details could not be gathered', e));
      return { chainId, unavailable: ['on-chain details'], online: false, address: (a) => ({ address: a, code: 'unknown' }), token: () => undefined };
    },
  );

  const ctx: RuleContext = { method, request, readError: error, notes, actions, facts, origin: input.origin ?? { origin: '' }, chainId, signer, history: deps.history, now };
  const disabled = new Set(deps.disabledRules ?? []);
  for (const rule of allRules) {
    if (!disabled.has(rule.id)) findings.push(...runRule(rule, ctx));
  }

  const score = await scoreOf(actions, facts, chainId, deps, findings);
  return makeVerdict(findings, score);
}

function runRule(rule: Rule, ctx: RuleContext): Finding[] {
  try {
    return rule.check(ctx).map((hit) => ({ id: rule.id, severity: rule.severity, title: hit.title, detail: hit.detail, ...(hit.evidence ? { evidence: hit.evidence } : {}) }));
  } catch (error) {
    return [{ ...internalError(`the check "${rule.id}" failed`, error), evidence: { rule: rule.id, error: message(error) } }];
  }
}

function signerOf(request: NormalizedRequest): Address | undefined {
  switch (request.kind) {
    case 'transaction':
      return request.tx.from;
    case 'calls':
      return request.from ?? request.calls[0]?.from;
    case 'message':
    case 'typed-data':
    case 'typed-data-legacy':
      return request.address;
    default:
      return undefined;
  }
}

async function scoreOf(actions: Action[], facts: Facts, chainId: number | undefined, deps: AnalysisDeps, findings: Finding[]): Promise<number | null> {
  if (!deps.scoreContract) return null;
  const target = actions.find((a) => a.kind === 'call' && a.depth === 0 && a.to);
  const spender = actions.find((a) => a.kind === 'approval');
  const address = (spender?.kind === 'approval' ? spender.spender : target?.kind === 'call' ? target.to : undefined) as Address | undefined;
  const f = address ? facts.address(address) : undefined;
  if (!address || !f?.bytecode || f.known) return null;
  try {
    const { score, reasons } = await deps.scoreContract({ chainId, address, bytecode: f.bytecode, actions });
    findings.push({ id: 'model.score', severity: 'info', title: `Contract risk score ${score.toFixed(2)}`, detail: reasons.join('; ') || 'No reasons given.', evidence: { address, score } });
    return score;
  } catch (error) {
    findings.push({ id: 'model.unavailable', severity: 'info', title: 'The contract could not be scored', detail: message(error) });
    return null;
  }
}

function internalError(what: string, error: unknown): Finding {
  return {
    id: 'internal.error',
    severity: 'warn',
    title: 'The firewall could not fully examine this request',
    detail: `Internal error: ${what} (${message(error)}). The request was not fully checked, so treat it with care.`,
  };
}

function message(error: unknown): string {
  const e = error as { shortMessage?: string; message?: string };
  return (e?.shortMessage ?? e?.message ?? String(error)).split('\n')[0]!.slice(0, 200);
}

export { createRpcChainReader, type ChainReader, type RpcChainReaderOptions, type TokenInfo } from './context/chain-reader';
export { createMemoryHistory, type AddressHistory } from './context/history';
export { rules } from './rules';
export type { Rule, RuleContext, RuleHit } from './rules';
export { makeVerdict } from './verdict';
export type { Finding, RequestOrigin, Severity, Verdict, VerdictKind, WalletRequest } from './types';
