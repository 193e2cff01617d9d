// A value of local storage that the background reads on every request, kept in memory: read once per
// worker life, then replaced or dropped on each change storage.onChanged reports, so a change counts
// from the next read on. A storage round trip per request cost ~0.5–1 ms, more while writes queued.
import { browser } from '#imports';

type Changes = Record<string, { newValue?: unknown }>;

export interface StorageCopy<T> {
  get(): Promise<T>;
  /** What this worker has just written, so its next read needs no round trip. */
  set(value: T): void;
}

/** `onChange` says what a change of local storage means for the copy: its new value, 'drop' (read again), or undefined (keep it). */
export function storageCopy<T>(read: () => Promise<T>, onChange: (changes: Changes) => { value: T } | 'drop' | undefined): StorageCopy<T> {
  let cached: Promise<T> | undefined;
  const follow = (changes: Changes, area: string) => {
    if (area !== 'local') return;
    const next = onChange(changes);
    if (next === 'drop') cached = undefined;
    else if (next) cached = Promise.resolve(next.value);
  };
  return {
    get() {
      // Not followed (the first read, or the listener was taken away): what is in memory cannot be trusted.
      if (!browser.storage.onChanged.hasListener(follow)) {
        cached = undefined;
        browser.storage.onChanged.addListener(follow);
      }
      const reading = (cached ??= read());
      reading.catch(() => {
        if (cached === reading) cached = undefined;
      });
      return reading;
    },
    set(value) {
      cached = Promise.resolve(value);
    },
  };
}
