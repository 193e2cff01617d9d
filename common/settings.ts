// The user's settings, one WXT storage item each, read by the background for every request (from a
// copy that any change drops, entrypoints/background/current-settings.ts, so a change takes effect
// at once, without reloading pages) and edited by the popup and options page.
import { storage } from '#imports';
import type { Severity } from '../analysis/types';

/** The lowest severity that opens the confirm window. */
export type Sensitivity = Severity;

export const settingItems = {
  /** chain id (decimal string) -> RPC URL chosen by the user; defaults fill the rest. */
  rpcUrls: storage.defineItem<Record<string, string>>('local:rpcUrls', { fallback: {} }),
  protection: storage.defineItem<boolean>('local:protection', { fallback: true }),
  /** Origins where the user paused protection. */
  pausedSites: storage.defineItem<string[]>('local:pausedSites', { fallback: [] }),
  /** Origins whose warn-level findings the user chose to trust; never applies to `block`. */
  trustedSites: storage.defineItem<string[]>('local:trustedSites', { fallback: [] }),
  sensitivity: storage.defineItem<Sensitivity>('local:sensitivity', { fallback: 'warn' }),
  historyDays: storage.defineItem<number>('local:historyDays', { fallback: 90 }),
  /** Daily download of the phishing lists from their public sources (entrypoints/background/list-updates-worker.ts); off by default. */
  listUpdates: storage.defineItem<boolean>('local:listUpdates', { fallback: false }),
} as const;

export type SettingName = keyof typeof settingItems;
export type Settings = { [K in SettingName]: Awaited<ReturnType<(typeof settingItems)[K]['getValue']>> };

/** All settings in one storage read: the background reads them on every request. */
export async function readSettings(): Promise<Settings> {
  const names = Object.keys(settingItems) as SettingName[];
  const values = await storage.getItems(names.map((name) => settingItems[name]));
  return Object.fromEntries(names.map((name, i) => [name, values[i]!.value])) as Settings;
}
