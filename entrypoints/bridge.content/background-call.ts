// A message from a content script to the background that always ends. Chrome leaves a runtime message
// unanswered for good when the extension is reloaded or updated while it is in flight (the content
// script is orphaned and no background will ever answer it), and fails it when the service worker is
// stopped mid-answer. A dapp waiting on a wallet request must get an answer in both cases.
import { NoAnswer, delay, withTimeout } from '../../common/timeout';

export interface CallOptions {
  /** False once this script no longer belongs to a live extension (`browser.runtime.id` is gone). */
  alive: () => boolean;
  /** How often a waiting call checks `alive`. */
  checkEveryMs: number;
  /** Past this the background is taken as gone, even if the script still looks alive. */
  giveUpAfterMs: number;
}

/** `send()`'s answer, or a NoAnswer once the extension is gone or `giveUpAfterMs` has passed. */
export function bounded<T>(send: () => Promise<T>, { alive, checkEveryMs, giveUpAfterMs }: CallOptions): Promise<T> {
  let watch: ReturnType<typeof setInterval> | undefined;
  const orphaned = new Promise<never>((_, reject) => {
    watch = setInterval(() => {
      if (!alive()) reject(new NoAnswer('the extension was reloaded or removed'));
    }, checkEveryMs);
  });
  return withTimeout(() => Promise.race([send(), orphaned]), giveUpAfterMs).finally(() => clearInterval(watch));
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
export async function askWithRetry<A, T extends A>(send: () => Promise<A>, usable: (answer: A) => answer is T, options: RetryOptions): Promise<T | undefined> {
  for (let attempt = 0; attempt <= options.retryDelaysMs.length; attempt++) {
    if (attempt > 0) await delay(options.retryDelaysMs[attempt - 1]!);
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
