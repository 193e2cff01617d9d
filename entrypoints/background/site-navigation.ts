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
import { normalizeHost } from '../../analysis/site/hostname';
import { isExcepted } from '../../common/site-exceptions';
import { currentSiteRisk } from './site-lists';

export const BLOCKED_PAGE = '/blocked.html';

type NavigationDetails = { tabId: number; frameId: number; url: string };

/**
 * Pages each tab committed, newest last, recorded the moment the browser reports them (before any list
 * is loaded), so "Go back" can return to the last one that is not listed. History alone cannot be
 * trusted for this: when the listed page commits before the redirect lands, the entry behind the
 * warning is the phishing page itself, and going back to it would only bring the warning again.
 * Memory only: a worker that restarts is woken by the navigation events and hears them in order.
 */
const committedPages = new Map<number, string[]>();
const PAGES_KEPT = 8;

function rememberCommitted(tabId: number, url: string): void {
  if (!/^https?:/i.test(url)) return;
  committedPages.set(tabId, [...(committedPages.get(tabId) ?? []).filter((u) => u !== url), url].slice(-PAGES_KEPT));
}

/** The warning page URL for a blocked navigation, or null when the navigation may go on. */
export async function blockedPageFor(url: string, earlierPages: readonly string[] = []): Promise<string | null> {
  if (!/^https?:/i.test(url)) return null;
  const host = normalizeHost(url);
  if (!host) return null;
  const site = await currentSiteRisk();
  const listed = (h: string | null) => (h ? (site?.listedDomain(h) ?? []) : []);
  const hits = listed(host);
  if (hits.length === 0 || (await isExcepted(host))) return null;
  const query = new URLSearchParams({ url, host, lists: [...new Set(hits.map((h) => h.source.name))].join('|') });
  const back = [...earlierPages].reverse().find((u) => normalizeHost(u) !== host && listed(normalizeHost(u)).length === 0);
  if (back) query.set('back', back);
  return `${browser.runtime.getURL(BLOCKED_PAGE as '/')}?${query}`;
}

/**
 * The latest check per tab. A listed page can commit while its onBeforeNavigate check is still loading
 * the lists; the onCommitted check then waits for that one instead of sending a second redirect, which
 * would reload the warning page under the user's hands.
 */
const latest = new Map<number, { url: string; redirected: Promise<boolean> }>();

async function check(details: NavigationDetails, committed: boolean): Promise<void> {
  if (details.frameId !== 0 || details.tabId < 0) return;
  const earlier = (committedPages.get(details.tabId) ?? []).filter((u) => u !== details.url);
  if (committed) rememberCommitted(details.tabId, details.url);
  const prior = latest.get(details.tabId);
  if (committed && prior?.url === details.url && (await prior.redirected)) return;
  const redirected = (async () => {
    const target = await blockedPageFor(details.url, earlier);
    if (target) await browser.tabs.update(details.tabId, { url: target }).catch(() => {});
    return target !== null;
  })();
  latest.set(details.tabId, { url: details.url, redirected });
  await redirected;
}

export function watchNavigations(): void {
  browser.webNavigation.onBeforeNavigate.addListener((details) => void check(details, false));
  browser.webNavigation.onCommitted.addListener((details) => void check(details, true));
  browser.tabs.onRemoved.addListener((tabId) => {
    latest.delete(tabId);
    committedPages.delete(tabId);
  });
}
