// The full-page warning: a top-level navigation to a listed phishing site is sent to the extension's
// blocked page before the site can load, unless the user chose "Continue anyway" for that site before.
//
// Why webNavigation: onBeforeNavigate fires before the request leaves the browser, so the phishing page
// never gets to run a script or ask the wallet for anything. It costs the `webNavigation` permission, whose
// install warning ("read your browsing history") Chrome folds into the one the content scripts already
// cause ("read and change all your data on all websites"). The alternatives were worse: a declarativeNetRequest
// redirect needs host permissions and 345,000 domains as rules (≈7 MB of plain-text, GPL-licensed
// ruleset JSON instead of 1.2 MB of hashes); a check from the bridge content script at document_start comes
// after the page's response has arrived, so the page's own scripts would race the redirect. onCommitted
// catches what onBeforeNavigate cannot see: server redirects into a listed site.
import { browser } from '#imports';
import { normalizeHost } from '../analysis/site/hostname';
import { isExcepted } from './site-exceptions';
import { currentSiteRisk } from './site-risk';

export const BLOCKED_PAGE = '/blocked.html';

type NavigationDetails = { tabId: number; frameId: number; url: string };

/**
 * The last page each tab committed that was not blocked: "Go back" returns there. History alone cannot
 * be trusted for this: when the listed page commits before the redirect lands, the entry behind the
 * warning is the phishing page itself, and going back to it would only bring the warning again.
 */
const LAST_SAFE = 'lastSafeUrl:';

async function lastSafeUrl(tabId: number): Promise<string | undefined> {
  const key = LAST_SAFE + tabId;
  return (await browser.storage.session.get(key))[key] as string | undefined;
}

/** The warning page URL for a blocked navigation, or null when the navigation may go on. */
export async function blockedPageFor(url: string, backTo?: string): Promise<string | null> {
  if (!/^https?:/i.test(url)) return null;
  const host = normalizeHost(url);
  if (!host) return null;
  const site = await currentSiteRisk();
  const hits = site?.listedDomain(host) ?? [];
  if (hits.length === 0 || (await isExcepted(host))) return null;
  const query = new URLSearchParams({ url, host, lists: [...new Set(hits.map((h) => h.source.name))].join('|') });
  if (backTo) query.set('back', backTo);
  return `${browser.runtime.getURL(BLOCKED_PAGE as '/')}?${query}`;
}

async function check(details: NavigationDetails, committed: boolean): Promise<void> {
  if (details.frameId !== 0 || details.tabId < 0) return;
  const target = await blockedPageFor(details.url, await lastSafeUrl(details.tabId));
  if (target) await browser.tabs.update(details.tabId, { url: target }).catch(() => {});
  else if (committed && /^https?:/i.test(details.url)) await browser.storage.session.set({ [LAST_SAFE + details.tabId]: details.url });
}

export function watchNavigations(): void {
  browser.webNavigation.onBeforeNavigate.addListener((details) => void check(details, false));
  browser.webNavigation.onCommitted.addListener((details) => void check(details, true));
  browser.tabs.onRemoved.addListener((tabId) => void browser.storage.session.remove(LAST_SAFE + tabId));
}
