// What the firewall costs in the browser, each against the same thing without it in the same run:
// decision latency of guarded requests that end in `allow`, time to a warning, both again as the first
// request after the service worker was stopped, heap after many requests, and page load.
//
// How "the wallet received it" is timed: the test wallet (e2e/wallet/inpage.js, MAIN world) reports each
// request it receives with a `fetch` to the test server before doing anything else. The bench wraps the
// page's `fetch` and stamps `performance.now()` when that report for our request starts, so the interval
// is dapp `request()` → wallet's handler entered, on one clock, without the network hop of the report.
//
// How "the verdict shows" is timed: the dapp stamps `performance.timeOrigin + performance.now()` at
// `request()`; in the confirm window a script installed before the page's own (VERDICT_WATCH) stamps the
// same way on the first animation frame where `[data-testid="verdict"]` is visible. Both are the
// machine's wall clock as Chromium sees it, so the two processes' stamps can be subtracted.
import type { BrowserContext, Page } from '@playwright/test';
import { encodeFunctionData, erc20Abi, maxUint256, type Address, type Hex } from 'viem';
import { DEV_ACCOUNT } from '../e2e/fixtures/anvil';
import { RECIPIENT, freshAddress } from '../e2e/fixtures/addresses';
import { firewallWorker, pageHeap, workerHeap, type HeapUsage, type WorkerStopper } from './harness';
import type { Variant } from './measure-passthrough';

type BenchWindow = Window & {
  __bench: { walletAt: number | null; watch: string; pending?: Promise<unknown>; outcome?: string };
};

/** Wraps the page's fetch once so the wallet's report of `watch` (a method name) is stamped. */
const INSTALL = `(() => {
  if (window.__bench) return;
  window.__bench = { walletAt: null, watch: '' };
  const original = window.fetch;
  window.fetch = function (input, init) {
    const b = window.__bench;
    if (b.walletAt === null && String(input).endsWith('/wallet-log') && init && typeof init.body === 'string' && init.body.includes('"method":"' + b.watch + '"')) b.walletAt = performance.now();
    return original.apply(this, arguments);
  };
})()`;

/**
 * Installed in every page of the firewall's browser before any of its scripts (context.addInitScript):
 * in the confirm window, stamps the first animation frame on which the verdict is visible, so the time
 * does not depend on how soon Playwright notices the window.
 */
export const VERDICT_WATCH = `(() => {
  if (!location.pathname.endsWith('/confirm.html')) return;
  window.__verdictWatch = true;
  const look = () => {
    const el = document.querySelector('[data-testid="verdict"]');
    if (el && el.checkVisibility()) window.__verdictAt = performance.timeOrigin + performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})()`;

/** Resolves with the wall-clock time the verdict became visible (from VERDICT_WATCH, else from now on). */
const VERDICT_SEEN = `new Promise((resolve) => {
  let first = true;
  const look = () => {
    if (window.__verdictAt) return resolve({ at: window.__verdictAt, late: false });
    const el = document.querySelector('[data-testid="verdict"]');
    if (!window.__verdictWatch && el && el.checkVisibility()) resolve({ at: performance.timeOrigin + performance.now(), late: first });
    else requestAnimationFrame(look);
    first = false;
  };
  look();
})`;

export async function prepareDapp(page: Page): Promise<void> {
  await page.waitForFunction(() => window.ethereum !== undefined);
  await page.evaluate(INSTALL);
}

/** One guarded request that the firewall allows (1 wei to a dev account): ms from request() to the wallet. */
export async function allowSample(page: Page): Promise<number> {
  const ms = await page.evaluate(
    async ([from, to]) => {
      const b = (window as unknown as BenchWindow).__bench;
      b.walletAt = null;
      b.watch = 'eth_sendTransaction';
      const t0 = performance.now();
      await window.ethereum!.request({ method: 'eth_sendTransaction', params: [{ from, to, value: '0x1' }] });
      return b.walletAt === null ? -1 : b.walletAt - t0;
    },
    [DEV_ACCOUNT, RECIPIENT] as const,
  );
  if (ms < 0) throw new Error('the wallet never reported the allowed request');
  return ms;
}

export function approveUnlimited(token: Address): { to: Address; data: Hex } {
  return { to: token, data: encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [freshAddress(), maxUint256] }) };
}

export interface WarnSample {
  /** request() → verdict visible in the confirm window. */
  ms: number;
  /** request() → confirm window opened (as Playwright saw it). */
  openMs: number;
  /** Without VERDICT_WATCH only: the verdict was already visible at the first look, `ms` is then an upper bound. */
  late: boolean;
}

/** One dangerous request (unlimited approval to a fresh address): ms until the verdict shows; then Reject. */
export async function warnSample(context: BrowserContext, extensionId: string, page: Page, token: Address): Promise<WarnSample> {
  const opened = context.waitForEvent('page', { predicate: (p) => p.url().startsWith(`chrome-extension://${extensionId}/confirm.html`), timeout: 30_000 });
  const started = await page.evaluate(
    ([from, tx]) => {
      const b = (window as unknown as BenchWindow).__bench;
      const t0 = performance.timeOrigin + performance.now();
      b.pending = window.ethereum!.request({ method: 'eth_sendTransaction', params: [{ from, ...tx }] }).then(
        () => (b.outcome = 'sent'),
        (e: { code?: number }) => (b.outcome = String(e.code)),
      );
      return t0;
    },
    [DEV_ACCOUNT, approveUnlimited(token)] as const,
  );
  const dialog = await opened;
  const openedAt = Date.now();
  // A string, not a function: tsx would wrap a named inner function in a helper the page does not have.
  const seen = (await dialog.evaluate(VERDICT_SEEN)) as { at: number; late: boolean };
  await dialog.getByRole('button', { name: 'Reject' }).click({ noWaitAfter: true }).catch(() => {});
  const outcome = await page.evaluate(async () => {
    const b = (window as unknown as BenchWindow).__bench;
    await b.pending;
    return b.outcome;
  });
  if (outcome !== '4001') throw new Error(`the dangerous request ended with ${outcome}, not a rejection`);
  return { ms: seen.at - started, openMs: openedAt - started, late: seen.late };
}

export interface ColdSamples {
  allow: number[];
  warn: WarnSample[];
  /** Per round, after the allowed request: where this worker life's start went. */
  startup: StartupSplit[];
}

/** ms since the worker started (its performance.now()), from the worker's own marks. */
export interface StartupSplit {
  /** background.js evaluated. */
  scriptMs?: number;
  /** The site lists: fetched and indexed (from asked to ready). */
  listsMs?: number;
  /** The contract model: its file, then onnxruntime's wasm and the session. */
  modelFileMs?: number;
  modelRuntimeMs?: number;
  /** When the model was ready, since the worker started. */
  modelReadyAt?: number;
}

type StartupGlobal = {
  __txFirewallStartup?: { timing(): { scriptEvaluatedAt?: number; listsAskedAt?: number; listsReadyAt?: number } };
  __txFirewallModel: { status(): { state: string; readyAt?: number; phases?: { modelFileMs: number; runtimeAndSessionMs: number } } };
};

/** Waits (≤ 10 s) for the model of this worker life, then reads the worker's marks. */
async function startupSplit(context: BrowserContext): Promise<StartupSplit> {
  const worker = await firewallWorker(context);
  return worker.evaluate(async () => {
    const g = globalThis as unknown as StartupGlobal;
    for (let i = 0; i < 100 && !['ready', 'failed'].includes(g.__txFirewallModel.status().state); i++) await new Promise((r) => setTimeout(r, 100));
    const t = g.__txFirewallStartup?.timing() ?? {};
    const m = g.__txFirewallModel.status();
    return {
      scriptMs: t.scriptEvaluatedAt,
      listsMs: t.listsReadyAt !== undefined && t.listsAskedAt !== undefined ? t.listsReadyAt - t.listsAskedAt : undefined,
      modelFileMs: m.phases?.modelFileMs,
      modelRuntimeMs: m.phases?.runtimeAndSessionMs,
      modelReadyAt: m.readyAt,
    };
  });
}

/** Stop the worker, then one request; `rounds` times for an allowed request and for a dangerous one. */
export async function coldSamples(context: BrowserContext, stopper: WorkerStopper, extensionId: string, page: Page, token: Address, rounds: number): Promise<ColdSamples> {
  const out: ColdSamples = { allow: [], warn: [], startup: [] };
  for (let i = 0; i < rounds; i++) {
    await stopper.stop();
    out.allow.push(await allowSample(page));
    out.startup.push(await startupSplit(context));
    await stopper.stop();
    out.warn.push(await warnSample(context, extensionId, page, token));
  }
  return out;
}

export interface MemoryResult {
  requests: number;
  worker: HeapUsage;
  /** The worker soon after it started, before the benchmark's requests. */
  workerAtStart?: HeapUsage;
  page: Record<Variant, HeapUsage & { jsHeapUsedSize: number }>;
}

export async function serviceWorkerHeap(context: BrowserContext, page: Page): Promise<HeapUsage> {
  const cdp = await context.newCDPSession(page);
  try {
    return await workerHeap(cdp);
  } finally {
    await cdp.detach();
  }
}

export async function heapAfter(contexts: Record<Variant, BrowserContext>, pages: Record<Variant, Page>, requests: number): Promise<MemoryResult> {
  const page = {} as MemoryResult['page'];
  let worker: HeapUsage | undefined;
  for (const v of ['without', 'with'] as Variant[]) {
    const cdp = await contexts[v].newCDPSession(pages[v]);
    page[v] = await pageHeap(cdp);
    if (v === 'with') worker = await workerHeap(cdp);
    await cdp.detach();
  }
  return { requests, worker: worker!, page };
}

/** Time to DOMContentLoaded of a page, by the page's own navigation timing; a new tab per load. */
export async function domContentLoaded(context: BrowserContext, url: string): Promise<number> {
  return pageLoadTime(context, url, 'domcontentloaded');
}

/**
 * Time to DOMContentLoaded, or to the load event (which waits for every frame of the page), by the
 * page's own navigation timing; a new tab per load.
 */
export async function pageLoadTime(context: BrowserContext, url: string, until: 'domcontentloaded' | 'load'): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: until });
    // No named function inside: tsx would wrap it in a helper the page does not have.
    return await page.evaluate(async (u) => {
      // loadEventEnd is written once the load event's handlers have run; a task later it is there.
      if (u === 'load' && !(performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd) await new Promise((resolve) => setTimeout(resolve, 0));
      const t = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return u === 'load' ? t.loadEventEnd : t.domContentLoadedEventEnd;
    }, until);
  } finally {
    await page.close();
  }
}
