// The guard: runs in the page's own JavaScript world before any page script, in every frame, and
// puts the request gate in front of every wallet provider the page can reach.
import { defineContentScript } from '#imports';
import { openBridgeChannel } from './bridge-channel';
import { guardEip6963 } from './eip6963';
import { createProviderWrapper } from './provider-proxy';
import { createRequestGate } from './request-gate';
import { guardWindowEthereum } from './window-ethereum';

export default defineContentScript({
  matches: ['<all_urls>'],
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  main() {
    const channel = openBridgeChannel();
    const wrapper = createProviderWrapper(createRequestGate(channel));
    guardEip6963(wrapper);
    const problem = guardWindowEthereum(wrapper.wrap);
    if (problem) channel.send({ kind: 'tamper', what: problem });
  },
});
