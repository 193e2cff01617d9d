import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoAnswer, delay, withTimeout } from './timeout';

const never = () => new Promise<never>(() => {});

describe('withTimeout', () => {
  afterEach(() => vi.useRealTimers());

  it('gives the answer when it comes in time', async () => {
    await expect(withTimeout(Promise.resolve(42), 1_000)).resolves.toBe(42);
    await expect(withTimeout(() => delay(5).then(() => 'late but in time'), 1_000)).resolves.toBe('late but in time');
  });

  it('rejects with NoAnswer once the time has passed, saying how long it waited', async () => {
    const startedAt = Date.now();
    const error = await withTimeout(never(), 50).catch((e: unknown) => e);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(45);
    expect(error).toBeInstanceOf(NoAnswer);
    expect((error as Error).message).toBe('no answer within 0.05 s');
    await expect(withTimeout(never(), 10, 'the model is still loading')).rejects.toThrow('the model is still loading');
  });

  it('passes the work\'s own rejection on as it is, thrown or rejected: a refusal is not a silence', async () => {
    const refused = new Error('execution reverted');
    const error = await withTimeout(Promise.reject(refused), 1_000).catch((e: unknown) => e);
    expect(error).toBe(refused);
    expect(error).not.toBeInstanceOf(NoAnswer);
    const throwing = () => {
      throw new Error('Extension context invalidated.');
    };
    await expect(withTimeout(throwing, 1_000)).rejects.toThrow('Extension context invalidated.');
  });

  it('clears its timer as soon as the work settles, answered or refused', async () => {
    vi.useFakeTimers();
    const answered = withTimeout(Promise.resolve('yes'), 60_000);
    expect(vi.getTimerCount()).toBe(1);
    await answered;
    expect(vi.getTimerCount()).toBe(0);
    await withTimeout(Promise.reject(new Error('no')), 60_000).catch(() => {});
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not reject before the time, however long the work takes meanwhile', async () => {
    vi.useFakeTimers();
    let settled = false;
    const waiting = withTimeout(never(), 1_000).catch((e: unknown) => e).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await waiting).toBeInstanceOf(NoAnswer);
  });
});

describe('delay', () => {
  it('resolves after the time', async () => {
    const startedAt = Date.now();
    await delay(30);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(25);
  });
});
