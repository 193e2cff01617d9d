// The bridge: an ISOLATED-world relay between the guard's private channel and the background.
// It adds nothing of its own to a request; the background learns the origin from the browser.
import { browser, defineContentScript } from '#imports';
import { CHANNEL, parseBackgroundMessage, parseGuardMessage, type AnalyzeMessage, type AnalyzeResponse, type BridgeToGuard, type WalletReadMessage } from '../../common/messages';
import { sendToBackground, type BackgroundSchema, type FrameSchema, type MessageOf, type ReplyOf } from '../../common/protocol';
import { askWithRetry, bounded } from './background-call';
import { TIME_BUDGET } from '../../common/time-budget';
import { NoAnswer } from '../../common/timeout';
import { addProbe, mayHaveBeenScripted } from './realm-probe';
import { createWalletReads } from './wallet-reads';

const UNREACHABLE = 'The transaction firewall could not check this request.';
const { orphanCheckMs, bridgeWaitMs, analysisRetryDelaysMs, statusCheckEveryMs, statusWaitMs } = TIME_BUDGET;

/** A stopped worker answers nothing, or null; only an answer with a type is one. */
const isAnalyzeResponse = (answer: AnalyzeResponse | null | undefined): answer is AnalyzeResponse => answer?.type === 'decided' || answer?.type === 'pending';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  noScriptStartedPostMessage: true,
  main() {
    // First, before the guard starts (it runs right after this script): see realm-probe.ts.
    const probe = mayHaveBeenScripted() ? addProbe() : null;
    let node: EventTarget | null = null;
    /** requestId (from the background) -> guardId, for requests waiting on the user. */
    const pending = new Map<string, { guardId: string; timer: ReturnType<typeof setInterval> }>();
    /** guardIds sent for analysis whose answer has not come back yet. */
    const asking = new Set<string>();
    /** requestIds decided before their "pending" reply arrived. */
    const decidedEarly = new Set<string>();

    const toGuard = (message: BridgeToGuard) =>
      node?.dispatchEvent(new CustomEvent(CHANNEL.toGuard, { detail: JSON.stringify(message) }));

    const walletReads = createWalletReads((message) => void toGuard(message));

    const settle = (requestId: string, action: 'forward' | 'reject', message?: string) => {
      const entry = pending.get(requestId);
      if (!entry) return;
      pending.delete(requestId);
      clearInterval(entry.timer);
      toGuard({ kind: 'decision', id: entry.guardId, action, message });
    };

    const alive = () => !!browser.runtime?.id;
    const ask = <M extends MessageOf<BackgroundSchema>>(message: M, giveUpAfterMs: number) =>
      bounded(() => sendToBackground(message), { alive, checkEveryMs: orphanCheckMs, giveUpAfterMs });

    /** A verdict, asked again if the worker was stopped mid-analysis; undefined when none can be had. */
    const analyze = (request: AnalyzeMessage) =>
      askWithRetry(() => sendToBackground(request), isAnalyzeResponse, {
        alive,
        checkEveryMs: orphanCheckMs,
        giveUpAfterMs: bridgeWaitMs,
        retryDelaysMs: analysisRetryDelaysMs,
      });

    async function onRequest(guardId: string, request: AnalyzeMessage) {
      asking.add(guardId);
      const answer = await analyze(request).finally(() => asking.delete(guardId));
      if (answer?.type === 'pending' && decidedEarly.delete(answer.requestId)) return;
      if (answer?.type === 'decided') {
        toGuard({ kind: 'decision', id: guardId, action: answer.action, message: answer.message });
      } else if (answer?.type === 'pending') {
        const requestId = answer.requestId;
        // A worker that is just starting again can fail one message ("receiving end does not exist");
        // two failures in a row, an orphaned script or a background that no longer knows it end it.
        let failures = 0;
        const timer = setInterval(async () => {
          try {
            const status = await ask({ type: 'status', requestId }, statusWaitMs);
            failures = 0;
            if (!status?.known) settle(requestId, 'reject', UNREACHABLE);
          } catch (error) {
            failures += 1;
            if (error instanceof NoAnswer || failures >= 2) settle(requestId, 'reject', UNREACHABLE);
          }
        }, statusCheckEveryMs);
        pending.set(requestId, { guardId, timer });
      } else {
        toGuard({ kind: 'decision', id: guardId, action: 'reject', message: UNREACHABLE });
      }
    }

    function bind(channelNode: EventTarget) {
      node = channelNode;
      node.addEventListener(CHANNEL.toBridge, (event) => {
        const message = parseGuardMessage((event as CustomEvent).detail);
        if (!message) return;
        if (message.kind === 'tamper') {
          void ask({ type: 'tamper', what: message.what }, statusWaitMs).catch(() => {});
          return;
        }
        if (message.kind === 'read-result') {
          walletReads.answered(message.id, message.error !== undefined ? { error: message.error, code: message.code, data: message.data } : { result: message.result });
          return;
        }
        void onRequest(message.id, {
          type: 'analyze',
          guardId: message.id,
          request: message.request,
          chainId: message.chainId,
          tampered: message.tampered,
        });
      });
      toGuard({ kind: 'ack' });
    }

    const onGuardHello = (event: Event) => {
      const target = (event as MouseEvent).relatedTarget;
      // Not `instanceof Node`: a node of this document read through the probe's window has the
      // probe's wrappers in this world.
      if (node || !target || typeof (target as Node).nodeType !== 'number') return;
      bind(target);
      probe?.remove();
    };
    // With a probe the guard says hello there, where no listener of the page can be.
    probe?.window.addEventListener(CHANNEL.guardHello, onGuardHello, true);
    window.addEventListener(CHANNEL.guardHello, onGuardHello, true);
    window.dispatchEvent(new Event(CHANNEL.bridgeHello));

    browser.runtime.onMessage.addListener((raw, _sender, sendResponse) => {
      const message = parseBackgroundMessage(raw);
      if (!message) return;
      if (message.type === 'wallet-read') {
        // Only for a request this frame is having checked right now.
        const answer = (reply: ReplyOf<FrameSchema, WalletReadMessage>) => sendResponse(reply);
        if (!asking.has(message.guardId)) return void answer({ error: 'no such request is being checked here', unreachable: true });
        void walletReads.read(message.guardId, message.method, message.params).then(answer);
        return true;
      }
      // The user can answer before the background's "pending" reply has reached this script (a busy
      // worker): the decision then goes to the guard at once, and that reply is ignored when it comes.
      if (!pending.has(message.requestId) && asking.has(message.guardId)) {
        asking.delete(message.guardId);
        decidedEarly.add(message.requestId);
        toGuard({ kind: 'decision', id: message.guardId, action: message.action, message: message.message });
        return;
      }
      settle(message.requestId, message.action, message.message);
    });
  },
});
