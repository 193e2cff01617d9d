// The confirm window shows a simulation that joins after its deadline as soon as it lands in the pending
// entry, by watching the entry rather than asking again on a timer. The window's view comes from the
// background's `confirm/get`; here a listener answers it from the same pending store the background
// uses, as the background's handler does. No e2e plays a late join: every read is capped at the
// budget's rpcMs, so a late simulation lands within about a second of the verdict, often before the
// window has loaded, and an e2e could not tell a watch from a single read.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PendingView } from '../../common/messages';
import { getPending, savePending, updatePending, type PendingEntry } from '../../common/pending-store';
import type { Verdict } from '../../analysis/types';
import { useConfirmStore } from './confirm-state';

const late: Verdict = { verdict: 'warn', score: null, summary: 'checked, simulation late', findings: [], assetChanges: { state: 'late', reason: 'the simulation took longer than 1500 ms' } };
const joined: Verdict = { ...late, summary: 'checked, simulated', assetChanges: { state: 'complete' } };

function entry(verdict: Verdict): PendingEntry {
  return { requestId: 'r1', guardId: 'g1', tabId: 1, frameId: 0, origin: 'https://dapp.example', method: 'eth_sendTransaction', request: { method: 'eth_sendTransaction', params: [] }, verdict, createdAt: 0 };
}

let gets = 0;
const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};
const shownSummary = () => useConfirmStore.getState().shown?.view.verdict.summary;

describe('confirm window state', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useConfirmStore.setState({ shown: undefined, busy: false });
    gets = 0;
    fakeBrowser.runtime.onMessage.addListener(async (raw: unknown) => {
      const message = raw as { type: string; requestId: string };
      if (message.type !== 'confirm/get') return undefined;
      gets++;
      const found = await getPending(message.requestId);
      if (!found) return null;
      const { guardId: _g, tabId: _t, frameId: _f, documentId: _d, windowId: _w, ...view } = found;
      return view satisfies PendingView;
    });
  });

  it('shows a late simulation once it joins the entry, without asking again until it does', async () => {
    await savePending(entry(late));
    await useConfirmStore.getState().load('r1');
    expect(shownSummary()).toBe('checked, simulation late');
    await new Promise((r) => setTimeout(r, 50));
    expect(gets).toBe(1);
    await updatePending('r1', { verdict: joined });
    await until(() => shownSummary() === 'checked, simulated');
    expect(gets).toBe(2);
    // Joined: nothing more to wait for, so later writes to the entry are not followed.
    await updatePending('r1', { windowId: 4 });
    await new Promise((r) => setTimeout(r, 20));
    expect(gets).toBe(2);
  });

  it('does not watch an entry whose simulation was in time', async () => {
    await savePending(entry(joined));
    await useConfirmStore.getState().load('r1');
    expect(shownSummary()).toBe('checked, simulated');
    await updatePending('r1', { windowId: 4 });
    await new Promise((r) => setTimeout(r, 20));
    expect(gets).toBe(1);
  });

  it('says the request is gone when the background no longer has it', async () => {
    await useConfirmStore.getState().load('nope');
    expect(useConfirmStore.getState().shown).toBeNull();
  });
});
