// The local record of every decision and the counters the popup shows. Never leaves the machine.
// The list holds short entries; each decision's full analysis sits under its own key, so recording
// one decision rewrites a small list rather than every past analysis.
import { browser, storage } from '#imports';
import type { Verdict, VerdictKind, WalletRequest } from '../analysis/types';
import { createBatchWriter } from './serial-writes';
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
  /** Whether a details record exists (absent when protection was off). */
  hasDetails?: boolean;
}

/** What the details view shows of a past decision. */
export interface HistoryDetails {
  verdict: Verdict;
  /** The request as JSON, cut to a size that keeps the history small. */
  requestJson: string;
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
const DETAILS_PREFIX = 'historyDetails:';

export const historyItem = storage.defineItem<HistoryEntry[]>('local:history', { fallback: [] });
export const countsItem = storage.defineItem<Counts>('local:counts', { fallback: { checked: 0, warned: 0, blocked: 0, rejected: 0 } });

/** Cuts a request to what the history keeps; megabyte typed data is not worth storing whole. */
export function requestForHistory(request: WalletRequest): string {
  const json = JSON.stringify(request);
  return json.length > MAX_REQUEST_CHARS ? `${json.slice(0, MAX_REQUEST_CHARS)}… (cut)` : json;
}

interface Decided {
  entry: HistoryEntry;
  details?: HistoryDetails;
}

/**
 * Writes decisions in one read-modify-write of the list and the counters. Each write rewrites the
 * list (up to MAX_ENTRIES entries), so decisions that arrive while one is being written wait and go
 * in together: under a burst (many tabs, many answers) the queue stays short and every count lands.
 */
async function writeDecisions(batch: Decided[]): Promise<void> {
  const [list, counts, days] = await Promise.all([historyItem.getValue(), countsItem.getValue(), settingItems.historyDays.getValue()]);
  const newest = batch.map(({ entry, details }) => ({ ...entry, hasDetails: details !== undefined })).reverse();
  const oldest = Math.max(...newest.map((e) => e.time)) - days * DAY_MS;
  const kept = [...newest, ...list.filter((e) => e.time >= oldest)].slice(0, MAX_ENTRIES);
  const keptIds = new Set(kept.map((e) => e.requestId));
  const dropped = list.filter((e) => !keptIds.has(e.requestId) && e.hasDetails).map((e) => DETAILS_PREFIX + e.requestId);
  const details = Object.fromEntries(batch.filter((d) => d.details && keptIds.has(d.entry.requestId)).map((d) => [DETAILS_PREFIX + d.entry.requestId, d.details]));
  const count = (test: (e: HistoryEntry) => boolean) => batch.filter((d) => test(d.entry)).length;
  await Promise.all([
    historyItem.setValue(kept),
    Object.keys(details).length ? browser.storage.local.set(details) : undefined,
    dropped.length ? browser.storage.local.remove(dropped) : undefined,
    countsItem.setValue({
      checked: counts.checked + count((e) => e.decidedBy !== 'protection-off'),
      warned: counts.warned + count((e) => e.verdict === 'warn'),
      blocked: counts.blocked + count((e) => e.verdict === 'block'),
      rejected: counts.rejected + count((e) => e.outcome === 'rejected'),
    }),
  ]);
}

// Gathered for a moment before each write: a dapp's requests come one after another, each answered in
// milliseconds, and a write per decision rewrote the list (up to MAX_ENTRIES entries) each time, on
// the cores the next request needed (the allowed-request median grew from 18 to 43 ms over 1,000
// requests as the list filled). Every decision is still written; the popup sees it ≤ 200 ms later.
const record = createBatchWriter(writeDecisions, { gatherMs: 200 });

/** Appends one entry and counts it; settles once it is stored. */
export function recordDecision(entry: HistoryEntry, details?: HistoryDetails): Promise<void> {
  return record({ entry, details });
}

export async function readDetails(requestId: string): Promise<HistoryDetails | undefined> {
  const key = DETAILS_PREFIX + requestId;
  return (await browser.storage.local.get(key))[key] as HistoryDetails | undefined;
}

export async function clearHistory(): Promise<void> {
  const all = await browser.storage.local.get(null);
  await Promise.all([
    historyItem.setValue([]),
    countsItem.removeValue(),
    browser.storage.local.remove(Object.keys(all).filter((k) => k.startsWith(DETAILS_PREFIX))),
  ]);
}
