// The guard: runs in the page's own JavaScript world before any page script, in every frame, and
// puts the request gate in front of every wallet provider the page can reach.
import { defineContentScript } from '#imports';
import { openBridgeChannel } from './bridge-channel';
import { guardEip6963 } from './eip6963';
import { createProviderWrapper } from './provider-proxy';
import { realmState } from './realm';
import { checkRealm } from './realm-integrity';
import { createRequestGate } from './request-gate';
import { guardWindowEthereum } from './window-ethereum';

/** What the page changed in this frame before the guard started, in words; undefined when nothing. */
function tamperedRealm(): string | undefined {
  if (realmState === 'fresh') return undefined;
  if (realmState === 'unverifiable') return 'a frame the firewall could not inspect was there before it started';
  const { problems, repaired } = checkRealm();
  if (problems.length === 0) return undefined;
  const shown = problems.length > 4 ? `${problems.slice(0, 4).join(', ')} and ${problems.length - 4} more` : problems.join(', ');
  return `${shown}${repaired > 0 ? `; ${repaired} put back` : ''}`;
}

export default defineContentScript({
  matches: ['<all_urls>'],
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  main() {
    const tampered = tamperedRealm();
    const channel = openBridgeChannel();
    const wrapper = createProviderWrapper(createRequestGate(channel, tampered));
    guardEip6963(wrapper, tampered === undefined);
    const problem = guardWindowEthereum(wrapper.wrap);
    if (tampered) channel.send({ kind: 'tamper', what: `the page changed this frame before it loaded: ${tampered}` });
    if (problem) channel.send({ kind: 'tamper', what: problem });
  },
});
