// Findings about the frame the request came from, as the guard saw it start.
import { type Rule } from './rule';

export const frameRules: Rule[] = [
  {
    id: 'context.tampered-frame',
    severity: 'danger',
    summary: 'The page changed the browser\'s built-in functions in this frame before the firewall started there, so anything from it is suspect.',
    // A page can prepare a frame or window it opens before its document loads, and keep what it changed
    // there (realm.ts in the guard). No ordinary site does this; a drainer does it to reach the wallet
    // around the firewall, so every signing request from such a frame is held, whatever it asks.
    check: (ctx) =>
      ctx.frameTampered
        ? [
            {
              title: 'This page tampered with your browser in the frame that sent this request',
              detail: `Before this frame loaded, the page that opened it changed built-in parts of it (${ctx.frameTampered}). Sites do this to get around security checks and reach your wallet directly. Do not continue, and close the page.`,
              evidence: { tampered: ctx.frameTampered },
            },
          ]
        : [],
  },
];
