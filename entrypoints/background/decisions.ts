// The life of a request that waits on the user: its pending entry and confirm window, what the window
// may read and decide, and the one decision delivered to the frame that asked, whoever settles it
// first (a click, the window closing, the tab closing, no window at all). The browser calls it makes
// are injected, so the whole life can be played in memory (decisions.test.ts).
import { browser, type Browser } from '#imports';
import type { Verdict } from '../../analysis/types';
import { recordDecision, requestForHistory, type DecidedBy } from '../../common/decision-history';
import type { AnalyzeResponse, ConfirmDecideMessage, DecisionMessage, PendingView } from '../../common/messages';
import { claimPending, getPending, releasePending, savePending, updatePending, allPending, type PendingEntry } from '../../common/pending-store';
import { sendToFrame, type FrameTarget } from '../../common/protocol';
import { settingItems } from '../../common/settings';
import { rememberRecipient } from './sent-addresses';

const CONFIRM_PAGE = '/confirm.html';
const WINDOW_SIZE = { width: 440, height: 680 };
export const NO_WINDOW = 'The transaction firewall could not open its window to ask you.';

type Sender = Browser.runtime.MessageSender;

/** Every browser call a decision makes, in one object so a test can play the whole life in memory. */
export interface DecisionBrowser {
  /** Tells the frame that asked; settles once its bridge has handled it or the frame is gone, never rejects. */
  tellFrame(entry: PendingEntry, message: DecisionMessage): Promise<void>;
  /** The confirm window for a request, or null when none could be opened. */
  openConfirmWindow(requestId: string): Promise<{ id?: number } | null>;
  closeWindow(windowId: number): Promise<void>;
  isWindowOpen(windowId: number): Promise<boolean>;
  /** True for a message sent by this extension's confirm page. */
  isConfirmPage(sender: Sender): boolean;
}

/** The document that made a request (the frame, when the browser gives no document id). */
export function frameOf(place: { documentId?: string; frameId: number }): FrameTarget {
  return place.documentId ? { documentId: place.documentId } : { frameId: place.frameId };
}

export const extensionBrowser: DecisionBrowser = {
  tellFrame: (entry, message) => sendToFrame(entry.tabId, frameOf(entry), message).then(() => {}, () => {}),
  openConfirmWindow: (requestId) =>
    browser.windows.create({ url: `${browser.runtime.getURL(CONFIRM_PAGE)}?id=${requestId}`, type: 'popup', focused: true, ...WINDOW_SIZE }).then((w) => w ?? null, () => null),
  closeWindow: (windowId) => browser.windows.remove(windowId).catch(() => {}),
  isWindowOpen: (windowId) => browser.windows.get(windowId).then((w) => !!w, () => false),
  isConfirmPage: (sender) => sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL(CONFIRM_PAGE)),
};

export type Decisions = ReturnType<typeof createDecisions>;

export function createDecisions(b: DecisionBrowser = extensionBrowser) {
  /**
   * Delivers a decision once: the first caller claims the entry, later ones find nothing. The dapp is
   * answered and the window closed before the bookkeeping, which may wait behind other decisions.
   */
  async function settle(requestId: string, action: 'forward' | 'reject', decidedBy: DecidedBy): Promise<boolean> {
    const entry = await claimPending(requestId);
    if (!entry) return false;
    // Resolves once the bridge has handled it (or the frame is gone); only then may status say "unknown".
    await b.tellFrame(entry, { type: 'decision', guardId: entry.guardId, requestId, action });
    await releasePending(requestId);
    if (entry.windowId !== undefined) await b.closeWindow(entry.windowId);
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

  /** Puts a request to the user: saved, then its window opened. `later` is a simulation that missed its deadline. */
  async function ask(entry: PendingEntry, later?: Promise<Verdict>): Promise<AnalyzeResponse> {
    const { requestId } = entry;
    await savePending(entry);
    // A late simulation joins the pending decision when it finishes; the window shows it.
    void later?.then((joined) => updatePending(requestId, { verdict: joined }));
    const window = await b.openConfirmWindow(requestId);
    if (!window) {
      // No window, no one to decide: refused and recorded now rather than left pending for ever.
      await settle(requestId, 'reject', 'error');
      return { type: 'decided', action: 'reject', message: NO_WINDOW };
    }
    // The request may have been decided (the tab closed, the user quick) while the window was being
    // created; settle() could not close a window it did not know of, so it is closed here.
    const known = await updatePending(requestId, { windowId: window.id });
    if (!known && window.id !== undefined) await b.closeWindow(window.id);
    // Closed before its id was saved, the window's closing could not be matched: rejected now, or it waits forever.
    else if (window.id !== undefined && !(await b.isWindowOpen(window.id))) await settle(requestId, 'reject', 'window-closed');
    return { type: 'pending', requestId };
  }

  /** The entry, for the confirm window opened for this very request and no other page. */
  async function entryFor(requestId: string, sender: Sender): Promise<PendingEntry | undefined> {
    if (!b.isConfirmPage(sender)) return undefined;
    const entry = await getPending(requestId);
    return entry && (entry.windowId === undefined || sender.tab?.windowId === entry.windowId) ? entry : undefined;
  }

  /** What the confirm window shows: the entry without where in the browser it came from. */
  async function view(requestId: string, sender: Sender): Promise<PendingView | null> {
    const entry = await entryFor(requestId, sender);
    if (!entry) return null;
    const { guardId: _g, tabId: _t, frameId: _f, documentId: _d, windowId: _w, ...shown } = entry;
    return shown;
  }

  async function decide({ requestId, decision, trustSite }: ConfirmDecideMessage, sender: Sender): Promise<boolean> {
    const entry = await entryFor(requestId, sender);
    if (!entry) return false;
    // "Trust this site" is offered for warn-level verdicts only; a block is never silenced this way.
    if (decision === 'continue' && trustSite && entry.verdict.verdict === 'warn') {
      const trusted = await settingItems.trustedSites.getValue();
      const site = entry.requester ?? entry.origin;
      if (!trusted.includes(site)) await settingItems.trustedSites.setValue([...trusted, site]);
    }
    return settle(requestId, decision === 'continue' ? 'forward' : 'reject', 'user');
  }

  async function windowClosed(windowId: number): Promise<void> {
    for (const entry of await allPending()) {
      if (entry.windowId === windowId) await settle(entry.requestId, 'reject', 'window-closed');
    }
  }

  async function tabClosed(tabId: number): Promise<void> {
    for (const entry of await allPending()) {
      if (entry.tabId === tabId) await settle(entry.requestId, 'reject', 'tab-closed');
    }
  }

  return { ask, view, decide, windowClosed, tabClosed };
}

/** Closing the confirm window rejects its request; closing a tab rejects every request of the tab. */
export function settleOnClose(decisions: Decisions): void {
  browser.windows.onRemoved.addListener((windowId) => decisions.windowClosed(windowId));
  browser.tabs.onRemoved.addListener((tabId) => decisions.tabClosed(tabId));
}
