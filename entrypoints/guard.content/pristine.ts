// The page shares the MAIN world with the guard and can redefine any global after the guard has
// started. The guard therefore keeps its own references to the built-ins it relies on, taken at
// document_start before any page script has run.

export const apply = Reflect.apply;
export const reflectGet = Reflect.get;
export const reflectSet = Reflect.set;
export const reflectHas = Reflect.has;
export const reflectOwnKeys = Reflect.ownKeys;
export const reflectDefineProperty = Reflect.defineProperty;
export const reflectDeleteProperty = Reflect.deleteProperty;
export const reflectGetPrototypeOf = Reflect.getPrototypeOf;
export const reflectSetPrototypeOf = Reflect.setPrototypeOf;
export const reflectConstruct = Reflect.construct;
export const bindFn = Function.prototype.bind;
export const objectPrototype = Object.prototype;
export const isArray = Array.isArray;
export const ProxyCtor = Proxy;
export const WeakMapCtor = WeakMap;
const weakMapGet = WeakMap.prototype.get;
const weakMapSet = WeakMap.prototype.set;
const weakSetHas = WeakSet.prototype.has;
const weakSetAdd = WeakSet.prototype.add;
export const WeakSetCtor = WeakSet;
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
export const defineProperty = Object.defineProperty;
export const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
export const freeze = Object.freeze;
export const jsonStringify = JSON.stringify;
export const jsonParse = JSON.parse;
export const PromiseCtor = Promise;
const promiseThen = Promise.prototype.then;
const promiseResolve = Promise.resolve.bind(Promise);
export const promiseReject = Promise.reject.bind(Promise);
/** Settles `value` into callbacks without the page's Promise.prototype.then or constructor seeing them. */
export function whenSettled(value: unknown, ok: (v: unknown) => void, ko: (e: unknown) => void): void {
  apply(promiseThen, promiseResolve(value), [ok, ko]);
}
export const ErrorCtor = Error;
export const setTimeoutFn = setTimeout.bind(globalThis);
export const now = Date.now;
export const createObject = Object.create;
export const stringCharCodeAt = String.prototype.charCodeAt;
export const getRandomValues = crypto.getRandomValues.bind(crypto);

const eventTargetProto = EventTarget.prototype;
const addListener = eventTargetProto.addEventListener;
const removeListener = eventTargetProto.removeEventListener;
const dispatch = eventTargetProto.dispatchEvent;
const stopImmediate = Event.prototype.stopImmediatePropagation;
const detailGetter = getOwnPropertyDescriptor(CustomEvent.prototype, 'detail')!.get!;
const typeGetter = getOwnPropertyDescriptor(Event.prototype, 'type')!.get!;
export const dispatchEventMethod = dispatch;
export const eventTargetPrototype = eventTargetProto;
export const CustomEventCtor = CustomEvent;
export const MouseEventCtor = MouseEvent;
export const EventCtor = Event;

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

export function detailOf(event: Event): unknown {
  return apply(detailGetter, event, []);
}

const HEX = '0123456789abcdef';
/** Index loop and string indexing only: the page may patch iterators and Number.prototype.toString. */
export function randomId(): string {
  const bytes = new Uint8Array(16);
  getRandomValues(bytes);
  let s = '';
  for (let i = 0; i < 16; i++) s += HEX[bytes[i]! >> 4]! + HEX[bytes[i]! & 15]!;
  return s;
}
