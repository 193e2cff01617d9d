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

/** Removes and returns the entry; the first caller gets it, so a decision is delivered once. */
export async function takePending(requestId: string): Promise<PendingEntry | undefined> {
  const entry = await getPending(requestId);
  if (entry) await browser.storage.session.remove(PREFIX + requestId);
  return entry;
}

export async function allPending(): Promise<PendingEntry[]> {
  const all = await browser.storage.session.get(null);
  return Object.entries(all)
    .filter(([key]) => key.startsWith(PREFIX))
    .map(([, value]) => value as PendingEntry);
}
