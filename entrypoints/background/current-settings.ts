// The user's settings as the background reads them for every request: from memory, re-read after
// any change. A storage read per request cost ~0.5 ms, and more while the history writes were queued
// in front of it. A change still counts from the next request on: storage.onChanged reaches this
// worker as soon as the change is stored, and drops what is in memory.
import { browser } from '#imports';
import { readSettings, type Settings } from '../../common/settings';

/** Keys the background itself writes on every request: no setting among them, so they keep the copy. */
const BOOKKEEPING = /^(history|counts|historyDetails:.*|sentTo)$/;

let cached: Promise<Settings> | undefined;

function follow(changes: Record<string, unknown>, area: string): void {
  // Any other key of local storage may be a setting (WXT also keeps `<key>$` metadata beside each):
  // when in doubt the copy goes.
  if (area === 'local' && Object.keys(changes).some((key) => !BOOKKEEPING.test(key))) cached = undefined;
}

export function currentSettings(): Promise<Settings> {
  // Not followed (the first read, or the listener was taken away): what is in memory cannot be trusted.
  if (!browser.storage.onChanged.hasListener(follow)) {
    cached = undefined;
    browser.storage.onChanged.addListener(follow);
  }
  cached ??= readSettings();
  cached.catch(() => (cached = undefined));
  return cached;
}
