import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { allPending, claimPending, getPending, releasePending, savePending, updatePending, watchPending, type PendingEntry } from './pending-store';

function entry(requestId: string): PendingEntry {
  return {
    requestId,
    guardId: `g-${requestId}`,
    tabId: 1,
    frameId: 0,
    origin: 'https://dapp.example',
    method: 'eth_sendTransaction',
    request: { method: 'eth_sendTransaction', params: [] },
    verdict: { verdict: 'warn', score: null, summary: 's', findings: [] },
    createdAt: 0,
  };
}

describe('pending store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('delivers a decision once: of ten concurrent claims, exactly one gets the entry', async () => {
    await savePending(entry('a'));
    const claims = await Promise.all(Array.from({ length: 10 }, () => claimPending('a')));
    expect(claims.filter(Boolean)).toHaveLength(1);
    await releasePending('a');
    expect(await claimPending('a')).toBeUndefined();
  });

  it('keeps a claimed entry visible until released, so a status check does not take it for lost', async () => {
    await savePending(entry('a'));
    await claimPending('a');
    expect(await getPending('a')).toBeDefined();
    await releasePending('a');
    expect(await getPending('a')).toBeUndefined();
  });

  it('never re-creates an entry that a decision removed while a change to it was under way', async () => {
    for (let i = 0; i < 50; i++) {
      const id = `r${i}`;
      await savePending(entry(id));
      // The window id being saved and the decision racing, in both orders.
      const decide = () => claimPending(id).then((e) => (e ? releasePending(id) : undefined));
      const change = () => updatePending(id, { windowId: i });
      await Promise.all(i % 2 ? [change(), decide()] : [decide(), change()]);
    }
    expect(await allPending()).toEqual([]);
  });

  it('refuses to change a claimed entry, and keeps changes made before the claim', async () => {
    await savePending(entry('a'));
    expect(await updatePending('a', { windowId: 5 })).toBe(true);
    const claimed = await claimPending('a');
    expect(claimed?.windowId).toBe(5);
    expect(await updatePending('a', { windowId: 6 })).toBe(false);
    expect((await getPending('a'))?.windowId).toBe(5);
    await releasePending('a');
    expect(await updatePending('a', { windowId: 7 })).toBe(false);
    expect(await getPending('a')).toBeUndefined();
  });

  it('tells a watcher of each change to its entry, and of its removal, until it stops watching', async () => {
    await savePending(entry('a'));
    await savePending(entry('b'));
    const seen: (PendingEntry | null)[] = [];
    const unwatch = watchPending('a', (e) => seen.push(e));
    await updatePending('b', { windowId: 9 });
    await updatePending('a', { windowId: 3 });
    expect(seen.map((e) => e?.windowId)).toEqual([3]);
    await claimPending('a');
    await releasePending('a');
    expect(seen.at(-1)).toBeNull();
    unwatch();
    await savePending(entry('a'));
    expect(seen).toHaveLength(2);
  });
});
