// Read-modify-write on chrome.storage is not atomic: two writers that read before either writes lose
// one update. The background's records (history, counts, recipients, pending decisions) are
// therefore changed one at a time through these two helpers. Free of extension APIs, so tested alone.

/** Runs tasks strictly one after another, in the order given; a failed task does not stop later ones. */
export function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task);
    tail = run.catch(() => {});
    return run;
  };
}

/**
 * Group commit: items added while a write is running are written together by the next one, so a
 * burst of N items costs two writes rather than N, and writes never overlap. Each `add` settles when
 * the write that carried its item has (and rejects with that write's error).
 *
 * `gatherMs`: an idle writer waits that long after the first item before writing, so items that come
 * one after another (a dapp's requests, each answered in milliseconds) share a write too.
 */
export function createBatchWriter<T>(write: (batch: T[]) => Promise<void>, { gatherMs = 0 }: { gatherMs?: number } = {}): (item: T) => Promise<void> {
  let waiting: { item: T; done: () => void; failed: (error: unknown) => void }[] = [];
  let running = false;

  async function drain(): Promise<void> {
    running = true;
    if (gatherMs > 0) await new Promise((resolve) => setTimeout(resolve, gatherMs));
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      try {
        await write(batch.map((w) => w.item));
        for (const w of batch) w.done();
      } catch (error) {
        for (const w of batch) w.failed(error);
      }
    }
    running = false;
  }

  return (item) =>
    new Promise<void>((done, failed) => {
      waiting.push({ item, done, failed });
      if (!running) void drain();
    });
}
