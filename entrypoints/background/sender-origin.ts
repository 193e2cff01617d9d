// Where a request came from, as the browser reports it. The page never gets a say in this.
import type { Browser } from '#imports';

export interface SenderPlace {
  tabId: number;
  frameId: number;
  documentId?: string;
  /** Origin of the top-level page. */
  origin: string;
  /** URL and origin of the frame that asked, when it is not the top frame. */
  frameUrl?: string;
  frameOrigin?: string;
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

export function senderPlace(sender: Browser.runtime.MessageSender): SenderPlace | null {
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return null;
  const frameId = sender.frameId ?? 0;
  const frameOrigin = (sender as { origin?: string }).origin ?? originOf(sender.url);
  const topOrigin = originOf(sender.tab?.url) ?? (frameId === 0 ? frameOrigin : undefined);
  return {
    tabId,
    frameId,
    documentId: (sender as { documentId?: string }).documentId,
    origin: topOrigin ?? 'unknown',
    frameUrl: frameId === 0 ? undefined : sender.url,
    frameOrigin: frameId === 0 ? undefined : frameOrigin,
  };
}

/** The origin of the page that made the request: the frame's when a frame asked, else the tab's. */
export function requesterOrigin(place: { origin: string; frameUrl?: string; frameOrigin?: string }): string {
  return place.frameOrigin ?? (place.frameUrl !== undefined ? (originOf(place.frameUrl) ?? 'null') : place.origin);
}
