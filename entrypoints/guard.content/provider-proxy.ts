// Wraps an EIP-1193 provider so that every signing method goes through the request gate while
// everything else reaches the wallet's own object unchanged. The wrapper is a Proxy over a fresh
// target, so it works on frozen and read-only providers (Brave, OKX) without mutating them.
import { isGuardedRequest } from '../../lib/guarded-methods';
import { createChainIdLookup } from './chain-id';
import {
  PromiseCtor,
  ProxyCtor,
  WeakMapCtor,
  WeakSetCtor,
  apply,
  getOwnPropertyDescriptor,
  isArray,
  reflectDefineProperty,
  reflectDeleteProperty,
  reflectGet,
  reflectGetPrototypeOf,
  reflectHas,
  reflectOwnKeys,
  reflectSet,
  wmGet,
  wmSet,
  wsAdd,
  wsHas,
} from './pristine';
import type { RequestGate } from './request-gate';
import { INVALID_PARAMS, providerError } from './rpc-error';

type Fn = (...args: unknown[]) => unknown;
type Callback = (error: unknown, response?: unknown) => void;

export interface ProviderWrapper {
  wrap<T>(provider: T): T;
  isWrapped(value: unknown): boolean;
}

function isObject(v: unknown): v is object {
  return (typeof v === 'object' && v !== null) || typeof v === 'function';
}

export function createProviderWrapper(gate: RequestGate): ProviderWrapper {
  const wrapped = new WeakMapCtor<object, object>();
  const ours = new WeakSetCtor<object>();

  function wrap<T>(real: T): T {
    if (!isObject(real) || wsHas(ours, real)) return real;
    const existing = wmGet(wrapped, real);
    if (existing) return existing as T;
    const proxy = wrapOne(real);
    wmSet(wrapped, real, proxy);
    wsAdd(ours, proxy);
    return proxy as T;
  }

  function wrapOne(real: object): object {
    const functions = new WeakMapCtor<Fn, Fn>();
    let providersIn: unknown;
    let providersOut: unknown;

    const chainId = createChainIdLookup(real);

    function onRequest(fn: Fn, args: unknown[]): unknown {
      const input = args[0];
      if (!isObject(input)) return apply(fn, real, args);
      let method: unknown;
      let params: unknown;
      let copy: Record<string, unknown>;
      try {
        // Each field is read once: a getter cannot show the guard one method and the wallet another.
        method = (input as { method?: unknown }).method;
        params = (input as { params?: unknown }).params;
        copy = { ...(input as Record<string, unknown>), method, params };
      } catch {
        return PromiseCtor.reject(providerError(INVALID_PARAMS, 'The request object could not be read.'));
      }
      if (params === undefined) delete copy.params;
      if (!isGuardedRequest(method, params)) return apply(fn, real, [copy, ...args.slice(1)]);
      return gate.pass({ method: method as string, params }, chainId, (snapshot) => apply(fn, real, [snapshot]));
    }

    function onSend(fn: Fn, args: unknown[]): unknown {
      const [first, second] = args;
      if (typeof first === 'string') {
        if (!isGuardedRequest(first, second)) return apply(fn, real, args);
        return gate.pass({ method: first, params: second }, chainId, (s) => apply(fn, real, [s.method, s.params]));
      }
      if (typeof second === 'function') return onSendAsync(fn, args);
      if (isObject(first)) {
        const method = (first as { method?: unknown }).method;
        if (isGuardedRequest(method, (first as { params?: unknown }).params)) {
          throw providerError(INVALID_PARAMS, `The transaction firewall does not pass synchronous ${String(method)} calls; use request().`);
        }
        return apply(fn, real, [{ ...(first as object), method }]);
      }
      return apply(fn, real, args);
    }

    function onSendAsync(fn: Fn, args: unknown[]): unknown {
      const [payload, callback] = args as [unknown, Callback];
      const items = isArray(payload) ? payload : [payload];
      let guarded = 0;
      let single: { method: string; params: unknown; copy: Record<string, unknown> } | undefined;
      try {
        for (const item of items) {
          if (!isObject(item)) continue;
          const method = (item as { method?: unknown }).method;
          const params = (item as { params?: unknown }).params;
          if (isGuardedRequest(method, params)) {
            guarded += 1;
            single = { method: method as string, params, copy: { ...(item as Record<string, unknown>), method, params } };
          }
        }
      } catch {
        return failCallback(callback, payload, providerError(INVALID_PARAMS, 'The request object could not be read.'));
      }
      if (guarded === 0) return apply(fn, real, args);
      if (guarded > 1 || isArray(payload) || !single) {
        return failCallback(callback, payload, providerError(INVALID_PARAMS, 'The transaction firewall checks signing requests one at a time; send them separately.'));
      }
      const { method, params, copy } = single;
      gate
        .pass({ method, params }, chainId, (s) => apply(fn, real, [{ ...copy, method: s.method, params: s.params }, callback]))
        .then(undefined, (error: unknown) => failCallback(callback, payload, error));
      return undefined;
    }

    function failCallback(callback: Callback, payload: unknown, error: unknown): undefined {
      if (typeof callback !== 'function') return undefined;
      const id = isObject(payload) ? (payload as { id?: unknown }).id : undefined;
      const e = error as { code?: number; message?: string };
      apply(callback, undefined, [error, { id, jsonrpc: '2.0', error: { code: e.code, message: e.message } }]);
      return undefined;
    }

    const interceptors: Record<string, (fn: Fn, args: unknown[]) => unknown> = {
      request: onRequest,
      send: onSend,
      sendAsync: onSendAsync,
    };

    function functionFor(name: PropertyKey, fn: Fn): Fn {
      const cached = wmGet(functions, fn);
      if (cached) return cached;
      const intercept = typeof name === 'string' ? interceptors[name] : undefined;
      const proxied = new ProxyCtor(fn, {
        apply(target, thisArg, args: unknown[]) {
          if (intercept) return intercept(target, args);
          // Methods called on the wrapper run on the wallet's object, as they would without us;
          // one that returns its own object (an emitter's `on`) hands back the wrapper instead.
          const result = apply(target, thisArg === proxy ? real : thisArg, args);
          return result === real ? proxy : result;
        },
      });
      wmSet(functions, fn, proxied);
      return proxied;
    }

    function providersFor(list: unknown[]): unknown {
      if (list !== providersIn) {
        providersIn = list;
        // An index loop, not list.map: the page may have patched Array.prototype.
        const out: unknown[] = [];
        for (let i = 0; i < list.length; i++) out[i] = wrap(list[i]);
        providersOut = out;
      }
      return providersOut;
    }

    const proxy: object = new ProxyCtor(
      {},
      {
        get(_target, prop) {
          const value = reflectGet(real, prop, real);
          if (typeof value === 'function') return functionFor(prop, value as Fn);
          if (prop === 'providers' && isArray(value)) return providersFor(value);
          return value;
        },
        set: (_t, prop, value) => reflectSet(real, prop, value, real),
        has: (_t, prop) => reflectHas(real, prop),
        ownKeys: () => reflectOwnKeys(real),
        getOwnPropertyDescriptor(_t, prop) {
          const d = getOwnPropertyDescriptor(real, prop);
          // A Proxy over a fresh target may not report a property as non-configurable.
          return d ? { ...d, configurable: true } : undefined;
        },
        defineProperty: (_t, prop, d) => reflectDefineProperty(real, prop, d),
        deleteProperty: (_t, prop) => reflectDeleteProperty(real, prop),
        getPrototypeOf: () => reflectGetPrototypeOf(real),
      },
    );
    return proxy;
  }

  return { wrap, isWrapped: (v) => isObject(v) && wsHas(ours, v) };
}
