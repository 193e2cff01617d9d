// The page shares the MAIN world with the guard and can redefine any global after the guard has
// started, or, in a frame it prepared, before (realm.ts). The guard therefore keeps its own
// references to the built-ins it relies on, taken once from the realm it can trust, and reaches
// this realm's own objects (its EventTarget.prototype, Object.prototype, window) by prototype walks
// from `window` and from literals, never by global name.
import { source as R } from './realm';

const reflect = R.Reflect;
export const apply = reflect.apply;
export const reflectGet = reflect.get;
export const reflectSet = reflect.set;
export const reflectHas = reflect.has;
export const reflectOwnKeys = reflect.ownKeys;
export const reflectDefineProperty = reflect.defineProperty;
export const reflectDeleteProperty = reflect.deleteProperty;
export const reflectGetPrototypeOf = reflect.getPrototypeOf;
export const reflectSetPrototypeOf = reflect.setPrototypeOf;
export const reflectConstruct = reflect.construct;
export const getOwnPropertyDescriptor = reflect.getOwnPropertyDescriptor as (o: object, p: PropertyKey) => PropertyDescriptor | undefined;
export const bindFn = R.Function.prototype.bind;
export const functionToString = R.Function.prototype.toString;
export const isArray = R.Array.isArray;
export const ArrayCtor = R.Array;
export const StringCtor = R.String;
export const ProxyCtor = R.Proxy;
export const WeakMapCtor = R.WeakMap;
export const WeakSetCtor = R.WeakSet;
const weakMapGet = R.WeakMap.prototype.get;
const weakMapSet = R.WeakMap.prototype.set;
const weakSetHas = R.WeakSet.prototype.has;
const weakSetAdd = R.WeakSet.prototype.add;
export function wmGet<K extends object, V>(map: WeakMap<K, V>, key: K): V | undefined {
  return apply(weakMapGet, map, [key]) as V | undefined;
}
export function wmSet<K extends object, V>(map: WeakMap<K, V>, key: K, value: V): void {
  apply(weakMapSet, map, [key, value]);
}
export function wsHas<T extends object>(set: WeakSet<T>, value: T): boolean {
  return apply(weakSetHas, set, [value]) as boolean;
}
export function wsAdd<T extends object>(set: WeakSet<T>, value: T): void {
  apply(weakSetAdd, set, [value]);
}
export const defineProperty = R.Object.defineProperty;
export const freeze = R.Object.freeze;
export const createObject = R.Object.create;
export const jsonStringify = R.JSON.stringify;
export const jsonParse = R.JSON.parse;
export const PromiseCtor = R.Promise;
const promiseThen = R.Promise.prototype.then;
const promiseResolve = apply(bindFn, R.Promise.resolve, [R.Promise]) as (v: unknown) => Promise<unknown>;
export const promiseReject = apply(bindFn, R.Promise.reject, [R.Promise]) as (e: unknown) => Promise<never>;
/** Settles `value` into callbacks without the page's Promise.prototype.then or constructor seeing them. */
export function whenSettled(value: unknown, ok: (v: unknown) => void, ko: (e: unknown) => void): void {
  apply(promiseThen, promiseResolve(value), [ok, ko]);
}
export const ErrorCtor = R.Error;
export const Uint8ArrayCtor = R.Uint8Array;
export const now = R.Date.now;
export const stringCharCodeAt = R.String.prototype.charCodeAt;
const cryptoObject = R.crypto;
const getRandom = cryptoObject.getRandomValues;
// This realm's timer, taken off its own window and called with it: a probe's own timers stop when
// the probe frame is removed, and the guard's waits must go on.
const timer = typeof window === 'undefined' ? undefined : (getOwnPropertyDescriptor(window, 'setTimeout')?.value as typeof setTimeout | undefined);
const probeTimer = R.setTimeout;
export function setTimeoutFn(fn: () => void, ms: number): void {
  apply(typeof timer === 'function' ? timer : probeTimer, typeof timer === 'function' ? window : R, [fn, ms]);
}

/** This realm's own prototypes, found from objects the page cannot swap (a literal, a function, window). */
export const objectPrototype = reflectGetPrototypeOf({}) as object;
export const functionPrototype = reflectGetPrototypeOf(function () {}) as object;
function ownEventTargetPrototype(): EventTarget {
  if (typeof window === 'undefined') return R.EventTarget.prototype;
  for (let o = reflectGetPrototypeOf(window) as object | null; o !== null; o = reflectGetPrototypeOf(o)) {
    if (getOwnPropertyDescriptor(o, 'dispatchEvent')) return o as EventTarget;
  }
  return R.EventTarget.prototype;
}
export const eventTargetPrototype = ownEventTargetPrototype();

const eventTargetProto = R.EventTarget.prototype;
const addListener = eventTargetProto.addEventListener;
const removeListener = eventTargetProto.removeEventListener;
const dispatch = eventTargetProto.dispatchEvent;
const stopImmediate = R.Event.prototype.stopImmediatePropagation;
const detailGetter = getOwnPropertyDescriptor(R.CustomEvent.prototype, 'detail')!.get!;
const typeGetter = getOwnPropertyDescriptor(R.Event.prototype, 'type')!.get!;
// Absent outside a browser (Node imports the method list); never called there.
const createElementMethod = R.Document?.prototype.createElement;
export const dispatchEventMethod = dispatch;
export const CustomEventCtor = R.CustomEvent;
export const MouseEventCtor = R.MouseEvent;
export const EventCtor = R.Event;

export function on(target: EventTarget, type: string, fn: (e: Event) => void, capture = false): void {
  apply(addListener, target, [type, fn, capture]);
}
export function off(target: EventTarget, type: string, fn: (e: Event) => void, capture = false): void {
  apply(removeListener, target, [type, fn, capture]);
}
export function emit(target: EventTarget, event: Event): void {
  apply(dispatch, target, [event]);
}
export function stopEvent(event: Event): void {
  apply(stopImmediate, event, []);
}
/** The event's type, or undefined for anything that is not a real Event. */
export function typeOf(event: unknown): string | undefined {
  try {
    return apply(typeGetter, event, []) as string;
  } catch {
    return undefined;
  }
}

/** The event's detail, or undefined for anything that is not a real CustomEvent. */
export function detailOf(event: unknown): unknown {
  try {
    return apply(detailGetter, event, []);
  } catch {
    return undefined;
  }
}

/** An element of this document, made without the page's (patchable) createElement. */
export function createElement(tag: string): Element {
  return apply(createElementMethod, document, [tag]) as Element;
}

const HEX = '0123456789abcdef';
/** Index loop and string indexing only: the page may patch iterators and Number.prototype.toString. */
export function randomId(): string {
  const bytes = new Uint8ArrayCtor(16);
  apply(getRandom, cryptoObject, [bytes]);
  let s = '';
  for (let i = 0; i < 16; i++) s += HEX[bytes[i]! >> 4]! + HEX[bytes[i]! & 15]!;
  return s;
}
