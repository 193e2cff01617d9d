// The confirm window shows a simulation that joins after its deadline as soon as it lands in the pending
// entry, by watching the entry rather than asking again on a timer. The window's view comes from the
// background's `confirm/get`; here the background's own handler answers it, from the same pending store. No e2e plays a late join: every read is capped at the
// budget's rpcMs, so a late simulation lands within about a second of the verdict, often before the
// window has loaded, and an e2e could not tell a watch from a single read.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parsePageMessage } from '../../common/messages';
import { savePending, updatePending, type PendingEntry } from '../../common/pending-store';
import { createDecisions, extensionBrowser } from '../background/decisions';
import type { Verdict } from '../../analysis/types';
import { useConfirmStore } from './confirm-state';

const late: Verdict = { verdict: 'warn', score: null, summary: 'checked, simulation late', findings: [], assetChanges: { state: 'late', reason: 'the simulation took longer than 1500 ms' } };
const joined: Verdict = { ...late, summary: 'checked, simulated', assetChanges: { state: 'complete' } };

function entry(verdict: Verdict): PendingEntry {
  return { requestId: 'r1', guardId: 'g1', tabId: 1, frameId: 0, origin: 'https://dapp.example', method: 'eth_sendTransaction', request: { method: 'eth_sendTransaction', params: [] }, verdict, createdAt: 0 };
}

let gets = 0;
let unanswered = 0;
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
    unanswered = 0;
    // The fake browser sends every message with an empty sender: here it is the confirm window.
    const decisions = createDecisions({ ...extensionBrowser, isConfirmPage: () => true });
    fakeBrowser.runtime.onMessage.addListener(async (raw: unknown) => {
      const message = parsePageMessage(raw);
      if (message?.type !== 'confirm/get') return undefined;
      gets++;
      // A background that is not there yet: the message gets no answer.
      if (unanswered > 0) {
        unanswered--;
        return undefined;
      }
      return decisions.view(message.requestId, {});
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

  it('asks again when no background answered (a worker stopped as the window opened), and shows the request', async () => {
    await savePending(entry(joined));
    unanswered = 2;
    await useConfirmStore.getState().load('r1');
    expect(shownSummary()).toBe('checked, simulated');
    expect(gets).toBe(3);
  });

  it('says the request is gone when the background no longer has it', async () => {
    await useConfirmStore.getState().load('nope');
    expect(useConfirmStore.getState().shown).toBeNull();
  });
});
