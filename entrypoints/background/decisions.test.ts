// The life of a request that waits on the user, played in WXT's in-memory browser: real session and
// local storage, real windows and tabs with their removal events. The fake browser has no
// `tabs.sendMessage`, so what would reach the frame's bridge is recorded instead; the e2e specs
// (confirm-ui, resilience) deliver it to a real bridge.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Verdict } from '../../analysis/types';
import { historyItem } from '../../common/decision-history';
import type { DecisionMessage } from '../../common/messages';
import { getPending, type PendingEntry } from '../../common/pending-store';
import { settingItems } from '../../common/settings';
import { NO_WINDOW, createDecisions, extensionBrowser, frameOf, settleOnClose, type DecisionBrowser } from './decisions';

const RECIPIENT = '0x00000000000000000000000000000000000000a1';
const verdict = (kind: Verdict['verdict']): Verdict => ({ verdict: kind, score: null, summary: `a ${kind} verdict`, findings: [] });

let made = 0;
function entry(change: Partial<PendingEntry> = {}): PendingEntry {
  made += 1;
  return {
    requestId: `r${made}`,
    guardId: `g${made}`,
    tabId: 7,
    frameId: 0,
    documentId: 'doc-1',
    origin: 'https://dapp.example',
    requester: 'https://dapp.example',
    method: 'eth_sendTransaction',
    request: { method: 'eth_sendTransaction', params: [{ to: RECIPIENT, value: '0x1' }] },
    verdict: verdict('warn'),
    createdAt: 0,
    ...change,
  };
}

let told: { tabId: number; target: ReturnType<typeof frameOf>; message: DecisionMessage }[] = [];
const recordingFrames: DecisionBrowser = {
  ...extensionBrowser,
  tellFrame: async (to, message) => void told.push({ tabId: to.tabId, target: frameOf(to), message }),
};

/** What the confirm page of this extension, in window `windowId`, sends as. */
const confirmPage = (windowId: number | undefined) => ({ id: fakeBrowser.runtime.id, url: `${fakeBrowser.runtime.getURL('/confirm.html')}?id=x`, tab: { windowId } as never });
const windowOf = async (requestId: string) => (await getPending(requestId))?.windowId;
const history = () => historyItem.getValue();
const sentTo = async () => ((await fakeBrowser.storage.local.get('sentTo')) as { sentTo?: string[] }).sentTo ?? [];
const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 5));
  expect(await check()).toBe(true);
};

describe('decisions', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    told = [];
  });

  it('asks: saves the entry and opens a focused popup for it, and the request waits', async () => {
    const decisions = createDecisions(recordingFrames);
    const asked = entry();
    expect(await decisions.ask(asked)).toEqual({ type: 'pending', requestId: asked.requestId });
    const windowId = await windowOf(asked.requestId);
    expect(windowId).toBeTypeOf('number');
    expect(await fakeBrowser.windows.get(windowId!)).toMatchObject({ type: 'popup', focused: true });
    expect(told).toEqual([]);
  });

  it('shows the entry only to the confirm window opened for it, without where in the browser it came from', async () => {
    const decisions = createDecisions(recordingFrames);
    const asked = entry({ frameUrl: 'https://dapp.example/app' });
    await decisions.ask(asked);
    const windowId = await windowOf(asked.requestId);
    const view = await decisions.view(asked.requestId, confirmPage(windowId));
    expect(view).toMatchObject({ requestId: asked.requestId, origin: 'https://dapp.example', frameUrl: 'https://dapp.example/app', verdict: asked.verdict });
    for (const hidden of ['guardId', 'tabId', 'frameId', 'documentId', 'windowId']) expect(view).not.toHaveProperty(hidden);
    expect(await decisions.view(asked.requestId, confirmPage(windowId! + 1))).toBeNull();
    expect(await decisions.view(asked.requestId, { ...confirmPage(windowId), url: fakeBrowser.runtime.getURL('/popup.html') })).toBeNull();
    expect(await decisions.view(asked.requestId, { ...confirmPage(windowId), id: 'another-extension' })).toBeNull();
    // A page cannot decide for the window either.
    expect(await decisions.decide({ type: 'confirm/decide', requestId: asked.requestId, decision: 'continue' }, { ...confirmPage(windowId), url: 'https://dapp.example/' })).toBe(false);
    expect(told).toEqual([]);
  });

  it('Continue: the frame that asked is told once, the window closes, the entry goes and the history and recipients say so', async () => {
    const decisions = createDecisions(recordingFrames);
    const asked = entry();
    await decisions.ask(asked);
    const windowId = await windowOf(asked.requestId);
    const decide = () => decisions.decide({ type: 'confirm/decide', requestId: asked.requestId, decision: 'continue' }, confirmPage(windowId));
    expect(await Promise.all([decide(), decide()])).toEqual([true, false]);
    expect(told).toEqual([{ tabId: 7, target: { documentId: 'doc-1' }, message: { type: 'decision', guardId: asked.guardId, requestId: asked.requestId, action: 'forward' } }]);
    expect(await fakeBrowser.windows.get(windowId!)).toBeUndefined();
    expect(await getPending(asked.requestId)).toBeUndefined();
    expect(await history()).toMatchObject([{ requestId: asked.requestId, outcome: 'forwarded', decidedBy: 'user', verdict: 'warn', hasDetails: true }]);
    await until(async () => (await sentTo()).includes(RECIPIENT));
  });

  it('Reject: the frame is told to refuse, and the recipient is not remembered', async () => {
    const decisions = createDecisions(recordingFrames);
    const asked = entry({ documentId: undefined, frameId: 3 });
    await decisions.ask(asked);
    expect(await decisions.decide({ type: 'confirm/decide', requestId: asked.requestId, decision: 'reject' }, confirmPage(await windowOf(asked.requestId)))).toBe(true);
    expect(told.map((t) => [t.target, t.message.action])).toEqual([[{ frameId: 3 }, 'reject']]);
    expect(await history()).toMatchObject([{ outcome: 'rejected', decidedBy: 'user' }]);
    expect(await sentTo()).toEqual([]);
  });

  it('closing the window rejects its request; closing a tab rejects that tab\'s requests and no other', async () => {
    const decisions = createDecisions(recordingFrames);
    settleOnClose(decisions);
    const [inWindow, elsewhere] = [entry(), entry({ tabId: 9 })];
    for (const e of [inWindow, elsewhere]) await decisions.ask(e);
    await fakeBrowser.windows.remove((await windowOf(inWindow.requestId))!);
    await until(async () => (await history()).length === 1);
    const inThatTab = entry({ tabId: 8 });
    await decisions.ask(inThatTab);
    // The fake's tabs.remove looks the tab's window up by the tab's id; the event is what matters here.
    await fakeBrowser.tabs.onRemoved.trigger(8, { isWindowClosing: false, windowId: 0 });
    await until(async () => (await history()).length === 2);
    expect((await history()).map((h) => [h.requestId, h.outcome, h.decidedBy])).toEqual([
      [inThatTab.requestId, 'rejected', 'tab-closed'],
      [inWindow.requestId, 'rejected', 'window-closed'],
    ]);
    expect(await getPending(elsewhere.requestId)).toBeDefined();
    expect(await fakeBrowser.windows.get((await windowOf(elsewhere.requestId))!)).toBeDefined();
  });

  it('no window could be opened: refused at once with the reason, and recorded as an error', async () => {
    const decisions = createDecisions({ ...recordingFrames, openConfirmWindow: async () => null });
    const asked = entry();
    expect(await decisions.ask(asked)).toEqual({ type: 'decided', action: 'reject', message: NO_WINDOW });
    expect(await getPending(asked.requestId)).toBeUndefined();
    expect(await history()).toMatchObject([{ outcome: 'rejected', decidedBy: 'error' }]);
  });

  it('a window closed before its id was saved still rejects its request', async () => {
    const decisions = createDecisions({
      ...recordingFrames,
      openConfirmWindow: async (requestId) => {
        const opened = await extensionBrowser.openConfirmWindow(requestId);
        await fakeBrowser.windows.remove(opened!.id!);
        return opened;
      },
    });
    const asked = entry();
    expect(await decisions.ask(asked)).toEqual({ type: 'pending', requestId: asked.requestId });
    expect(told.map((t) => t.message.action)).toEqual(['reject']);
    expect(await history()).toMatchObject([{ outcome: 'rejected', decidedBy: 'window-closed' }]);
  });

  it('a request decided while its window was being created gets that window closed', async () => {
    let opened: { id?: number } | null = null;
    const decisions = createDecisions({
      ...recordingFrames,
      openConfirmWindow: async (requestId) => {
        opened = await extensionBrowser.openConfirmWindow(requestId);
        await decisions.tabClosed(7);
        return opened;
      },
    });
    await decisions.ask(entry());
    expect(await fakeBrowser.windows.get(opened!.id!)).toBeUndefined();
    expect(await history()).toMatchObject([{ decidedBy: 'tab-closed' }]);
  });

  it('"trust this site" trusts the site that asked on a warning, never on a block', async () => {
    const decisions = createDecisions(recordingFrames);
    const warned = entry({ requester: 'https://widget.example' });
    const blocked = entry({ requester: 'https://drainer.example', verdict: verdict('block') });
    for (const e of [warned, blocked]) {
      await decisions.ask(e);
      await decisions.decide({ type: 'confirm/decide', requestId: e.requestId, decision: 'continue', trustSite: true }, confirmPage(await windowOf(e.requestId)));
    }
    expect(await settingItems.trustedSites.getValue()).toEqual(['https://widget.example']);
    expect(told.map((t) => t.message.action)).toEqual(['forward', 'forward']);
  });

  it('a simulation that missed its deadline joins the waiting entry when it comes', async () => {
    const decisions = createDecisions(recordingFrames);
    const asked = entry({ verdict: { ...verdict('warn'), assetChanges: { state: 'late', reason: 'late' } } });
    let join: (v: Verdict) => void = () => {};
    await decisions.ask(asked, new Promise<Verdict>((resolve) => (join = resolve)));
    join({ ...verdict('block'), summary: 'simulated: drains your tokens' });
    await until(async () => (await getPending(asked.requestId))?.verdict.summary === 'simulated: drains your tokens');
  });
});
