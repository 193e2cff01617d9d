// The local record of every decision and the counters the popup shows. Never leaves the machine.
import { storage } from '#imports';
import type { Verdict, VerdictKind, WalletRequest } from '../analysis/types';
import { settingItems } from './settings';

export type Outcome = 'forwarded' | 'rejected';
export type DecidedBy =
  | 'verdict'
  | 'user'
  | 'window-closed'
  | 'tab-closed'
  | 'error'
  | 'trusted-site'
  | 'sensitivity'
  | 'protection-off';

export interface HistoryEntry {
  requestId: string;
  time: number;
  origin: string;
  frameUrl?: string;
  method: string;
  verdict: VerdictKind;
  summary: string;
  outcome: Outcome;
  decidedBy: DecidedBy;
  /** The full analysis, for the details view; absent when protection was off. */
  details?: Verdict;
  /** The request as JSON, cut to a size that keeps the history small. */
  requestJson?: string;
}

export interface Counts {
  checked: number;
  warned: number;
  blocked: number;
  rejected: number;
}

const MAX_ENTRIES = 500;
const MAX_REQUEST_CHARS = 20_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export const historyItem = storage.defineItem<HistoryEntry[]>('local:history', { fallback: [] });
export const countsItem = storage.defineItem<Counts>('local:counts', { fallback: { checked: 0, warned: 0, blocked: 0, rejected: 0 } });

let queue: Promise<unknown> = Promise.resolve();

/** Cuts a request to what the history keeps; megabyte typed data is not worth storing whole. */
export function requestForHistory(request: WalletRequest): string {
  const json = JSON.stringify(request);
  return json.length > MAX_REQUEST_CHARS ? `${json.slice(0, MAX_REQUEST_CHARS)}… (cut)` : json;
}

/** Appends one entry and counts it; writes are serialized so concurrent requests do not overwrite each other. */
export function recordDecision(entry: HistoryEntry): Promise<void> {
  const write = queue.then(async () => {
    const [list, counts, days] = await Promise.all([historyItem.getValue(), countsItem.getValue(), settingItems.historyDays.getValue()]);
    const oldest = entry.time - days * DAY_MS;
    await Promise.all([
      historyItem.setValue([entry, ...list.filter((e) => e.time >= oldest)].slice(0, MAX_ENTRIES)),
      countsItem.setValue({
        checked: counts.checked + (entry.decidedBy === 'protection-off' ? 0 : 1),
        warned: counts.warned + (entry.verdict === 'warn' ? 1 : 0),
        blocked: counts.blocked + (entry.verdict === 'block' ? 1 : 0),
        rejected: counts.rejected + (entry.outcome === 'rejected' ? 1 : 0),
      }),
    ]);
  });
  queue = write.catch(() => {});
  return write;
}

export async function clearHistory(): Promise<void> {
  await Promise.all([historyItem.setValue([]), countsItem.removeValue()]);
}
