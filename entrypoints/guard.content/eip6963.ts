// EIP-6963: the page only ever hears a wallet announce the wrapped provider. The guard listens first
// (capture, at document_start), stops the wallet's own announcement and announces the wrapped one
// with the same info; then it asks wallets that announced before it to announce again.
import type { ProviderWrapper } from './provider-proxy';
import { CustomEventCtor, EventCtor, detailOf, emit, freeze, on, stopEvent } from './pristine';

const ANNOUNCE = 'eip6963:announceProvider';
const REQUEST = 'eip6963:requestProvider';

export function guardEip6963(wrapper: ProviderWrapper): void {
  on(
    window,
    ANNOUNCE,
    (event) => {
      const detail = detailOf(event) as { info?: unknown; provider?: unknown } | null;
      if (!detail || typeof detail !== 'object') return;
      const provider = detail.provider;
      if (!provider || typeof provider !== 'object' || wrapper.isWrapped(provider)) return;
      stopEvent(event);
      const info = detail.info;
      emit(window, new CustomEventCtor(ANNOUNCE, { detail: freeze({ info, provider: wrapper.wrap(provider) }) }));
    },
    true,
  );
  emit(window, new EventCtor(REQUEST));
}
