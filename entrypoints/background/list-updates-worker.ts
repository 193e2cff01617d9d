// The optional list updates in the service worker. Only when the user turned on `listUpdates` in the
// options page: at most once a day, checked when the worker starts and when a request or navigation is
// judged (no `alarms` permission needed: a worker that is not running has nothing to protect, and it
// starts again for the next request), plus at once when the switch is turned on. Turning it off deletes
// the downloaded lists. Failures are silent: the shipped lists are always there.
import { browser } from '#imports';
import { ALLOWLIST } from '../../analysis/site/compiled-lists';
import type { CompiledList } from '../../analysis/site/site-risk';
import { settingItems } from '../../common/settings';
import { isStoredListUpdate, mergeDownloads, parseListFile, readCapped, storedDomainLists, type ParsedList, type StoredList, type StoredListUpdate } from './list-updates';
import {
  DOWNLOAD_TIMEOUT_MS,
  LIST_UPDATE_KEY,
  LIST_UPDATE_SOURCES,
  LIST_UPDATE_URLS_OVERRIDE_KEY,
  RETRY_INTERVAL_MS,
  UPDATE_INTERVAL_MS,
  type UpdateSource,
} from './list-updates-sources';

/** In memory: no storage read before this time (avoids a read per judged request). */
let nextCheck = 0;
let running: Promise<void> | undefined;

async function stored(): Promise<StoredListUpdate | undefined> {
  const v = (await browser.storage.local.get(LIST_UPDATE_KEY))[LIST_UPDATE_KEY];
  return isStoredListUpdate(v) ? v : undefined;
}

/** The downloaded lists, as extra domain lists; none while the switch is off. */
export async function updatedDomainLists(): Promise<CompiledList[]> {
  if (!(await settingItems.listUpdates.getValue())) return [];
  return storedDomainLists(await stored());
}

/** The sources, with the test-only URL override applied (LIST_UPDATE_URLS_OVERRIDE_KEY). */
async function sources(): Promise<UpdateSource[]> {
  const v = (await browser.storage.local.get(LIST_UPDATE_URLS_OVERRIDE_KEY))[LIST_UPDATE_URLS_OVERRIDE_KEY] as Record<string, unknown> | undefined;
  return LIST_UPDATE_SOURCES.map((s) => {
    const url = v && typeof v === 'object' ? v[s.id] : undefined;
    return typeof url === 'string' && /^https?:\/\//.test(url) ? { ...s, url } : s;
  });
}

/** One download: a plain GET, no cookies, no referrer; null on any failure. */
async function download(source: UpdateSource): Promise<ParsedList | null> {
  try {
    const response = await fetch(source.url, { credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store', signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    if (!response.ok) return null;
    const text = await readCapped(response);
    return text === null ? null : parseListFile(source.format, text);
  } catch {
    return null;
  }
}

async function run(known: () => Promise<(host: string) => boolean>): Promise<void> {
  if (!(await settingItems.listUpdates.getValue())) {
    nextCheck = Number.POSITIVE_INFINITY; // until the switch changes (see startListUpdates)
    return;
  }
  const now = Date.now();
  const previous = await stored();
  if (previous && previous.nextCheckAt > now) {
    nextCheck = previous.nextCheckAt;
    return;
  }
  const all = await sources();
  const downloads = await Promise.all(all.map(async (source) => ({ source, parsed: await download(source) })));
  const ok = downloads.filter((d): d is { source: UpdateSource; parsed: ParsedList } => d.parsed !== null);
  const merged = mergeDownloads(ok, { allowlist: ALLOWLIST.whitelist, known: await known(), now });
  // A source that failed keeps its previous download, if any.
  const lists: StoredList[] = all.flatMap((s) => merged.find((l) => l.id === s.id) ?? previous?.lists.find((l) => l.id === s.id) ?? []);
  const next = now + (ok.length === all.length ? UPDATE_INTERVAL_MS : RETRY_INTERVAL_MS);
  // The switch may have been turned off while downloading.
  if (!(await settingItems.listUpdates.getValue())) return;
  await browser.storage.local.set({ [LIST_UPDATE_KEY]: { checkedAt: now, nextCheckAt: next, lists } satisfies StoredListUpdate });
  nextCheck = next;
}

/**
 * Downloads the lists if the switch is on and a day has passed; cheap to call on every request.
 * `known` gives a test for hosts the shipped lists already cover.
 */
export function maybeUpdateLists(known: () => Promise<(host: string) => boolean>): void {
  if (running || Date.now() < nextCheck) return;
  running = run(known)
    .catch((error: unknown) => {
      console.warn('Transaction firewall: list update failed', error);
      nextCheck = Date.now() + RETRY_INTERVAL_MS;
    })
    .finally(() => (running = undefined));
}

/** Called once when the service worker starts. */
export function startListUpdates(known: () => Promise<(host: string) => boolean>): void {
  settingItems.listUpdates.watch((on) => {
    if (!on) void browser.storage.local.remove(LIST_UPDATE_KEY);
    // After a run in progress, which read the old value.
    void (running ?? Promise.resolve()).then(() => {
      nextCheck = 0;
      if (on) maybeUpdateLists(known);
    });
  });
  maybeUpdateLists(known);
}
