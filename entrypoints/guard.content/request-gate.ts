// Holds a guarded request until the background decides. Only a decision that arrives on the private
// bridge channel, for an id this gate issued and still waits on, can release a request, and only once.
//
// Every step is a plain callback, never an awaited promise: the page can patch Promise.prototype
// (then, constructor) and would be handed the continuation of any `await`, with the power to resume
// it with a value of its choosing (a decision, a chain id) or never.
import { MAX_REQUEST_JSON_CHARS, WALLET_READ_METHODS, type WalletRequest } from '../../common/messages';
import type { BridgeChannel } from './bridge-channel';
import { PromiseCtor, createObject, jsonParse, jsonStringify, now, randomId, setTimeoutFn } from './pristine';
import { INVALID_PARAMS, providerError, userRejected } from './rpc-error';

/** How long the guard waits for the bridge to finish the handshake before it refuses a request. */
const CONNECT_GRACE_MS = 2000;
const NOT_CONNECTED = 'The transaction firewall is not connected in this page, so the request was stopped.';

interface Waiter {
  release: () => void;
  refuse: (error: unknown) => void;
  /** Reads through the wallet this request was made to, for its analysis. */
  read: WalletRead;
}

export type WalletRead = (method: string, params: unknown, ok: (v: unknown) => void, ko: (e: unknown) => void) => void;

/** A null-prototype record of the allowed read methods: nothing the page adds to Object.prototype counts. */
const READS: Record<string, true | undefined> = createObject(null);
for (let i = 0; i < WALLET_READ_METHODS.length; i++) READS[WALLET_READ_METHODS[i]!] = true;

export interface RequestGate {
  /**
   * Takes a JSON snapshot of what the dapp asked for, has it judged, and calls `forward` with a copy
   * of that snapshot once the user (or an `allow` verdict) lets it through; the returned promise
   * settles as `forward`'s result does, or rejects with an EIP-1193 error. The wallet is given the
   * snapshot, never the dapp's object, so nothing the page changes after the check reaches it.
   */
  pass<T>(
    request: WalletRequest,
    chainId: (done: (chainId: string | undefined) => void) => void,
    forward: (snapshot: WalletRequest) => T,
    read: WalletRead,
  ): Promise<Awaited<T>>;
}

/** `tampered`: what the page changed in this frame before the guard started; every request carries it. */
export function createRequestGate(channel: BridgeChannel, tampered?: string): RequestGate {
  // A null-prototype record: no page-patchable Map or Object.prototype method sits on this path.
  const waiting: Record<string, Waiter | undefined> = createObject(null);

  channel.onMessage((message) => {
    if (message.kind === 'read') return answerRead(message.id, message.guardId, message.method, message.params);
    if (message.kind !== 'decision') return;
    const waiter = waiting[message.id];
    if (!waiter) return;
    delete waiting[message.id];
    if (message.action === 'forward') waiter.release();
    else waiter.refuse(userRejected(message.message));
  });
  channel.onCompromised(() => {
    for (const id in waiting) {
      const waiter = waiting[id];
      delete waiting[id];
      waiter?.refuse(userRejected('Something in this page tampered with the transaction firewall.'));
    }
  });

  /** A chain read for the analysis of a request still waiting here, and only the read methods. */
  function answerRead(id: string, guardId: string, method: string, params: unknown): void {
    const waiter = waiting[guardId];
    const answer = (m: { result?: unknown; error?: string; code?: number; data?: unknown }) => {
      try {
        channel.send({ kind: 'read-result', id, ...m });
      } catch {
        channel.send({ kind: 'read-result', id, error: 'the wallet gave an answer that is not JSON' });
      }
    };
    if (!waiter || !READS[method]) return void answer({ error: 'refused' });
    waiter.read(
      method,
      params,
      (result) => answer({ result }),
      (error) => {
        const e = error as { message?: unknown; code?: unknown; data?: unknown } | null;
        answer({ error: typeof e?.message === 'string' ? e.message : 'the wallet refused the read', code: typeof e?.code === 'number' ? e.code : undefined, data: e?.data });
      },
    );
  }

  function whenConnected(done: (connected: boolean) => void, deadline = now() + CONNECT_GRACE_MS): void {
    if (channel.state() === 'waiting' && now() < deadline) setTimeoutFn(() => whenConnected(done, deadline), 25);
    else done(channel.state() === 'connected');
  }

  return {
    pass(request, chainId, forward, read) {
      return new PromiseCtor((resolve, reject) => {
        let json: string;
        try {
          json = jsonStringify({ method: request.method, params: request.params });
        } catch {
          reject(providerError(INVALID_PARAMS, 'The transaction firewall could not read this request (it is not valid JSON).'));
          return;
        }
        if (typeof json !== 'string' || json.length > MAX_REQUEST_JSON_CHARS) {
          reject(providerError(INVALID_PARAMS, 'The transaction firewall refused this request: it is too large or empty.'));
          return;
        }
        let id = randomId();
        while (waiting[id]) id = randomId();
        waiting[id] = {
          release: () => {
            try {
              resolve(forward(jsonParse(json) as WalletRequest) as Awaited<ReturnType<typeof forward>>);
            } catch (error) {
              reject(error);
            }
          },
          refuse: reject,
          read,
        };
        const refuse = (reason: string) => {
          if (!waiting[id]) return;
          delete waiting[id];
          reject(userRejected(reason));
        };
        whenConnected((connected) => {
          if (!connected) return refuse(NOT_CONNECTED);
          chainId((chain) => {
            const snapshot = jsonParse(json) as WalletRequest;
            if (!channel.send({ kind: 'request', id, request: snapshot, chainId: chain, tampered })) refuse(NOT_CONNECTED);
          });
        });
      });
    },
  };
}
