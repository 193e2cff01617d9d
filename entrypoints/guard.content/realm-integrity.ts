// In a frame the page may have scripted before it loaded (realm.ts), compares this realm's built-ins
// with the probe's: the same names, the same native functions, nothing added to their prototypes,
// no global `let` shadowing them. The guard itself runs on the probe's built-ins either way; what
// this finds tells the user that the page tampered with the frame (every signing request from it is
// then held), and puts back the native methods a wallet in this frame would otherwise use as the
// page left them (Object.freeze, dispatchEvent, WeakMap.prototype.set, …) where they can be put back.
import { source as P } from './realm';
import { ArrayCtor, StringCtor, apply, bindFn, createObject, functionToString, getOwnPropertyDescriptor, reflectDefineProperty, reflectDeleteProperty, reflectOwnKeys } from './pristine';

/**
 * The built-ins a wallet's in-page code leans on to announce itself and to talk to its extension, each
 * read by name the way page code reads it. (The guard itself uses the probe's.) Kept to these: every
 * name costs time in every frame that gets a probe.
 */
const NAMED = {
  __proto__: null,
  Object: () => Object,
  Function: () => Function,
  Array: () => Array,
  Reflect: () => Reflect,
  JSON: () => JSON,
  Promise: () => Promise,
  Proxy: () => Proxy,
  WeakMap: () => WeakMap,
  WeakSet: () => WeakSet,
  Map: () => Map,
  Set: () => Set,
  Symbol: () => Symbol,
  Error: () => Error,
  String: () => String,
  EventTarget: () => EventTarget,
  Event: () => Event,
  CustomEvent: () => CustomEvent,
} as unknown as Record<string, () => unknown>;

/** Functions that live on the window itself, as [Global] interfaces have them. */
const WINDOW_FUNCTIONS = ['postMessage', 'setTimeout', 'setInterval', 'queueMicrotask', 'structuredClone', 'fetch', 'open'];

type Descriptors = Record<PropertyKey, PropertyDescriptor>;

function ownDescriptors(o: object): Descriptors {
  const out = createObject(null) as Descriptors;
  const keys = reflectOwnKeys(o);
  for (let i = 0; i < keys.length; i++) out[keys[i] as string] = getOwnPropertyDescriptor(o, keys[i]!)!;
  return out;
}

const text = (f: unknown): string => (typeof f === 'function' ? (apply(functionToString, f, []) as string) : typeof f);

/** Same kind of property with the same native functions (names included), as far as the probe shows. */
function sameProperty(ours: PropertyDescriptor | undefined, theirs: PropertyDescriptor): boolean {
  if (!ours) return false;
  if ('value' in theirs) {
    if (!('value' in ours)) return false;
    return typeof theirs.value !== 'function' || text(ours.value) === text(theirs.value);
  }
  return !('value' in ours) && text(ours.get) === text(theirs.get) && text(ours.set) === text(theirs.set);
}

interface Tampered {
  /** What the page changed, in words for the report. */
  problems: string[];
  /** How many changed methods were put back to the native ones. */
  repaired: number;
}

// Lists and records here come from the probe realm or have no prototype: an index or key setter the
// page put on this realm's Array.prototype or Object.prototype must not see what is written.
const note = (result: Tampered, problem: string) => void reflectDefineProperty(result.problems, result.problems.length, { value: problem, writable: true, enumerable: true, configurable: true });

/** Compares `ours` with `theirs` key by key; puts back what it can, from the probe's natives. */
function compareObject(label: string, ours: object, theirs: Descriptors, result: Tampered): void {
  const mine = ownDescriptors(ours);
  for (const key of reflectOwnKeys(theirs)) {
    const t = theirs[key as string]!;
    if (sameProperty(mine[key as string], t)) continue;
    note(result, `${label}.${StringCtor(key)} was changed`);
    const d = mine[key as string];
    if (!d || d.configurable) {
      if (reflectDefineProperty(ours, key, t)) result.repaired += 1;
    }
  }
  for (const key of reflectOwnKeys(mine)) {
    if (key in theirs) continue;
    note(result, `${label}.${StringCtor(key)} was added`);
    if (mine[key as string]!.configurable && reflectDeleteProperty(ours, key)) result.repaired += 1;
  }
}

/**
 * Checks this realm against the probe. The probe's side is read in full first, before anything of
 * this realm is touched: a page object that runs code when inspected (a Proxy) then cannot change
 * what it is compared with.
 */
export function checkRealm(): Tampered {
  const result: Tampered = { problems: new ArrayCtor<string>(), repaired: 0 };
  const baseline = createObject(null) as Record<string, { value: unknown; own: Descriptors; proto?: Descriptors }>;
  for (const name in NAMED) {
    const value = getOwnPropertyDescriptor(P, name)?.value as object | undefined;
    if (value === undefined) continue;
    const proto = typeof value === 'function' ? (getOwnPropertyDescriptor(value, 'prototype')?.value as object | undefined) : undefined;
    baseline[name] = { value, own: ownDescriptors(value), proto: proto ? ownDescriptors(proto) : undefined };
  }
  const windowBaseline = createObject(null) as Descriptors;
  for (let i = 0; i < WINDOW_FUNCTIONS.length; i++) {
    const d = getOwnPropertyDescriptor(P, WINDOW_FUNCTIONS[i]!);
    if (d) windowBaseline[WINDOW_FUNCTIONS[i]!] = d;
  }

  for (const name in baseline) {
    const base = baseline[name]!;
    const d = getOwnPropertyDescriptor(window, name);
    if (!d || !('value' in d)) {
      note(result, `${name} was replaced by a getter`);
      continue;
    }
    // Read by name only now that it is known not to be a getter: a global `let` of the page wins here.
    if (NAMED[name]!() !== d.value) note(result, `${name} is shadowed by a page variable`);
    if (text(d.value) !== text(base.value)) {
      note(result, `${name} was replaced`);
      continue;
    }
    const ours = d.value as { prototype?: object };
    compareObject(name, ours, base.own, result);
    if (base.proto && typeof ours === 'function') {
      const proto = getOwnPropertyDescriptor(ours, 'prototype')?.value as object | undefined;
      if (proto) compareObject(`${name}.prototype`, proto, base.proto, result);
    }
  }
  for (const name in windowBaseline) {
    const t = windowBaseline[name]!;
    const d = getOwnPropertyDescriptor(window, name);
    if (sameProperty(d, t)) continue;
    note(result, `window.${name} was changed`);
    if (!d || d.configurable) {
      // Bound to this window: called bare, a probe's window function would act on the probe's window,
      // whose timers stop with it; called on this window, it acts here.
      const value = typeof t.value === 'function' ? apply(bindFn, t.value, [window]) : t.value;
      if (reflectDefineProperty(window, name, { value, writable: true, enumerable: t.enumerable, configurable: true })) result.repaired += 1;
    }
  }
  return result;
}
