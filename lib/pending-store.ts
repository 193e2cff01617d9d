// Requests waiting on the user, kept in session storage so that a service worker stopped and
// restarted while the confirm window is open still completes the decision.
import { browser } from '#imports';
import type { PendingView } from './messages';

export interface PendingEntry extends PendingView {
  guardId: string;
  tabId: number;
  frameId: number;
  documentId?: string;
  windowId?: number;
}

const PREFIX = 'pending:';

export async function savePending(entry: PendingEntry): Promise<void> {
  await browser.storage.session.set({ [PREFIX + entry.requestId]: entry });
}

export async function getPending(requestId: string): Promise<PendingEntry | undefined> {
  const key = PREFIX + requestId;
  const found = await browser.storage.session.get(key);
  return found[key] as PendingEntry | undefined;
}

/**
 * Ids taken in this worker's life, newest last. The claim is made before the first await, so of two
 * callers racing for one request (a click and the window closing) only one gets it; and an update
 * that lands after the take can see the entry is gone for good instead of writing it back.
 */
const taken = new Set<string>();
const TAKEN_KEPT = 1000;

function claim(requestId: string): boolean {
  if (taken.has(requestId)) return false;
  taken.add(requestId);
  if (taken.size > TAKEN_KEPT) taken.delete(taken.values().next().value!);
  return true;
}

/** Removes and returns the entry; the first caller gets it, so a decision is delivered once. */
export async function takePending(requestId: string): Promise<PendingEntry | undefined> {
  if (!claim(requestId)) return undefined;
  const entry = await getPending(requestId);
  if (entry) await browser.storage.session.remove(PREFIX + requestId);
  return entry;
}

/** Changes a waiting entry, and leaves nothing behind if it was decided meanwhile. */
export async function updatePending(requestId: string, change: (entry: PendingEntry) => PendingEntry): Promise<void> {
  const entry = await getPending(requestId);
  if (!entry || taken.has(requestId)) return;
  await savePending(change(entry));
  if (taken.has(requestId)) await browser.storage.session.remove(PREFIX + requestId);
}

export async function allPending(): Promise<PendingEntry[]> {
  const all = await browser.storage.session.get(null);
  return Object.entries(all)
    .filter(([key]) => key.startsWith(PREFIX))
    .map(([, value]) => value as PendingEntry);
}
