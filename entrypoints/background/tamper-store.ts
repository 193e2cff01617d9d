// What a page did to get around the firewall, kept per tab until the tab leaves that page: the
// toolbar icon shows a red "!" for the tab and the popup says what happened. Session storage only:
// nothing of it outlives the browser session or leaves the machine.
import { browser } from '#imports';
import { strings } from '../../components/strings';
import { createSerialQueue } from '../../common/serial-writes';
import { mergeReport, type TamperReport } from '../../common/tamper-report';

const BADGE_COLOR = '#b00020';
const keyFor = (tabId: number) => `tamper:${tabId}`;
/** Reports and clears run one at a time, in the order they came: each reads what the last wrote. */
const serial = createSerialQueue();

export async function tamperReportFor(tabId: number): Promise<TamperReport | undefined> {
  const key = keyFor(tabId);
  return (await browser.storage.session.get(key))[key] as TamperReport | undefined;
}

export function reportTamper(tabId: number, origin: string, what: string): Promise<void> {
  return serial(() => writeReport(tabId, origin, what));
}

async function writeReport(tabId: number, origin: string, what: string): Promise<void> {
  const report = mergeReport(await tamperReportFor(tabId), origin, what, Date.now());
  await browser.storage.session.set({ [keyFor(tabId)]: report });
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: '!' }),
    browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }),
    browser.action.setTitle({ tabId, title: strings.tamper.badgeTitle(origin) }),
  ]).catch(() => {}); // the tab may be gone already
}

export function clearTamperReport(tabId: number): Promise<void> {
  return serial(() => removeReport(tabId));
}

async function removeReport(tabId: number): Promise<void> {
  if (!(await tamperReportFor(tabId))) return;
  await browser.storage.session.remove(keyFor(tabId));
  await Promise.all([browser.action.setBadgeText({ tabId, text: '' }), browser.action.setTitle({ tabId, title: '' })]).catch(() => {});
}

/** Reports end with the page they are about: a new page in the tab, or the tab closed. */
export function watchTamperReports(): void {
  browser.webNavigation.onCommitted.addListener(({ tabId, frameId }) => {
    if (frameId === 0) void clearTamperReport(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void clearTamperReport(tabId));
}
