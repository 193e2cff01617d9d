import { browser } from '#imports';
import type { TamperReport } from '../../common/tamper-report';
import { tamperReportFor } from '../background/tamper-store';

/** The origin of the tab the popup was opened on (activeTab grants it for that click only). */
export async function activeSite(): Promise<string | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  try {
    const url = new URL(tab?.url ?? '');
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
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
