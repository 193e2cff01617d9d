// The bridge's calls to the background always end, and a call that failed because the worker stopped is
// made again, but never once the extension is gone. Chrome's side of it (a reload, a stopped worker) is
// exercised for real in e2e/specs/fail-closed.spec.ts; here the rules of when to give up and when to retry.
import { describe, expect, it } from 'vitest';
import { NoAnswer } from '../../common/timeout';
import { askWithRetry, bounded } from './background-call';

const never = () => new Promise<never>(() => {});
const options = { alive: () => true, checkEveryMs: 10, giveUpAfterMs: 2_000 };
const isOk = (answer: unknown): answer is { ok: true } => (answer as { ok?: unknown } | undefined)?.ok === true;

describe('bounded', () => {
  it('gives the answer when there is one', async () => {
    await expect(bounded(() => Promise.resolve(42), options)).resolves.toBe(42);
  });

  it('passes a failed send on as it is, thrown or rejected', async () => {
    await expect(bounded(() => Promise.reject(new Error('message channel closed')), options)).rejects.toThrow('message channel closed');
    const throwing = () => {
      throw new Error('Extension context invalidated.');
    };
    await expect(bounded(throwing, options)).rejects.toThrow('Extension context invalidated.');
  });

  it('stops waiting soon after the extension goes away, though the message never settles', async () => {
    let alive = true;
    setTimeout(() => (alive = false), 50);
    const error = await bounded(never, { ...options, alive: () => alive, giveUpAfterMs: 60_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoAnswer);
    expect((error as Error).message).toMatch(/reloaded or removed/);
  });

  it('gives up on a background that stays silent while the extension is still there', async () => {
    const error = await bounded(never, { ...options, giveUpAfterMs: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoAnswer);
    expect((error as Error).message).toMatch(/no answer within 0.1 s/);
  });
});

describe('askWithRetry', () => {
  const retry = { ...options, retryDelaysMs: [20, 20] };

  it('asks again after the worker stopped mid-answer, and takes the next answer', async () => {
    const answers = [() => Promise.reject(new Error('message channel closed')), () => Promise.resolve({ ok: true })];
    let calls = 0;
    const answer = await askWithRetry(() => answers[calls++]!(), isOk, retry);
    expect(answer).toEqual({ ok: true });
    expect(calls).toBe(2);
  });

  it('an empty answer counts as none', async () => {
    let calls = 0;
    const answer = await askWithRetry(() => Promise.resolve(calls++ === 0 ? undefined : { ok: true }), isOk, retry);
    expect(answer).toEqual({ ok: true });
    expect(calls).toBe(2);
  });

  it('gives up after the last retry, without throwing', async () => {
    let calls = 0;
    const answer = await askWithRetry(() => (calls++, Promise.reject(new Error('Receiving end does not exist.'))), isOk, retry);
    expect(answer).toBeUndefined();
    expect(calls).toBe(3);
  });

  it('does not ask again once the extension is gone', async () => {
    let alive = true;
    let calls = 0;
    const send = () => {
      calls++;
      alive = false;
      return Promise.reject(new Error('Extension context invalidated.'));
    };
    expect(await askWithRetry(send, isOk, { ...retry, alive: () => alive })).toBeUndefined();
    expect(calls).toBe(1);
  });

  it('does not ask again after a silence: that would only make the dapp wait longer', async () => {
    let calls = 0;
    const answer = await askWithRetry(() => (calls++, never()), isOk, { ...retry, giveUpAfterMs: 50 });
    expect(answer).toBeUndefined();
    expect(calls).toBe(1);
  });
});
