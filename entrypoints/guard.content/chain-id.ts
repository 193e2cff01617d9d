// The chain a guarded request is for, asked of the wallet itself. Without it the background has no
// node to ask: no simulation, no contract checks (an approval to a plain account reads as a mere
// warning). A busy page or browser can make the wallet's answer late, so the guard remembers the last
// answer and uses it when a fresh one is late, until the wallet reports a change of chain.
import { PromiseCtor, apply, reflectGet, setTimeoutFn } from './pristine';

type Fn = (...args: unknown[]) => unknown;

/** How long a request waits for a fresh answer when an earlier one is known. */
export const CHAIN_ID_WAIT_MS = 300;
/** With nothing known yet the request waits longer: checked late beats checked blind. */
export const FIRST_CHAIN_ID_WAIT_MS = 2000;

const CHAIN_ID = /^0x[0-9a-fA-F]{1,64}$/;

export function createChainIdLookup(real: object): () => Promise<string | undefined> {
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
      const on = reflectGet(real, 'on', real);
      if (typeof on !== 'function') return;
      apply(on as Fn, real, ['chainChanged', forget]);
      apply(on as Fn, real, ['disconnect', forget]);
    } catch {
      // A wallet without events: every request asks afresh and waits the longer time when needed.
    }
  }

  return () => {
    watch();
    const asked = generation;
    return new PromiseCtor((resolve) => {
      setTimeoutFn(() => resolve(known), known === undefined ? FIRST_CHAIN_ID_WAIT_MS : CHAIN_ID_WAIT_MS);
      const answered = (id: unknown) => {
        if (typeof id !== 'string' || !CHAIN_ID.test(id)) return resolve(undefined);
        if (asked === generation) known = id;
        resolve(id);
      };
      try {
        const request = reflectGet(real, 'request', real);
        PromiseCtor.resolve(apply(request as Fn, real, [{ method: 'eth_chainId' }])).then(answered, () => resolve(undefined));
      } catch {
        resolve(undefined);
      }
    });
  };
}
