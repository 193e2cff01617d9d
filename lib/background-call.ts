// A message from a content script to the background that always ends. Chrome leaves a runtime message
// unanswered for good when the extension is reloaded or updated while it is in flight (the content
// script is orphaned and no background will ever answer it), and fails it when the service worker is
// stopped mid-answer. A dapp waiting on a wallet request must get an answer in both cases.

export interface CallOptions {
  /** False once this script no longer belongs to a live extension (`browser.runtime.id` is gone). */
  alive: () => boolean;
  /** How often a waiting call checks `alive`. */
  checkEveryMs: number;
  /** Past this the background is taken as gone, even if the script still looks alive. */
  giveUpAfterMs: number;
}

export class NoAnswer extends Error {}

/** `send()`'s answer, or a rejection once the extension is gone or `giveUpAfterMs` has passed. */
export function bounded<T>(send: () => Promise<T>, { alive, checkEveryMs, giveUpAfterMs }: CallOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const startedAt = Date.now();
    let done = false;
    const finish = (settle: () => void) => {
      if (done) return;
      done = true;
      clearInterval(watch);
      settle();
    };
    const watch = setInterval(() => {
      if (!alive()) finish(() => reject(new NoAnswer('the extension was reloaded or removed')));
      else if (Date.now() - startedAt >= giveUpAfterMs) finish(() => reject(new NoAnswer(`no answer within ${giveUpAfterMs / 1000} s`)));
    }, checkEveryMs);
    let sending: Promise<T>;
    try {
      sending = send();
    } catch (error) {
      sending = Promise.reject(error);
    }
    sending.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  });
}

export interface RetryOptions extends CallOptions {
  /** Waits before each further attempt; its length is the number of retries. */
  retryDelaysMs: readonly number[];
}

/**
 * Asks until `usable` accepts an answer, retrying after a failed or empty one: the message that follows
 * a stopped service worker starts it again, though not always at once. Never retries once the script is
 * orphaned or the background stayed silent past the limit. Resolves undefined when it gets no usable
 * answer; never rejects.
 */
export async function askWithRetry<T>(send: () => Promise<unknown>, usable: (answer: unknown) => answer is T, options: RetryOptions): Promise<T | undefined> {
  for (let attempt = 0; attempt <= options.retryDelaysMs.length; attempt++) {
    if (attempt > 0) {
      await new Promise((resolve) => setTimeout(resolve, options.retryDelaysMs[attempt - 1]));
    }
    if (!options.alive()) return undefined;
    try {
      const answer = await bounded(send, options);
      if (usable(answer)) return answer;
    } catch (error) {
      // Gone or silent past the limit: asking again would only make the dapp wait longer.
      if (error instanceof NoAnswer) return undefined;
      // Otherwise the worker stopped mid-answer, or was not up yet: the next message starts it.
    }
  }
  return undefined;
}
