// Sites the user chose to open despite the full-page warning ("Continue anyway"), and the user's own
// blocked sites. Both live in storage.local, so they survive the service worker being stopped.
import { browser } from '#imports';

const EXCEPTIONS_KEY = 'siteExceptions';
/**
 * The user's own blocked sites, merged into the shipped lists. The options page can edit it; the e2e tests
 * use it to make a test origin count as listed. It can only add blocks, never remove one.
 */
export const USER_BLOCKED_KEY = 'userBlockedSites';

export async function exceptedSites(): Promise<Record<string, number>> {
  const found = await browser.storage.local.get(EXCEPTIONS_KEY);
  const v = found[EXCEPTIONS_KEY];
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, number>) : {};
}

export async function isExcepted(host: string): Promise<boolean> {
  return (await exceptedSites())[host] !== undefined;
}

export async function rememberException(host: string): Promise<void> {
  const current = await exceptedSites();
  await browser.storage.local.set({ [EXCEPTIONS_KEY]: { ...current, [host]: Date.now() } });
}

export async function userBlockedSites(): Promise<string[]> {
  const found = await browser.storage.local.get(USER_BLOCKED_KEY);
  const v = found[USER_BLOCKED_KEY];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
