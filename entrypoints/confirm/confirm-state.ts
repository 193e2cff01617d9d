// State of the confirm window: the pending request as the background holds it, or a past decision
// from the history when the window is opened from the popup.
import { create } from 'zustand';
import type { Decision, PendingView } from '../../common/messages';
import { sendToBackground } from '../../common/protocol';
import { TIME_BUDGET } from '../../common/time-budget';
import { historyItem, readDetails, type HistoryEntry } from '../../common/decision-history';
import { watchPending } from '../../common/pending-store';

export interface Shown {
  view: PendingView;
  /** Set when showing a past decision rather than a pending one. */
  past?: HistoryEntry;
  /** The request as the history kept it (possibly cut). */
  pastRequestJson?: string;
}

interface ConfirmState {
  shown: Shown | null | undefined;
  busy: boolean;
  load(requestId: string): Promise<void>;
  loadPast(requestId: string): Promise<void>;
  decide(requestId: string, decision: Decision, trustSite?: boolean): Promise<void>;
}

/** A simulation that missed its deadline joins the pending entry when it finishes; till then the window watches it. */
const awaitsSimulation = (view: PendingView | null) => view?.verdict.assetChanges?.state === 'late';

/**
 * The background's view of the request. No answer at all (undefined, or no receiver: a worker stopped
 * as the window opened) is asked again, so the window does not say "no longer waiting" of a request
 * that still is; the background's refusal (null) is final.
 */
async function askView(requestId: string): Promise<PendingView | null> {
  for (const delay of [0, ...TIME_BUDGET.viewRetryDelaysMs]) {
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const reply = await sendToBackground({ type: 'confirm/get', requestId }).catch(() => undefined);
    if (reply !== undefined) return reply;
  }
  return null;
}

export const useConfirmStore = create<ConfirmState>((set, get) => ({
  shown: undefined,
  busy: false,
  async load(requestId) {
    let asked = 0;
    let shownAsk = 0;
    // The view comes from the background (only this request's window may read it), asked again on every change.
    const show = async () => {
      const ask = ++asked;
      const view = await askView(requestId);
      // An older answer arriving after a newer one must not put the late verdict back.
      if (ask < shownAsk || get().busy) return;
      shownAsk = ask;
      set({ shown: view ? { view } : null });
      if (!awaitsSimulation(view)) unwatch();
    };
    // Watching starts before the first read, so a simulation that joins in between is not missed.
    const unwatch = watchPending(requestId, () => void show());
    await show();
  },
  async loadPast(requestId) {
    const entry = (await historyItem.getValue()).find((e) => e.requestId === requestId);
    const details = entry?.hasDetails ? await readDetails(requestId) : undefined;
    if (!entry || !details) return set({ shown: null });
    let request: PendingView['request'] = { method: entry.method };
    try {
      request = JSON.parse(details.requestJson);
    } catch {
      // A request cut for the history is shown as text below.
    }
    set({
      shown: {
        past: entry,
        pastRequestJson: details.requestJson,
        view: { requestId, origin: entry.origin, frameUrl: entry.frameUrl, method: entry.method, request, verdict: details.verdict, createdAt: entry.time },
      },
    });
  },
  async decide(requestId, decision, trustSite) {
    set({ busy: true });
    await sendToBackground({ type: 'confirm/decide', requestId, decision, trustSite }).catch(() => {});
    window.close();
  },
}));
