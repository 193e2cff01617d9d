import { browser } from '#imports';
import type { SiteStatus } from '../../common/messages';
import { sendToBackground } from '../../common/protocol';
import type { TamperReport } from '../../common/tamper-report';
import { tamperReportFor } from '../background/tamper-store';

export interface ActiveSite {
  origin: string;
  /** The tab shows the firewall's full-page warning for this site instead of the site. */
  blocked: boolean;
}

/**
 * The site of the tab the popup was opened on: its origin, or the origin the firewall's warning page stands
 * in for. The URL is the one the tab's page committed, as webNavigation reports it (the extension holds that
 * permission for the full-page warning); the tab's own URL, which activeTab grants for the click that opened
 * the popup, is the fallback.
 */
export async function activeSite(): Promise<ActiveSite | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab) return undefined;
  const frame = tab.id === undefined ? null : await browser.webNavigation.getFrame({ tabId: tab.id, frameId: 0 }).catch(() => null);
  return siteOf(frame?.url ?? tab.url ?? '');
}

function siteOf(href: string): ActiveSite | undefined {
  try {
    const url = new URL(href);
    if (`${url.protocol}//${url.host}${url.pathname}` === browser.runtime.getURL('/blocked.html')) {
      const stopped = new URL(url.searchParams.get('url') ?? '');
      return stopped.protocol === 'http:' || stopped.protocol === 'https:' ? { origin: stopped.origin, blocked: true } : undefined;
    }
    return url.protocol === 'http:' || url.protocol === 'https:' ? { origin: url.origin, blocked: false } : undefined;
  } catch {
    return undefined;
  }
}

/** What the firewall knows about the site, from the background (the lists live there); undefined if it did not answer. */
export async function siteStatusOf(origin: string): Promise<SiteStatus | undefined> {
  return (await sendToBackground({ type: 'popup/site', origin }).catch(() => undefined)) ?? undefined;
}

/** What the tab the popup was opened on reported about its page interfering with the firewall. */
export async function activeTamperReport(): Promise<TamperReport | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? undefined : tamperReportFor(tab.id);
}

export function openPastDecision(requestId: string): void {
  void browser.tabs.create({ url: `${browser.runtime.getURL('/confirm.html')}?history=${encodeURIComponent(requestId)}` });
}

export function openOptions(): void {
  void browser.runtime.openOptionsPage();
}
