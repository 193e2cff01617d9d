// A frame or top-level window whose document replaced the initial about:blank of a same-origin
// creator keeps that about:blank's Window, and everything the creator's script did to it while it
// waited (patched built-ins, listeners on window). Chromium does that; this world (ISOLATED) sees
// none of it, but the guard, in the page's world, would. So when such a creator may exist, the
// bridge adds a probe before the guard starts: an empty srcdoc iframe, whose initial about:blank is
// a realm no page code has touched. The guard takes its built-ins and its handshake from there.

/** Can this world read that window's document (same origin)? */
function sameOrigin(other: Window): boolean {
  try {
    return !!other.document;
  } catch {
    return false;
  }
}

/**
 * Could a page script have reached this window before this document loaded? A frame: when its
 * parent is same-origin (the frame's initial about:blank was the parent's). A top-level window: when
 * its opener is same-origin, or when this is the first document in its history (a script may have
 * opened it and then cut the opener, which `opener = null` does). The initial about:blank itself
 * is the first thing in its realm.
 */
export function mayHaveBeenScripted(): boolean {
  if (location.href === 'about:blank') return false;
  if (window.parent !== window) return sameOrigin(window.parent);
  if (window.opener) return sameOrigin(window.opener as Window);
  return history.length <= 1;
}

export interface Probe {
  /** The probe's window, where the guard says hello when a probe is there. */
  window: Window;
  remove(): void;
}

export function addProbe(): Probe | null {
  try {
    const frame = document.createElement('iframe');
    // A srcdoc frame gets its about:blank realm at once and loads nothing before it is removed
    // (no load event, no content scripts in it); removing it right after the guard has read it
    // leaves the page nothing to see.
    frame.srcdoc = '';
    // Not laid out: about a third less time than a visible frame.
    frame.style.display = 'none';
    (document.documentElement ?? document).appendChild(frame);
    const probeWindow = frame.contentWindow;
    if (!probeWindow) {
      frame.remove();
      return null;
    }
    const remove = () => frame.remove();
    // The guard normally starts right after the bridge; in case it does not, the probe goes anyway.
    setTimeout(remove, 0);
    return { window: probeWindow, remove };
  } catch {
    return null;
  }
}
