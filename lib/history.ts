// The local record of every decision, shown by the popup. It never leaves the machine.
import { browser } from '#imports';
import type { VerdictKind } from '../analysis/types';

export type Outcome = 'forwarded' | 'rejected';
export type DecidedBy = 'verdict' | 'user' | 'window-closed' | 'tab-closed' | 'error';

export interface HistoryEntry {
  requestId: string;
  time: number;
  origin: string;
  method: string;
  verdict: VerdictKind;
  summary: string;
  outcome: Outcome;
  decidedBy: DecidedBy;
}

const KEY = 'history';
const MAX_ENTRIES = 500;
let queue: Promise<unknown> = Promise.resolve();

/** Appends one entry; writes are serialized so concurrent requests do not overwrite each other. */
export function recordDecision(entry: HistoryEntry): Promise<void> {
  const write = queue.then(async () => {
    const found = await browser.storage.local.get(KEY);
    const list = (found[KEY] as HistoryEntry[] | undefined) ?? [];
    list.unshift(entry);
    await browser.storage.local.set({ [KEY]: list.slice(0, MAX_ENTRIES) });
  });
  queue = write.catch(() => {});
  return write;
}

export async function readHistory(): Promise<HistoryEntry[]> {
  const found = await browser.storage.local.get(KEY);
  return (found[KEY] as HistoryEntry[] | undefined) ?? [];
}
