// EIP-6963: the page only ever hears a wallet announce the wrapped provider. The guard listens first
// (capture, at document_start), stops the wallet's own announcement and announces the wrapped one
// with the same info; then it asks wallets that announced before it to announce again.
//
// After that, a page that asks for providers is answered by the guard from what it has heard, and
// wallets never see the page's request: a wallet announcing runs in the page's world, with the page's
// Object.freeze and CustomEvent, which a page could patch to catch the raw provider on its way out.
// A listener cannot ensure that (a wallet that started first has its listener on window before ours,
// and at the target listeners run in the order they were added), so the page's dispatchEvent is
// what answers: a request event never reaches a listener.
import type { ProviderWrapper } from './provider-proxy';
import { CustomEventCtor, EventCtor, ProxyCtor, apply, defineProperty, detailOf, dispatchEventMethod, emit, eventTargetPrototype, freeze, on, stopEvent, typeOf } from './pristine';

const ANNOUNCE = 'eip6963:announceProvider';
const REQUEST = 'eip6963:requestProvider';

/**
 * `askWallets`: after listening, ask wallets that started earlier to announce again. Not done in a
 * frame whose built-ins the page changed: a wallet announcing there would run on the page's code.
 */
export function guardEip6963(wrapper: ProviderWrapper, askWallets = true): void {
  /** Wrapped announcements heard so far, one per provider, with its latest info. */
  const heard: { info: unknown; provider: unknown }[] = [];
  let asking = false;

  const announce = (info: unknown, provider: unknown) => emit(window, new CustomEventCtor(ANNOUNCE, { detail: freeze({ info, provider }) }));

  /** Takes a wallet's announcement in place of it; false when it carries no provider to wrap. */
  function onAnnounce(event: unknown): boolean {
    const detail = detailOf(event) as { info?: unknown; provider?: unknown } | null | undefined;
    if (!detail || typeof detail !== 'object') return false;
    const provider = detail.provider;
    if (!provider || typeof provider !== 'object' || wrapper.isWrapped(provider)) return false;
    const info = detail.info;
    const wrapped = wrapper.wrap(provider);
    let known = false;
    for (let i = 0; i < heard.length; i++) {
      if (heard[i]!.provider === wrapped) {
        heard[i] = { info, provider: wrapped };
        known = true;
      }
    }
    if (!known) heard[heard.length] = { info, provider: wrapped };
    announce(info, wrapped);
    return true;
  }
  on(
    window,
    ANNOUNCE,
    (event) => {
      if (onAnnounce(event)) stopEvent(event);
    },
    true,
  );

  const answer = () => {
    for (let i = 0; i < heard.length; i++) announce(heard[i]!.info, heard[i]!.provider);
  };
  defineProperty(eventTargetPrototype, 'dispatchEvent', {
    value: new ProxyCtor(dispatchEventMethod, {
      apply(target, thisArg, args: unknown[]) {
        const type = typeOf(args[0]);
        if (!asking && type === REQUEST) {
          answer();
          return true;
        }
        // A wallet's announcement never reaches a listener with the wallet's own provider in it, not
        // even one the page added before the guard started (a frame the page prepared keeps them).
        if (type === ANNOUNCE && onAnnounce(args[0])) return true;
        return apply(target, thisArg, args);
      },
    }),
    writable: true,
    enumerable: false,
    configurable: true,
  });
  // Second line, for an event dispatched some other way while the guard's listener is first.
  on(
    window,
    REQUEST,
    (event) => {
      if (asking) return;
      stopEvent(event);
      answer();
    },
    true,
  );

  if (!askWallets) return;
  asking = true;
  try {
    emit(window, new EventCtor(REQUEST));
  } finally {
    asking = false;
  }
}
