// Runs the analysis for the background with a deadline. When the analysis cannot finish, the user
// is told so and decides: the result is at least `warn`, never a silent `allow`.
import { analyzeRequest, unfinishedVerdict, type AnalysisDeps } from '../../analysis/ethereum';
import type { RequestOrigin, Verdict, WalletRequest } from '../../analysis/types';
import { TIME_BUDGET } from '../../common/time-budget';
import { withTimeout } from '../../common/timeout';
import { analysisDeps, codeSourceFor, nodeAt } from '../../analysis/ethereum/context/analysis-deps';
import { chooseChainSource, type WalletRead } from '../../analysis/ethereum/context/chain-sources';
import type { CheckedOn } from '../../common/messages';
import { contractScorer } from './contract-model';
import { createScoreContract } from '../../model/score-contract';
import { loadSentAddresses } from './sent-addresses';
import { currentSiteRisk } from './site-lists';
import type { Settings } from '../../common/settings';

type ScoreContract = NonNullable<AnalysisDeps['scoreContract']>;

/** The model may use what is left of the deadline, never more: a slow model must not turn a verdict into "not checked". */
function beforeDeadline(score: ScoreContract, deadlineAt: number): ScoreContract {
  return (input) => {
    const left = deadlineAt - TIME_BUDGET.modelMarginMs - Date.now();
    if (left <= 0) return Promise.reject(new Error('no time was left to run it'));
    return withTimeout(() => score(input), left, 'it did not answer in time');
  };
}

/** A verdict, and when its simulation missed its deadline, the verdict it joins once it finishes. */
export interface Judgement {
  verdict: Verdict;
  later?: Promise<Verdict>;
  checkedOn?: CheckedOn;
}

export interface JudgeContext {
  origin: RequestOrigin;
  chainIdHex?: string;
  /** The user's choice of node per chain, from the settings the background already read for this request. */
  rpcUrls: Settings['rpcUrls'];
  /** Reads through the wallet the request was made to, for when no node answers. */
  walletRead?: WalletRead;
  /** What the guard found changed in the frame before it started. */
  frameTampered?: string;
}

export async function judge(request: WalletRequest, context: JudgeContext): Promise<Judgement> {
  const deadlineAt = Date.now() + TIME_BUDGET.analysisMs;
  const { origin, frameTampered } = context;
  const chainId = context.chainIdHex ? Number.parseInt(context.chainIdHex, 16) : undefined;
  const [history, site, choice] = await Promise.all([
    loadSentAddresses(),
    currentSiteRisk(),
    chooseChainSource(chainId, context.rpcUrls, context.walletRead, { forUrl: nodeAt, timeoutMs: TIME_BUDGET.rpcMs }),
  ]);
  const source = choice.source;
  let joined: (v: Verdict) => void = () => {};
  const later = new Promise<Verdict>((resolve) => (joined = resolve));
  const analysis = analyzeRequest(
    { request, origin, chainId, chainAsked: true, frameTampered },
    analysisDeps({
      source,
      history,
      site,
      scoreContract: beforeDeadline(createScoreContract(contractScorer, codeSourceFor(source)), deadlineAt),
      onLate: ({ verdict }) => joined(verdict),
    }),
  ).catch((error: unknown) => unfinishedVerdict(`The analysis failed (${String(error)}).`));
  const verdict = await withTimeout(analysis, TIME_BUDGET.analysisMs).catch(() => unfinishedVerdict(`The analysis took longer than ${TIME_BUDGET.analysisMs / 1000} seconds.`));
  const checkedOn = source ? { kind: source.kind, url: source.url, passedOver: choice.passedOver } : undefined;
  return { verdict, checkedOn, ...(verdict.assetChanges?.state === 'late' ? { later } : {}) };
}
