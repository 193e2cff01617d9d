// Wiring only: messages in, a verdict for each guarded request, pending decisions, confirm windows.
import { browser, defineBackground, type Browser } from '#imports';
import { lateSimulationVerdict } from '../../analysis/findings/verdict';
import type { Verdict } from '../../analysis/types';
import { recordDecision, requestForHistory, type DecidedBy } from '../../common/decision-history';
import { handle } from '../../analysis/policy';
import { readSettings, settingItems } from '../../common/settings';
import {
  parseContentMessage,
  parsePageMessage,
  type AnalyzeResponse,
  type BackgroundToContent,
  type ContentToBackground,
  type PageToBackground,
  type PendingView,
  type WalletReadAnswer,
} from '../../common/messages';
import type { WalletRead } from '../../analysis/ethereum/context/chain-sources';
import { allPending, claimPending, getPending, releasePending, savePending, updatePending, type PendingEntry } from '../../common/pending-store';
import { judge, type Judgement } from './judge';
import { startContractModel } from './contract-model';
import { startSiteRisk } from './site-lists';
import { watchNavigations } from './site-navigation';
import { rememberRecipient } from './sent-addresses';
import { requesterOrigin, senderPlace, type SenderPlace } from './sender-origin';
import { MAX_OPEN_PER_TAB, TOO_MANY_OPEN, createAnalysisCounter } from './open-requests';
import { reportTamper, watchTamperReports } from './tamper-store';
import { strings } from '../../components/strings';

const CONFIRM_PAGE = '/confirm.html';
const WINDOW_SIZE = { width: 440, height: 680 };
const analysis = createAnalysisCounter();

async function onAnalyze(message: ContentToBackground & { type: 'analyze' }, sender: Browser.runtime.MessageSender): Promise<AnalyzeResponse> {
  const place = senderPlace(sender);
  if (!place) return { type: 'decided', action: 'reject', message: 'The request did not come from a page.' };
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
    return await analyze(message, place);
  } finally {
    analysis.leave(place.tabId);
  }
}

/** The document that made a request (the frame, when the browser gives no document id). */
function documentOf(place: { documentId?: string; frameId: number }): { documentId: string } | { frameId: number } {
  return place.documentId ? { documentId: place.documentId } : { frameId: place.frameId };
}

/** Reads through the wallet of this very request, in the frame that made it, while it is being checked. */
function walletReadFor(place: SenderPlace, guardId: string): WalletRead {
  const target = documentOf(place);
  return async (method, params) => {
    const message: BackgroundToContent = { type: 'wallet-read', guardId, method, params };
    const answer = (await browser.tabs.sendMessage(place.tabId, message, target)) as WalletReadAnswer | undefined;
    return answer && ('result' in answer || typeof answer.error === 'string') ? answer : { error: 'the wallet did not answer', unreachable: true };
  };
}

async function analyze(message: ContentToBackground & { type: 'analyze' }, place: SenderPlace): Promise<AnalyzeResponse> {
  const requestId = crypto.randomUUID();
  const settings = await readSettings();
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
  const verdict = await settleLateAllow(judgement);
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
  const entry: PendingEntry = {
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
  };
  await savePending(entry);
  // A simulation that missed its deadline joins the pending decision when it finishes; the window shows it.
  void judgement.later?.then((joined) => updatePending(requestId, { verdict: joined }));
  const window = await browser.windows.create({
    url: `${browser.runtime.getURL(CONFIRM_PAGE)}?id=${requestId}`,
    type: 'popup',
    focused: true,
    ...WINDOW_SIZE,
  }).catch(() => null);
  if (!window) {
    // No window, no one to decide: refused and recorded now rather than left pending for ever.
    await settle(requestId, 'reject', 'error');
    return { type: 'decided', action: 'reject', message: 'The transaction firewall could not open its window to ask you.' };
  }
  // The request may have been decided (the tab closed, the user quick) while the window was being
  // created; settle() could not close a window it did not know of, so it is closed here.
  const known = await updatePending(requestId, { windowId: window.id });
  if (!known && window.id !== undefined) await browser.windows.remove(window.id).catch(() => {});
  // Closed before its id was saved, onRemoved could not match it: reject it now or it waits forever.
  else if (window.id !== undefined && !(await browser.windows.get(window.id).catch(() => null))) {
    await settle(requestId, 'reject', 'window-closed');
  }
  return { type: 'pending', requestId };
}

/** How long an `allow` waits for a late simulation before the user is asked instead. */
const LATE_ALLOW_WAIT_MS = 3000;

/**
 * Nothing is forwarded before its simulation is in: an `allow` whose simulation is late waits a little
 * longer, and if it is still missing, the user decides with that said.
 */
async function settleLateAllow({ verdict, later }: Judgement): Promise<Verdict> {
  if (!later || verdict.verdict !== 'allow') return verdict;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), LATE_ALLOW_WAIT_MS));
  const joined = await Promise.race([later, timeout]);
  return joined ?? lateSimulationVerdict(verdict);
}

/**
 * Delivers a decision once: the first caller claims the entry, later ones find nothing. The dapp is
 * answered and the window closed before the bookkeeping, which may wait behind other decisions.
 */
async function settle(requestId: string, action: 'forward' | 'reject', decidedBy: DecidedBy): Promise<boolean> {
  const entry = await claimPending(requestId);
  if (!entry) return false;
  const message: BackgroundToContent = { type: 'decision', guardId: entry.guardId, requestId, action };
  const target = documentOf(entry);
  // Resolves once the bridge has handled it (or the frame is gone); only then may status say "unknown".
  await browser.tabs.sendMessage(entry.tabId, message, target).catch(() => {});
  await releasePending(requestId);
  if (entry.windowId !== undefined) await browser.windows.remove(entry.windowId).catch(() => {});
  if (action === 'forward') void rememberRecipient(entry.request);
  await recordDecision(
    {
      requestId,
      time: Date.now(),
      origin: entry.origin,
      frameUrl: entry.frameUrl,
      method: entry.method,
      verdict: entry.verdict.verdict,
      summary: entry.verdict.summary,
      outcome: action === 'forward' ? 'forwarded' : 'rejected',
      decidedBy,
    },
    { verdict: entry.verdict, requestJson: requestForHistory(entry.request) },
  );
  return true;
}

function isConfirmPage(sender: Browser.runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL(CONFIRM_PAGE));
}

async function onPageMessage(message: PageToBackground, sender: Browser.runtime.MessageSender): Promise<unknown> {
  const entry = await getPending(message.requestId);
  // Only the confirm window opened for this very request may read or decide it.
  if (!entry || (entry.windowId !== undefined && sender.tab?.windowId !== entry.windowId)) return null;
  if (message.type === 'confirm/get') {
    const { guardId: _g, tabId: _t, frameId: _f, documentId: _d, windowId: _w, ...view } = entry;
    return view satisfies PendingView;
  }
  // "Trust this site" is offered for warn-level verdicts only; a block is never silenced this way.
  if (message.decision === 'continue' && message.trustSite && entry.verdict.verdict === 'warn') {
    const trusted = await settingItems.trustedSites.getValue();
    const site = entry.requester ?? entry.origin;
    if (!trusted.includes(site)) await settingItems.trustedSites.setValue([...trusted, site]);
  }
  return settle(message.requestId, message.decision === 'continue' ? 'forward' : 'reject', 'user');
}

async function onMessage(raw: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> {
  if (isConfirmPage(sender)) {
    const message = parsePageMessage(raw);
    return message ? onPageMessage(message, sender) : null;
  }
  const message = parseContentMessage(raw);
  if (!message) return null;
  switch (message.type) {
    case 'analyze':
      return onAnalyze(message, sender);
    case 'status':
      return { known: (await getPending(message.requestId)) !== undefined };
    case 'tamper': {
      const place = senderPlace(sender);
      if (place) await reportTamper(place.tabId, place.origin, message.what);
      return null;
    }
  }
}

export default defineBackground(() => {
  startContractModel();
  startSiteRisk();
  watchNavigations();
  watchTamperReports();
  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    onMessage(raw, sender).then(sendResponse, (error) => {
      console.error('Transaction firewall: message failed', error);
      sendResponse(null);
    });
    return true;
  });

  // Closing the confirm window is a rejection.
  browser.windows.onRemoved.addListener(async (windowId) => {
    for (const entry of await allPending()) {
      if (entry.windowId === windowId) await settle(entry.requestId, 'reject', 'window-closed');
    }
  });

  browser.tabs.onRemoved.addListener(async (tabId) => {
    for (const entry of await allPending()) {
      if (entry.tabId === tabId) await settle(entry.requestId, 'reject', 'tab-closed');
    }
  });
});
