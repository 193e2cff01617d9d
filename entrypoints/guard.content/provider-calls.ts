// The three ways a dapp asks a provider to do something (request, send, sendAsync), each routed
// through the request gate when it is a signing request and passed to the wallet unchanged otherwise.
// `real` is always the wallet's own object: whatever `this` the page calls with, the wallet runs on
// the provider it belongs to, as it would without the firewall.
import { askWallet, createChainIdLookup, type ChainIdLookup } from './chain-id';
import { classifyRequest, isGuardedRequest } from './guarded-methods';
import { WeakMapCtor, apply, createObject, isArray, promiseReject, whenSettled, wmGet, wmSet } from './pristine';
import type { RequestGate } from './request-gate';
import { INVALID_PARAMS, providerError } from './rpc-error';

export type Fn = (...args: unknown[]) => unknown;
type Callback = (error: unknown, response?: unknown) => void;
export type Interceptor = (fn: Fn, real: unknown, args: unknown[]) => unknown;

export function isObject(v: unknown): v is object {
  return (typeof v === 'object' && v !== null) || typeof v === 'function';
}

/** One lookup per wallet object, so its last answer is remembered across requests. */
const lookups = new WeakMapCtor<object, ChainIdLookup>();
function chainIdOf(real: unknown): ChainIdLookup {
  if (!isObject(real)) return createChainIdLookup(real);
  let lookup = wmGet(lookups, real);
  if (!lookup) wmSet(lookups, real, (lookup = createChainIdLookup(real)));
  return lookup;
}

/** Reads for the request's analysis go to the same wallet object it was made to. */
const readerOf = (real: unknown) => (method: string, params: unknown, ok: (v: unknown) => void, ko: (e: unknown) => void) => askWallet(real, method, params, ok, ko);

/** A plain copy of a request object with `method` and `params` as read once (no params key if none). */
function readOnce(input: object, method: unknown, params: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...(input as Record<string, unknown>), method, params };
  if (params === undefined) delete copy.params;
  return copy;
}

function failCallback(callback: Callback, payload: unknown, error: unknown): undefined {
  if (typeof callback !== 'function') return undefined;
  const id = isObject(payload) ? (payload as { id?: unknown }).id : undefined;
  const e = error as { code?: number; message?: string };
  apply(callback, undefined, [error, { id, jsonrpc: '2.0', error: { code: e.code, message: e.message } }]);
  return undefined;
}

export interface Interceptors {
  /** By property name: the entry points wallets expose (request, send, sendAsync, MetaMask's _rpcRequest). */
  byName: Record<string, Interceptor | undefined>;
  /**
   * For any other wallet function: the interceptor its arguments call for when they look like a
   * request (a method name, a request object, a batch), so a wallet's entry point reached under a
   * name of its own still meets the gate; undefined for a call that carries no request.
   */
  byShape(args: unknown[]): Interceptor | undefined;
}

export function createInterceptors(gate: RequestGate): Interceptors {
  function onRequest(fn: Fn, real: unknown, args: unknown[]): unknown {
    const input = args[0];
    if (!isObject(input)) return apply(fn, real, args);
    let method: unknown;
    let params: unknown;
    let copy: Record<string, unknown>;
    let guarded: boolean;
    try {
      // Each field is read once: a getter cannot show the guard one method and the wallet another.
      method = (input as { method?: unknown }).method;
      const classified = classifyRequest(method, (input as { params?: unknown }).params);
      params = classified.params;
      guarded = classified.guarded;
      copy = readOnce(input, method, params);
    } catch {
      return promiseReject(providerError(INVALID_PARAMS, 'The request object could not be read.'));
    }
    if (!guarded) {
      args[0] = copy;
      return apply(fn, real, args);
    }
    return gate.pass({ method: method as string, params }, chainIdOf(real), (snapshot) => apply(fn, real, [snapshot]), readerOf(real));
  }

  function onSend(fn: Fn, real: unknown, args: unknown[]): unknown {
    // Indexes, not destructuring: destructuring runs the page's (patchable) array iterator.
    const first = args[0];
    const second = args[1];
    if (typeof first === 'string') {
      let classified;
      try {
        classified = classifyRequest(first, second);
      } catch {
        return promiseReject(providerError(INVALID_PARAMS, 'The request could not be read.'));
      }
      if (!classified.guarded) {
        args[1] = classified.params;
        return apply(fn, real, args);
      }
      return gate.pass({ method: first, params: classified.params }, chainIdOf(real), (s) => apply(fn, real, [s.method, s.params]), readerOf(real));
    }
    if (typeof second === 'function') return onSendAsync(fn, real, args);
    if (isObject(first)) {
      const method = (first as { method?: unknown }).method;
      const classified = classifyRequest(method, (first as { params?: unknown }).params);
      if (classified.guarded) {
        throw providerError(INVALID_PARAMS, `The transaction firewall does not pass synchronous ${typeof method === 'string' ? method : 'signing'} calls; use request().`);
      }
      return apply(fn, real, [readOnce(first, method, classified.params)]);
    }
    return apply(fn, real, args);
  }

  function onSendAsync(fn: Fn, real: unknown, args: unknown[]): unknown {
    const payload = args[0];
    const callback = args[1] as Callback;
    const items = isArray(payload) ? payload : [payload];
    // What the wallet gets is built from one read of each field, guarded or not: a getter must not
    // show the guard eth_chainId and the wallet eth_sendTransaction.
    const copies: unknown[] = [];
    let guarded = 0;
    let single: { method: string; params: unknown; copy: Record<string, unknown> } | undefined;
    try {
      // An index loop: the page may have patched the array iterator.
      for (let i = 0; i < items.length; i++) {
        const item: unknown = items[i];
        if (!isObject(item)) {
          copies[i] = item;
          continue;
        }
        const method = (item as { method?: unknown }).method;
        const classified = classifyRequest(method, (item as { params?: unknown }).params);
        const copy = readOnce(item, method, classified.params);
        copies[i] = copy;
        if (classified.guarded) {
          guarded += 1;
          single = { method: method as string, params: classified.params, copy };
        }
      }
    } catch {
      return failCallback(callback, payload, providerError(INVALID_PARAMS, 'The request object could not be read.'));
    }
    if (guarded === 0) return apply(fn, real, [isArray(payload) ? copies : copies[0], callback]);
    if (guarded > 1 || isArray(payload) || !single) {
      return failCallback(callback, payload, providerError(INVALID_PARAMS, 'The transaction firewall checks signing requests one at a time; send them separately.'));
    }
    const { copy } = single;
    const passed = gate.pass({ method: single.method, params: single.params }, chainIdOf(real), (s) => apply(fn, real, [{ ...copy, method: s.method, params: s.params }, callback]), readerOf(real));
    whenSettled(passed, () => {}, (error: unknown) => failCallback(callback, payload, error));
    return undefined;
  }

  function byShape(args: unknown[]): Interceptor | undefined {
    const first = args[0];
    if (typeof first === 'string') return isGuardedRequest(first, args[1]) ? onSend : undefined;
    if (isArray(first)) {
      for (let i = 0; i < first.length; i++) if (isObject(first[i]) && 'method' in (first[i] as object)) return onSendAsync;
      return undefined;
    }
    // Any object with a method goes to onRequest, which reads it once and passes the harmless ones on.
    if (isObject(first) && 'method' in first) return typeof args[1] === 'function' ? onSendAsync : onRequest;
    return undefined;
  }

  // `_rpcRequest` is MetaMask's (and its forks') callback entry point beneath request(); it takes
  // what sendAsync takes, and a page can reach it on the provider as easily as request itself.
  const byName = createObject(null) as Record<string, Interceptor | undefined>;
  byName.request = onRequest;
  byName.send = onSend;
  byName.sendAsync = onSendAsync;
  byName._rpcRequest = onSendAsync;
  return { byName, byShape };
}
