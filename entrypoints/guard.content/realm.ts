// Where the guard takes its built-ins from. This module runs before any other code of the guard.
//
// A frame or popup that a same-origin page creates starts as an about:blank document the page can
// script at once; when it then loads a same-origin URL, Chromium keeps that Window, and with it
// everything the page put there: patched built-ins (WeakMap.prototype.set, Object.freeze, …),
// global `let` bindings that shadow them, listeners on window. A guard that trusted such a realm
// would hand the page the wallet's provider through its own bookkeeping. So, in such a frame, the
// bridge (ISOLATED world, whose built-ins the page cannot touch) first adds an empty srcdoc iframe,
// a realm no page code has ever seen; the guard reaches it by indexed access (`window[0]`, which the
// page cannot redefine) and takes every built-in from there. At document_start a document has no
// child frames of its own, so a child frame now can only be that probe.
//
// Nothing here may read a global by name: in a reused realm any name but `window` (and the other
// [LegacyUnforgeable] ones) may resolve to the page's own binding.

// Node (the CLI and tests import the guard's method list) has no window; `typeof` reads no property.
const own: typeof window = typeof window === 'undefined' ? (globalThis as unknown as typeof window) : window;
const probe: unknown = typeof window === 'undefined' ? undefined : (window as unknown as Record<number, unknown>)[0];

function probeRealm(): typeof window | null {
  if (probe === undefined || probe === null || probe === own) return null;
  try {
    const candidate = probe as typeof window;
    // Reading through the probe touches only the probe realm, which no page script has seen.
    if (typeof candidate.Reflect?.apply !== 'function') return null;
    return candidate;
  } catch {
    return null;
  }
}

const fromProbe = probeRealm();

/** The global whose built-ins the guard uses: a fresh probe realm when the bridge made one, else this window. */
export const source: typeof window = fromProbe ?? own;

/**
 * How far this realm can be trusted. `fresh`: the guard started before any page code (no probe was
 * needed). `probed`: the page may have scripted this window before it loaded, so the guard uses the
 * probe's built-ins and checks this realm's against them. `unverifiable`: a child frame is there but
 * could not be read, so nothing in this realm can be trusted.
 */
export const realmState: 'fresh' | 'probed' | 'unverifiable' = fromProbe ? 'probed' : probe === undefined ? 'fresh' : 'unverifiable';

/** The probe window, for the bridge handshake (events there reach no listener the page could have added). */
export const probeWindow: typeof window | null = fromProbe;
