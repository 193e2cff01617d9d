// The one way anything here stops waiting: `withTimeout`, and the one error that says nothing came back
// in time, so callers tell silence (NoAnswer) from a refusal (whatever the work itself rejected with).
// Pure: the analysis, the background, the bridge and the CLI all use it.

/** Nothing came back in time (or, for a message, nothing will: the extension is gone). */
export class NoAnswer extends Error {
  override name = 'NoAnswer';
}

/**
 * What `work` settles with, or a NoAnswer once `ms` have passed. The timer is cleared as soon as the
 * work settles. Given a function, a synchronous throw becomes the rejection.
 */
export function withTimeout<T>(work: PromiseLike<T> | (() => PromiseLike<T>), ms: number, message = `no answer within ${ms / 1000} s`): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new NoAnswer(message)), ms);
    let running: PromiseLike<T>;
    try {
      running = typeof work === 'function' ? work() : work;
    } catch (error) {
      running = Promise.reject(error);
    }
    Promise.resolve(running).then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

/** Resolves after `ms`: the pause before asking again. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
