// Which site asked, as hosts to compare a sign-in's domain or URI with: the same on every chain.
import type { RequestOrigin } from '../types';

/** Host (with port) of the frame that asked, and of the top page; a sign-in's domain may match either. */
export function requestHosts(origin: RequestOrigin): string[] {
  return [origin.frameOrigin, origin.origin].flatMap((o) => {
    try {
      return o ? [new URL(o).host.toLowerCase()] : [];
    } catch {
      return [];
    }
  });
}

export function hostOf(uri: string): string | undefined {
  try {
    return new URL(uri).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Same host, or one a subdomain of the other (login.example.com signing for example.com). */
export function relatedHosts(a: string, b: string): boolean {
  const strip = (h: string) => h.replace(/:\d+$/, '');
  const x = strip(a);
  const y = strip(b);
  return x === y || x.endsWith(`.${y}`) || y.endsWith(`.${x}`);
}
