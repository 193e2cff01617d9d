import { browser } from '#imports';

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

export function openPastDecision(requestId: string): void {
  void browser.tabs.create({ url: `${browser.runtime.getURL('/confirm.html')}?history=${encodeURIComponent(requestId)}` });
}

export function openOptions(): void {
  void browser.runtime.openOptionsPage();
}
