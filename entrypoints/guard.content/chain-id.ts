// The chain a guarded request is for, asked of the wallet itself. Without it the background has no
// node to ask: no simulation, no contract checks (an approval to a plain account reads as a mere
// warning). A busy page or browser can make the wallet's answer late, so the guard remembers the last
// answer and uses it when a fresh one is late, until the wallet reports a change of chain.
import { apply, reflectGet, setTimeoutFn, stringCharCodeAt, whenSettled } from './pristine';

type Fn = (...args: unknown[]) => unknown;
export type ChainIdLookup = (done: (chainId: string | undefined) => void) => void;

/** How long a request waits for a fresh answer when an earlier one is known. */
export const CHAIN_ID_WAIT_MS = 300;
/** With nothing known yet the request waits longer: checked late beats checked blind. */
export const FIRST_CHAIN_ID_WAIT_MS = 2000;

/** 0x and 1 to 64 hex digits, checked by char codes: the page may patch RegExp and String methods. */
function isChainId(id: unknown): id is string {
  if (typeof id !== 'string' || id.length < 3 || id.length > 66) return false;
  if (apply(stringCharCodeAt, id, [0]) !== 48 || apply(stringCharCodeAt, id, [1]) !== 120) return false;
  for (let i = 2; i < id.length; i++) {
    const c = apply(stringCharCodeAt, id, [i]) as number;
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70))) return false;
  }
  return true;
}

/** Asks the wallet's own `request` (never the page's), settling without the page's Promise methods. */
export function askWallet(real: unknown, method: string, params: unknown, ok: (v: unknown) => void, ko: (e: unknown) => void): void {
  try {
    const request = reflectGet(real as object, 'request', real);
    whenSettled(apply(request as Fn, real, [params === undefined ? { method } : { method, params }]), ok, ko);
  } catch (error) {
    ko(error);
  }
}

export function createChainIdLookup(real: unknown): ChainIdLookup {
  let known: string | undefined;
  /** Bumped on every change the wallet reports, so an answer given before the change is not kept. */
  let generation = 0;
  let watching = false;

  // EIP-1193 wallets emit chainChanged on every switch; a forged event only forgets the answer.
  function watch(): void {
    if (watching) return;
    watching = true;
    const forget = () => {
      generation += 1;
      known = undefined;
    };
    try {
      const on = reflectGet(real as object, 'on', real);
      if (typeof on !== 'function') return;
      apply(on as Fn, real, ['chainChanged', forget]);
      apply(on as Fn, real, ['disconnect', forget]);
    } catch {
      // A wallet without events: every request asks afresh and waits the longer time when needed.
    }
  }

  return (done) => {
    watch();
    const asked = generation;
    let finished = false;
    const finish = (id: string | undefined) => {
      if (finished) return;
      finished = true;
      done(id);
    };
    setTimeoutFn(() => finish(known), known === undefined ? FIRST_CHAIN_ID_WAIT_MS : CHAIN_ID_WAIT_MS);
    const answered = (id: unknown) => {
      if (!isChainId(id)) return finish(undefined);
      if (asked === generation) known = id;
      finish(id);
    };
    askWallet(real, 'eth_chainId', undefined, answered, () => finish(undefined));
  };
}
