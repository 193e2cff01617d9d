// Requests waiting on the user, kept in session storage so that a service worker stopped and
// restarted while the confirm window is open still completes the decision.
//
// Every change goes through one queue: a change that reads the entry first (adding the window id,
// joining a late simulation) must not re-create an entry that a decision removed in between, and
// two decisions for one request (a click and the window closing) must not both be delivered.
import { browser, storage } from '#imports';
import type { PendingView } from './messages';
import { createSerialQueue } from './serial-writes';

export interface PendingEntry extends PendingView {
  guardId: string;
  tabId: number;
  frameId: number;
  documentId?: string;
  windowId?: number;
}

const PREFIX = 'pending:';
const serial = createSerialQueue();
/** Requests whose decision is being delivered by this worker; the entry stays until it is released. */
const claimed = new Set<string>();

async function read(requestId: string): Promise<PendingEntry | undefined> {
  const key = PREFIX + requestId;
  return (await browser.storage.session.get(key))[key] as PendingEntry | undefined;
}

export function savePending(entry: PendingEntry): Promise<void> {
  return serial(() => browser.storage.session.set({ [PREFIX + entry.requestId]: entry }));
}

/** The entry while the request waits or its decision is being delivered. */
export function getPending(requestId: string): Promise<PendingEntry | undefined> {
  return read(requestId);
}

/** Changes an entry still waiting on the user; false (and nothing written) once it is decided. */
export function updatePending(requestId: string, change: Partial<Omit<PendingEntry, 'requestId'>>): Promise<boolean> {
  return serial(async () => {
    const entry = await read(requestId);
    if (!entry || claimed.has(requestId)) return false;
    await browser.storage.session.set({ [PREFIX + requestId]: { ...entry, ...change } });
    return true;
  });
}

/**
 * Claims the entry for delivering its decision: the first caller gets it, later ones get nothing.
 * The entry stays readable until `releasePending`, so the bridge's status check keeps answering
 * "known" while the decision is on its way, instead of mistaking it for a lost request.
 */
export function claimPending(requestId: string): Promise<PendingEntry | undefined> {
  return serial(async () => {
    if (claimed.has(requestId)) return undefined;
    const entry = await read(requestId);
    if (entry) claimed.add(requestId);
    return entry;
  });
}

/** Removes a claimed entry once its decision has been delivered. */
export function releasePending(requestId: string): Promise<void> {
  return serial(async () => {
    try {
      await browser.storage.session.remove(PREFIX + requestId);
    } finally {
      claimed.delete(requestId);
    }
  });
}

/**
 * Calls `changed` whenever the entry is written (a late simulation joining it, the window's id) or
 * removed (null). For the confirm window, which shows the entry while it waits.
 */
export function watchPending(requestId: string, changed: (entry: PendingEntry | null) => void): () => void {
  return storage.watch<PendingEntry>(`session:${PREFIX}${requestId}`, changed);
}

export async function allPending(): Promise<PendingEntry[]> {
  const all = await browser.storage.session.get(null);
  return Object.entries(all)
    .filter(([key]) => key.startsWith(PREFIX))
    .map(([, value]) => value as PendingEntry);
}
