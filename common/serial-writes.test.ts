import { describe, expect, it } from 'vitest';
import { createBatchWriter, createSerialQueue } from './serial-writes';

/** A store whose reads and writes each take a few timer ticks, as chrome.storage's round trips do. */
function slowStore(initial: number) {
  let value = initial;
  let writes = 0;
  const tick = () => new Promise((r) => setTimeout(r, Math.floor(Math.random() * 3)));
  return {
    async read() {
      await tick();
      return value;
    },
    async write(v: number) {
      await tick();
      value = v;
      writes += 1;
    },
    get value() {
      return value;
    },
    get writes() {
      return writes;
    },
  };
}

describe('createSerialQueue', () => {
  it('runs read-modify-writes one at a time, so none is lost', async () => {
    const store = slowStore(0);
    const serial = createSerialQueue();
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 100 }, () =>
        serial(async () => {
          running += 1;
          most = Math.max(most, running);
          await store.write((await store.read()) + 1);
          running -= 1;
        }),
      ),
    );
    expect(store.value).toBe(100);
    expect(most).toBe(1);
  });

  it('keeps going after a task fails, and hands each caller its own result', async () => {
    const serial = createSerialQueue();
    const failed = serial(() => Promise.reject(new Error('boom')));
    const next = serial(async () => 'after');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('after');
  });
});

describe('createBatchWriter', () => {
  it('a burst of 200 concurrent items lands whole in a few writes', async () => {
    const store = slowStore(0);
    const batches: number[][] = [];
    const add = createBatchWriter<number>(async (batch) => {
      batches.push(batch);
      await store.write((await store.read()) + batch.length);
    });
    await Promise.all(Array.from({ length: 200 }, (_, i) => add(i)));
    expect(store.value).toBe(200);
    // The first item starts a write; everything that arrives meanwhile goes in the next one.
    expect(store.writes).toBeLessThanOrEqual(2);
    expect(batches.flat()).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it('items added while a write runs go in the next write, never in an overlapping one', async () => {
    const store = slowStore(0);
    let running = 0;
    let most = 0;
    const add = createBatchWriter<number>(async (batch) => {
      running += 1;
      most = Math.max(most, running);
      await store.write((await store.read()) + batch.length);
      running -= 1;
    });
    const all: Promise<void>[] = [];
    for (let wave = 0; wave < 20; wave++) {
      for (let i = 0; i < 5; i++) all.push(add(i));
      await new Promise((r) => setTimeout(r, 1));
    }
    await Promise.all(all);
    expect(store.value).toBe(100);
    expect(most).toBe(1);
  });

  it('a failed write rejects the items it carried and only those; later items are still written', async () => {
    const written: string[] = [];
    let fail = true;
    const add = createBatchWriter<string>(async (batch) => {
      await new Promise((r) => setTimeout(r, 1));
      if (fail) {
        fail = false;
        throw new Error('quota');
      }
      written.push(...batch);
    });
    const first = add('a');
    const second = add('b');
    await expect(first).rejects.toThrow('quota');
    await expect(second).resolves.toBeUndefined();
    expect(written).toEqual(['b']);
  });

  it('with gatherMs, items added one after another within that time share one write', async () => {
    const batches: number[][] = [];
    const add = createBatchWriter<number>(async (batch) => void batches.push(batch), { gatherMs: 50 });
    const added: Promise<void>[] = [];
    for (let i = 0; i < 5; i++) {
      added.push(add(i));
      await new Promise((r) => setTimeout(r, 2));
    }
    await Promise.all(added);
    expect(batches).toEqual([[0, 1, 2, 3, 4]]);
    // And a later item is written too, in a write of its own.
    await add(5);
    expect(batches).toEqual([[0, 1, 2, 3, 4], [5]]);
  });
});
