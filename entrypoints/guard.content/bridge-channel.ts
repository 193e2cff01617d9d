// The guard's private line to the bridge. Any DOM event on window is visible to, and forgeable by,
// the page; so the guard creates a detached node that only it knows, hands it to the bridge in a
// synchronous event while no page script can be listening yet (document_start), and from then on
// speaks only on that node. A decision the page dispatches anywhere else is never heard.
//
// In a frame the page prepared before it loaded, listeners the page put on window are still there
// (realm.ts); the hello then goes over the bridge's probe window instead, which no page code has seen.
import { CHANNEL, type BridgeToGuard, type GuardToBridge } from '../../common/messages';
import { probeWindow } from './realm';
import {
  CustomEventCtor,
  MouseEventCtor,
  createElement,
  detailOf,
  emit,
  jsonParse,
  jsonStringify,
  off,
  on,
} from './pristine';

export interface BridgeChannel {
  send(message: GuardToBridge): boolean;
  /** Connected: exactly one bridge took the node. Compromised: a second party answered on it. */
  state(): 'waiting' | 'connected' | 'compromised';
  onMessage(fn: (message: BridgeToGuard) => void): void;
  onCompromised(fn: () => void): void;
}

export function openBridgeChannel(): BridgeChannel {
  const node = createElement('txfw-channel');
  const meetingPlace: EventTarget = probeWindow ?? window;
  let acks = 0;
  let listener: (message: BridgeToGuard) => void = () => {};
  let compromised: () => void = () => {};

  const hello = () => emit(meetingPlace, new MouseEventCtor(CHANNEL.guardHello, { relatedTarget: node }));
  // The bridge may start before or after the guard; whichever comes second completes the handshake.
  // (A probe exists only when the bridge started first and made it.)
  const onBridgeHello = () => hello();
  if (!probeWindow) on(window, CHANNEL.bridgeHello, onBridgeHello);

  on(node, CHANNEL.toGuard, (event) => {
    const text = detailOf(event);
    if (typeof text !== 'string') return;
    let message: BridgeToGuard;
    try {
      message = jsonParse(text) as BridgeToGuard;
    } catch {
      return;
    }
    if (message.kind === 'ack') {
      acks += 1;
      if (!probeWindow) off(window, CHANNEL.bridgeHello, onBridgeHello);
      if (acks === 2) {
        compromised();
        send({ kind: 'tamper', what: 'a second party answered on the guard channel' });
      }
      return;
    }
    if (acks === 1) listener(message);
  });

  function send(message: GuardToBridge): boolean {
    if (acks !== 1 && message.kind !== 'tamper') return false;
    emit(node, new CustomEventCtor(CHANNEL.toBridge, { detail: jsonStringify(message) }));
    return true;
  }

  hello();
  return {
    send,
    state: () => (acks === 0 ? 'waiting' : acks === 1 ? 'connected' : 'compromised'),
    onMessage(fn) {
      listener = fn;
    },
    onCompromised(fn) {
      compromised = fn;
    },
  };
}
