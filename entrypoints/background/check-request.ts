// A guarded request from a frame: judged, then forwarded, refused, or put to the user. Decides nothing
// that waits on the user; that is decisions.ts.
import type { Browser } from '#imports';
import { lateSimulationVerdict } from '../../analysis/findings/verdict';
import { handle } from '../../analysis/policy';
import type { Verdict } from '../../analysis/types';
import type { WalletRead } from '../../analysis/ethereum/context/chain-sources';
import { recordDecision, requestForHistory } from '../../common/decision-history';
import type { AnalyzeMessage, AnalyzeResponse } from '../../common/messages';
import { allPending } from '../../common/pending-store';
import { sendToFrame } from '../../common/protocol';
import { TIME_BUDGET } from '../../common/time-budget';
import { withTimeout } from '../../common/timeout';
import { strings } from '../../components/strings';
import { currentSettings } from './current-settings';
import { frameOf, type Decisions } from './decisions';
import { warmContractModel } from './contract-model';
import { judge, type Judgement } from './judge';
import { MAX_OPEN_PER_TAB, TOO_MANY_OPEN, createAnalysisCounter } from './open-requests';
import { rememberRecipient } from './sent-addresses';
import { requesterOrigin, senderPlace, type SenderPlace } from './sender-origin';
import { reportTamper } from './tamper-store';

const analysis = createAnalysisCounter();

export async function checkRequest(message: AnalyzeMessage, sender: Browser.runtime.MessageSender, decisions: Decisions): Promise<AnalyzeResponse> {
  const place = senderPlace(sender);
  if (!place) return { type: 'decided', action: 'reject', message: 'The request did not come from a page.' };
  // A dangerous request that woke the worker waits for the model (≤ modelReadyWaitMs): the load starts
  // now, beside the request's own reads (started only after the answer, the first warning after a
  // worker stop took 984 ms in one bench run).
  warmContractModel();
  // Counted in before the first await, so a burst of requests sees itself.
  const position = analysis.enter(place.tabId);
  try {
    const ofTab = (await allPending()).filter((e) => e.tabId === place.tabId);
    // The bridge asks again when a stopped worker lost its answer: the request already waiting is the one.
    const asked = ofTab.find((e) => e.guardId === message.guardId && e.documentId === place.documentId && e.frameId === place.frameId);
    if (asked) return { type: 'pending', requestId: asked.requestId };
    if (position + ofTab.length > MAX_OPEN_PER_TAB) {
      void reportTamper(place.tabId, place.origin, strings.tamper.flood);
      return { type: 'decided', action: 'reject', message: TOO_MANY_OPEN };
    }
    return await judgeAndHandle(message, place, decisions);
  } finally {
    analysis.leave(place.tabId);
  }
}

/** Reads through the wallet of this very request, in the frame that made it, while it is being checked. */
function walletReadFor(place: SenderPlace, guardId: string): WalletRead {
  return async (method, params) => {
    const answer = await sendToFrame(place.tabId, frameOf(place), { type: 'wallet-read', guardId, method, params });
    return answer && ('result' in answer || typeof answer.error === 'string') ? answer : { error: 'the wallet did not answer', unreachable: true };
  };
}

async function judgeAndHandle(message: AnalyzeMessage, place: SenderPlace, decisions: Decisions): Promise<AnalyzeResponse> {
  const requestId = crypto.randomUUID();
  const settings = await currentSettings();
  const base = { requestId, time: Date.now(), origin: place.origin, frameUrl: place.frameUrl, method: message.request.method };
  // The answer to the dapp never waits on bookkeeping: history and recipients are written after it.
  // A site's pause and trust cover the requests its own pages make; a frame of another origin inside
  // it (an ad, a widget, a page the site does not control) is judged as the site it is.
  const requester = requesterOrigin(place);
  if (!settings.protection || settings.pausedSites.includes(requester)) {
    void recordDecision({ ...base, verdict: 'allow', summary: 'Not checked: protection is off for this site.', outcome: 'forwarded', decidedBy: 'protection-off' });
    return { type: 'decided', action: 'forward' };
  }
  const judgement = await judge(message.request, {
    origin: { origin: place.origin, frameOrigin: place.frameOrigin },
    chainIdHex: message.chainId,
    rpcUrls: settings.rpcUrls,
    walletRead: walletReadFor(place, message.guardId),
    frameTampered: message.tampered,
  });
  const verdict = await awaitSimulationForAllow(judgement);
  const handling = handle(verdict, { sensitivity: settings.sensitivity, trusted: settings.trustedSites.includes(requester) });
  if (!handling.ask) {
    const decidedBy = handling.because === 'safe' ? 'verdict' : handling.because;
    void recordDecision(
      { ...base, verdict: verdict.verdict, summary: verdict.summary, outcome: 'forwarded', decidedBy },
      { verdict, requestJson: requestForHistory(message.request) },
    );
    void rememberRecipient(message.request);
    return { type: 'decided', action: 'forward' };
  }
  return decisions.ask(
    {
      requestId,
      guardId: message.guardId,
      tabId: place.tabId,
      frameId: place.frameId,
      documentId: place.documentId,
      origin: place.origin,
      frameUrl: place.frameUrl,
      requester,
      checkedOn: judgement.checkedOn,
      method: message.request.method,
      request: message.request,
      verdict,
      createdAt: Date.now(),
    },
    judgement.later,
  );
}

/**
 * Nothing is forwarded before its simulation is in: an `allow` whose simulation is late waits a little
 * longer, and if it is still missing, the user decides with that said.
 */
async function awaitSimulationForAllow({ verdict, later }: Judgement): Promise<Verdict> {
  if (!later || verdict.verdict !== 'allow') return verdict;
  const joined = await withTimeout(later, TIME_BUDGET.lateAllowWaitMs).catch(() => null);
  return joined ?? lateSimulationVerdict(verdict);
}
