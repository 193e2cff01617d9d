import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Verdict } from '../analysis/types';
import { countsItem, historyItem, readDetails, recordDecision, type HistoryEntry } from './decision-history';

const verdict: Verdict = { verdict: 'warn', score: null, summary: 's', findings: [] };

function decision(i: number): HistoryEntry {
  return {
    requestId: `r${i}`,
    time: Date.now(),
    origin: `https://tab${i % 20}.example`,
    method: 'eth_sendTransaction',
    verdict: i % 3 === 0 ? 'allow' : i % 3 === 1 ? 'warn' : 'block',
    summary: `#${i}`,
    outcome: i % 2 === 0 ? 'forwarded' : 'rejected',
    decidedBy: i % 3 === 0 ? 'verdict' : 'user',
  };
}

describe('recordDecision', () => {
  beforeEach(() => fakeBrowser.reset());

  it('counts every one of 300 decisions recorded at once, in a handful of list writes', async () => {
    let listWrites = 0;
    fakeBrowser.storage.local.onChanged.addListener((changes) => {
      if ('history' in changes) listWrites += 1;
    });
    const all = Array.from({ length: 300 }, (_, i) => decision(i));
    await Promise.all(all.map((e) => recordDecision(e, { verdict, requestJson: '{}' })));

    expect(await countsItem.getValue()).toEqual({
      checked: 300,
      warned: all.filter((e) => e.verdict === 'warn').length,
      blocked: all.filter((e) => e.verdict === 'block').length,
      rejected: all.filter((e) => e.outcome === 'rejected').length,
    });
    const list = await historyItem.getValue();
    // Newest first, each once.
    expect(list.map((e) => e.requestId)).toEqual(all.map((e) => e.requestId).reverse());
    // Rewriting the whole list per decision is what made a burst of answers back up; a burst is batched.
    expect(listWrites).toBeLessThanOrEqual(3);
  });

  it('keeps the newest 500 with their details and drops the details of the rest', async () => {
    for (let wave = 0; wave < 6; wave++) {
      await Promise.all(Array.from({ length: 100 }, (_, i) => recordDecision(decision(wave * 100 + i), { verdict, requestJson: `{"i":${wave * 100 + i}}` })));
    }
    const list = await historyItem.getValue();
    expect(list).toHaveLength(500);
    expect(list[0]!.requestId).toBe('r599');
    expect(list.at(-1)!.requestId).toBe('r100');
    const stored = Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) => k.startsWith('historyDetails:'));
    expect(stored.sort()).toEqual(list.map((e) => `historyDetails:${e.requestId}`).sort());
    expect((await readDetails('r599'))?.requestJson).toBe('{"i":599}');
    expect((await countsItem.getValue()).checked).toBe(600);
  });

  it('does not count a decision made with protection off as checked', async () => {
    await Promise.all([
      recordDecision({ ...decision(0), decidedBy: 'protection-off' }),
      recordDecision(decision(3), { verdict, requestJson: '{}' }),
    ]);
    expect((await countsItem.getValue()).checked).toBe(1);
    expect((await historyItem.getValue()).map((e) => e.hasDetails)).toEqual([true, false]);
  });
});
