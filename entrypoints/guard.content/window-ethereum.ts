// Keeps window.ethereum wrapped, whether the wallet injected it before the guard started or after,
// by plain assignment or by Object.defineProperty.
import { apply, defineProperty, getOwnPropertyDescriptor, ProxyCtor } from './pristine';

type Wrap = <T>(value: T) => T;
const KEY = 'ethereum';

/** Turns a descriptor a wallet gives for window.ethereum into one that serves the wrapped provider. */
function wrappedDescriptor(d: PropertyDescriptor, wrap: Wrap): PropertyDescriptor {
  if (d.get || d.set) {
    const get = d.get;
    return { ...d, get: get ? () => wrap(apply(get, window, [])) : undefined };
  }
  if (!('value' in d)) return d;
  let current: unknown = d.value;
  return {
    configurable: d.configurable,
    enumerable: d.enumerable,
    get: () => wrap(current),
    set: d.writable ? (v: unknown) => void (current = v) : undefined,
  };
}

function isEthereumOnWindow(target: unknown, key: unknown): boolean {
  return target === window && key === KEY;
}

/** Returns a problem in words when window.ethereum cannot be watched, otherwise null. */
export function guardWindowEthereum(wrap: Wrap): string | null {
  const existing = getOwnPropertyDescriptor(window, KEY);
  let problem: string | null = null;
  if (existing && !existing.configurable) {
    if ('value' in existing && existing.writable) {
      (window as unknown as Record<string, unknown>)[KEY] = wrap(existing.value);
      problem = 'window.ethereum was defined before the firewall started and can be replaced unseen';
    } else {
      problem = 'window.ethereum is locked by another script, so the firewall cannot watch it';
    }
  } else {
    defineProperty(window, KEY, wrappedDescriptor(existing ?? { value: undefined, writable: true, configurable: true, enumerable: true }, wrap));
  }

  // Wallets that arrive later often use defineProperty rather than assignment. This realm's own
  // Object and Reflect, as window holds them (a page's global `let` could shadow the names).
  const ownObject = getOwnPropertyDescriptor(window, 'Object')?.value as ObjectConstructor | undefined;
  const ownReflect = getOwnPropertyDescriptor(window, 'Reflect')?.value as typeof Reflect | undefined;
  if (!ownObject || !ownReflect) return problem ?? 'Object or Reflect was replaced before the firewall started';
  const od = ownObject.defineProperty;
  ownObject.defineProperty = new ProxyCtor(od, {
    apply(target, thisArg, args: [object, PropertyKey, PropertyDescriptor]) {
      if (isEthereumOnWindow(args[0], args[1]) && args[2]) args = [args[0], args[1], wrappedDescriptor(args[2], wrap)];
      return apply(target, thisArg, args);
    },
  });
  ownReflect.defineProperty = new ProxyCtor(ownReflect.defineProperty, {
    apply(target, thisArg, args: [object, PropertyKey, PropertyDescriptor]) {
      if (isEthereumOnWindow(args[0], args[1]) && args[2]) args = [args[0], args[1], wrappedDescriptor(args[2], wrap)];
      return apply(target, thisArg, args);
    },
  });
  const odp = ownObject.defineProperties;
  ownObject.defineProperties = new ProxyCtor(odp, {
    apply(target, thisArg, args: [object, PropertyDescriptorMap]) {
      const map = args[1];
      if (args[0] === window && map && typeof map === 'object' && KEY in map && map[KEY]) {
        args = [args[0], { ...map, [KEY]: wrappedDescriptor(map[KEY], wrap) }];
      }
      return apply(target, thisArg, args);
    },
  });
  return problem;
}
