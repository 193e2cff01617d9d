// Wraps an EIP-1193 provider so that every signing method goes through the request gate while
// everything else reaches the wallet's own object unchanged. The wrapper is a Proxy over a fresh
// target, so it works on frozen and read-only providers (Brave, OKX) without mutating them.
//
// The page must not find the wallet's own request function anywhere behind the wrapper: not as a
// property, not in a property descriptor, not on the prototype chain (`__proto__`,
// `Object.getPrototypeOf`, `constructor.prototype`). Each of those paths hands out wrapped functions
// and wrapped prototypes; a wrapped prototype's request, called on a wrapped provider, is guarded too.
//
// Nor may the page's own code ever run with the wallet's object as `this`: a getter or method the page
// put on Object.prototype, Function.prototype or on the provider itself, or a listener the wallet's
// emitter calls, would otherwise receive the raw provider. Wallet code runs on the wallet's object;
// page code runs on the wrapper.
import { createInterceptors, isObject, type Fn, type Interceptor } from './provider-calls';
import {
  ProxyCtor,
  WeakMapCtor,
  WeakSetCtor,
  apply,
  bindFn,
  functionPrototype,
  getOwnPropertyDescriptor,
  isArray,
  objectPrototype,
  reflectConstruct,
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

export interface ProviderWrapper {
  wrap<T>(provider: T): T;
  isWrapped(value: unknown): boolean;
}

/**
 * How a wrapped object runs the functions found on it. A provider runs them on itself whatever
 * `this` the page passes (a dapp may call a detached `request`); a prototype runs them on the
 * provider they are called on, as methods inherited from it would.
 */
interface Context {
  selfOf: (thisArg: unknown) => unknown;
  /** Wrapped functions by the wallet's function, per wrapped object: each runs on its own provider. */
  functions: WeakMap<Fn, Fn>;
}

export function createProviderWrapper(gate: RequestGate): ProviderWrapper {
  const { byName, byShape } = createInterceptors(gate);
  /**
   * The gate each of the wallet's entry points goes through, by the function itself: the same
   * function reached under another name (`send.prototype.constructor`, an alias) is still `send`.
   */
  const roles = new WeakMapCtor<Fn, Interceptor>();
  const ENTRY_POINTS = ['request', 'send', 'sendAsync', '_rpcRequest'];
  const proxyOf = new WeakMapCtor<object, object>();
  const realOf = new WeakMapCtor<object, object>();
  const ours = new WeakSetCtor<object>();
  /** Values the page stored through a wrapper: its code, to be run on the wrapper, never on `real`. */
  const fromPage = new WeakSetCtor<object>();
  /** The page's callbacks as handed to the wallet (the same wrapper each time, so removeListener works). */
  const callbacks = new WeakMapCtor<Fn, Fn>();
  // Only wrapped providers and prototypes unwrap; a wrapped function never turns back into the
  // wallet's own (Function.prototype.call on it must reach the apply trap, not the raw function).
  const unwrap = (v: unknown): unknown => (isObject(v) && wmGet(realOf, v)) || v;

  function remember<T extends object>(real: object, proxy: T): T {
    wmSet(proxyOf, real, proxy);
    wmSet(realOf, proxy, real);
    wsAdd(ours, proxy);
    return proxy;
  }

  function wrap<T>(real: T): T {
    if (!isObject(real) || wsHas(ours, real)) return real;
    const known = wmGet(proxyOf, real) as T | undefined;
    if (known) return known;
    learnRoles(real);
    return wrapObject(real, () => real) as T;
  }

  /** Records the provider's own entry points (on it or its prototypes) before the page can reach them. */
  function learnRoles(real: object): void {
    for (let o: object | null = real; o !== null && o !== objectPrototype; o = reflectGetPrototypeOf(o)) {
      for (let i = 0; i < ENTRY_POINTS.length; i++) {
        const d = getOwnPropertyDescriptor(o, ENTRY_POINTS[i]!);
        const fn = d?.value as Fn | undefined;
        if (typeof fn === 'function' && !wsHas(fromPage, fn) && !wmGet(roles, fn)) wmSet(roles, fn, byName[ENTRY_POINTS[i]!]!);
      }
    }
  }

  function roleOf(fn: Fn, name: PropertyKey): Interceptor | undefined {
    const known = wmGet(roles, fn);
    if (known) return known;
    const named = typeof name === 'string' ? byName[name] : undefined;
    if (named) wmSet(roles, fn, named);
    return named;
  }

  function wrapPrototype(proto: unknown): unknown {
    if (!isObject(proto) || proto === objectPrototype || wsHas(ours, proto)) return proto;
    return wmGet(proxyOf, proto) ?? wrapObject(proto, unwrap);
  }

  const rewrapThis = (t: unknown): unknown => (isObject(t) && wmGet(proxyOf, t)) || t;

  /** A page function the wallet will call (a listener): it runs with the wrapper as `this`. */
  function callbackFor(fn: Fn): Fn {
    let wrapped = wmGet(callbacks, fn);
    if (!wrapped) {
      wrapped = function (this: unknown, ...args: unknown[]) {
        return apply(fn, rewrapThis(this), args);
      };
      wmSet(callbacks, fn, wrapped);
    }
    return wrapped;
  }

  function rememberPage(value: unknown): void {
    if (isObject(value)) wsAdd(fromPage, value);
  }

  /**
   * The property as the wallet defined it: found on its object or its own prototypes, above
   * Object.prototype, and not written there by the page. Anything else is the page's.
   */
  function walletDescriptor(real: object, prop: PropertyKey): PropertyDescriptor | undefined {
    for (let o: object | null = real; o !== null && o !== objectPrototype; o = reflectGetPrototypeOf(o)) {
      const d = getOwnPropertyDescriptor(o, prop);
      if (!d) continue;
      const own = d.get ?? d.set ?? d.value;
      return isObject(own) && wsHas(fromPage, own) ? undefined : d;
    }
    return undefined;
  }

  /** A function the wallet hung on one of its functions (not Function.prototype's call, bind, …). */
  function isWalletFunctionProperty(fn: Fn, prop: PropertyKey): boolean {
    for (let o: object | null = fn; o !== null && o !== functionPrototype && o !== objectPrototype; o = reflectGetPrototypeOf(o)) {
      const d = getOwnPropertyDescriptor(o, prop);
      if (!d) continue;
      const own = d.get ?? d.set ?? d.value;
      return !(isObject(own) && wsHas(fromPage, own));
    }
    return false;
  }

  /** A function the page may call with any `this`; the wallet's entry points go through the gate. */
  function wrapFunction(name: PropertyKey, fn: Fn, context: Context): Fn {
    const cached = wmGet(context.functions, fn);
    if (cached) return cached;
    const intercept = roleOf(fn, name);
    // A bound function is a fresh constructible target without an own, non-configurable
    // `prototype`, so the traps below may report a wrapped one.
    const target = apply(bindFn, function () {}, [null]) as Fn;
    const proxy: Fn = new ProxyCtor(target, {
      apply(_t, thisArg, args: unknown[]) {
        const self = context.selfOf(thisArg);
        // An entry point, or any other wallet function handed something that reads as a request.
        const gated = intercept ?? byShape(args);
        if (gated) return gated(fn, self, args);
        for (let i = 0; i < args.length; i++) {
          const a = args[i];
          if (typeof a === 'function' && !wsHas(ours, a)) args[i] = callbackFor(a as Fn);
        }
        const result = apply(fn, self, args);
        // A method that returns its own object (an emitter's `on`) hands back the wrapper instead.
        return isObject(result) && result === self ? (wmGet(proxyOf, result) ?? result) : result;
      },
      construct(_t, args: unknown[], newTarget): object {
        // `new ethereum.send(...)` runs the wallet's function as surely as a call does.
        const gated = intercept ?? byShape(args);
        if (gated) {
          const out = gated(fn, context.selfOf(undefined), args);
          return isObject(out) ? out : {};
        }
        // A provider the page builds from the wallet's own class is a provider like any other.
        return wrap(reflectConstruct(fn, args, newTarget === proxy ? fn : newTarget));
      },
      get(_t, prop) {
        // The wrapper as receiver: a getter the page put on Function.prototype must not see `fn`.
        const value = reflectGet(fn, prop, proxy);
        if (prop === 'prototype') return wrapPrototype(value);
        return typeof value === 'function' && isWalletFunctionProperty(fn, prop) ? wrapFunction(prop, value as Fn, context) : value;
      },
      set(_t, prop, value) {
        rememberPage(value);
        // As on providers: a setter the page put on Function.prototype runs on the wrapper, never on `fn`.
        return isWalletFunctionProperty(fn, prop) ? reflectSet(fn, prop, value, fn) : reflectSet(fn, prop, value, proxy);
      },
      has: (_t, prop) => reflectHas(fn, prop),
      ownKeys: () => reflectOwnKeys(fn),
      getOwnPropertyDescriptor(_t, prop) {
        const d = getOwnPropertyDescriptor(fn, prop);
        if (!d) return undefined;
        if (prop === 'prototype') return { ...d, configurable: true, value: wrapPrototype(d.value) };
        if (typeof d.value === 'function' && !wsHas(fromPage, d.value as object)) return { ...d, configurable: true, value: wrapFunction(prop, d.value as Fn, context) };
        return { ...d, configurable: true };
      },
      defineProperty: (_t, prop, d) => defineFromPage(fn, prop, d),
      deleteProperty: (_t, prop) => reflectDeleteProperty(fn, prop),
      getPrototypeOf: () => reflectGetPrototypeOf(fn),
    });
    wsAdd(ours, proxy);
    wmSet(context.functions, fn, proxy);
    return proxy;
  }

  /** What the page defines on a wallet object is the page's: its functions are never wrapped as the wallet's. */
  function defineFromPage(target: object, prop: PropertyKey, d: PropertyDescriptor): boolean {
    rememberPage(d.value);
    rememberPage(d.get);
    rememberPage(d.set);
    return reflectDefineProperty(target, prop, d);
  }

  function valueFor(prop: PropertyKey, value: unknown, context: Context): unknown {
    if (typeof value === 'function') return wrapFunction(prop, value as Fn, context);
    if (prop === 'prototype' || prop === '__proto__') return wrapPrototype(value);
    return value;
  }

  function descriptorFor(real: object, prop: PropertyKey, context: Context): PropertyDescriptor | undefined {
    const d = getOwnPropertyDescriptor(real, prop);
    if (!d) return undefined;
    // A Proxy over a fresh target may not report a property as non-configurable.
    const out: PropertyDescriptor = { ...d, configurable: true };
    if (!walletDescriptor(real, prop)) return out; // the page's own value, as it stored it
    if ('value' in d) out.value = valueFor(prop, d.value, context);
    const getter = d.get;
    if (getter) out.get = () => valueFor(prop, apply(getter, real, []), context);
    return out;
  }

  function wrapObject(real: object, selfOf: Context['selfOf']): object {
    const context: Context = { selfOf, functions: new WeakMapCtor<Fn, Fn>() };
    let providersIn: unknown;
    let providersOut: unknown;

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
          if (prop === '__proto__') return wrapPrototype(reflectGetPrototypeOf(real));
          // What the page put on the object or on Object.prototype runs on the wrapper, unwrapped.
          if (!walletDescriptor(real, prop)) return reflectGet(real, prop, proxy);
          const value = reflectGet(real, prop, real);
          if (prop === 'providers' && isArray(value)) return providersFor(value);
          return valueFor(prop, value, context);
        },
        set(_t, prop, value) {
          rememberPage(value);
          // The wallet's own setter runs on its object; anything else (a page setter on
          // Object.prototype, a plain write) sees the wrapper, and the write lands on `real` via defineProperty.
          return walletDescriptor(real, prop) ? reflectSet(real, prop, value, real) : reflectSet(real, prop, value, proxy);
        },
        has: (_t, prop) => reflectHas(real, prop),
        ownKeys: () => reflectOwnKeys(real),
        getOwnPropertyDescriptor: (_t, prop) => descriptorFor(real, prop, context),
        defineProperty: (_t, prop, d) => defineFromPage(real, prop, d),
        deleteProperty: (_t, prop) => reflectDeleteProperty(real, prop),
        getPrototypeOf: () => wrapPrototype(reflectGetPrototypeOf(real)) as object | null,
      },
    );
    return remember(real, proxy);
  }

  return { wrap, isWrapped: (v) => isObject(v) && wsHas(ours, v) };
}
