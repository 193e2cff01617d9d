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

/** The warning page URL for a blocked navigation, or null when the navigation may go on. */
export async function blockedPageFor(url: string): Promise<string | null> {
  if (!/^https?:/i.test(url)) return null;
  const host = normalizeHost(url);
  if (!host) return null;
  const site = await currentSiteRisk();
  const hits = site?.listedDomain(host) ?? [];
  if (hits.length === 0 || (await isExcepted(host))) return null;
  const query = new URLSearchParams({ url, host, lists: [...new Set(hits.map((h) => h.source.name))].join('|') });
  return `${browser.runtime.getURL(BLOCKED_PAGE as '/')}?${query}`;
}

async function check(details: NavigationDetails): Promise<void> {
  if (details.frameId !== 0 || details.tabId < 0) return;
  const target = await blockedPageFor(details.url);
  if (target) await browser.tabs.update(details.tabId, { url: target }).catch(() => {});
}

export function watchNavigations(): void {
  const listener = (details: NavigationDetails) => void check(details);
  browser.webNavigation.onBeforeNavigate.addListener(listener);
  browser.webNavigation.onCommitted.addListener(listener);
}
