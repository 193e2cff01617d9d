// Wiring only: each message to the handler its schema names, the browser's events to the decisions
// they settle, and the background's long-lived parts started.
import { browser, defineBackground, type Browser } from '#imports';
import { parseContentMessage, parsePageMessage, parsePopupMessage } from '../../common/messages';
import { getPending } from '../../common/pending-store';
import { route, type BackgroundSchema, type Handlers, type MessageOf } from '../../common/protocol';
import { checkRequest } from './check-request';
import { startContractModel } from './contract-model';
import { createDecisions, extensionBrowser, settleOnClose } from './decisions';
import { senderPlace } from './sender-origin';
import { startSiteRisk } from './site-lists';
import { watchNavigations } from './site-navigation';
import { isPopupPage, siteStatus } from './site-status';
import { exposeStartupTiming, markStartup } from './startup-timing';
import { reportTamper, watchTamperReports } from './tamper-store';

type Sender = Browser.runtime.MessageSender;

const decisions = createDecisions(extensionBrowser);

const handlers: Handlers<BackgroundSchema, Sender> = {
  analyze: (message, sender) => checkRequest(message, sender, decisions),
  status: async ({ requestId }) => ({ known: (await getPending(requestId)) !== undefined }),
  tamper: async ({ what }, sender) => {
    const place = senderPlace(sender);
    if (place) await reportTamper(place.tabId, place.origin, what);
    return null;
  },
  'confirm/get': ({ requestId }, sender) => decisions.view(requestId, sender),
  'confirm/decide': (message, sender) => decisions.decide(message, sender),
  'popup/site': async ({ origin }, sender) => (isPopupPage(sender) ? siteStatus(origin) : null),
};

/** Only the confirm page and the popup may send what they send; anything else is read as coming from a page. */
function parse(raw: unknown, sender: Sender): MessageOf<BackgroundSchema> | null {
  if (extensionBrowser.isConfirmPage(sender)) return parsePageMessage(raw);
  if (isPopupPage(sender)) return parsePopupMessage(raw);
  return parseContentMessage(raw);
}

export default defineBackground(() => {
  markStartup('scriptEvaluatedAt');
  exposeStartupTiming();
  startContractModel();
  startSiteRisk();
  watchNavigations();
  watchTamperReports();
  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    const message = parse(raw, sender);
    // Malformed, or not this sender's to send: answered null, which every sender takes as a refusal.
    if (!message) return void sendResponse(null);
    route(handlers, message, sender).then(sendResponse, (error: unknown) => {
      console.error('Transaction firewall: message failed', error);
      sendResponse(null);
    });
    return true;
  });
  settleOnClose(decisions);
});
