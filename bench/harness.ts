// Browser plumbing shared by the benchmarks: a private copy of the built extension (so a concurrent
// `wxt build` cannot pull files from under a run), launched through the e2e fixtures, and CDP heap
// readings on the service worker and page targets.
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession } from '@playwright/test';
import { FIREWALL_DIR, launchBrowser } from '../e2e/fixtures/browser';
import { freePort } from '../e2e/fixtures/free-port';
import { attachToWorker } from '../e2e/fixtures/heap';

/**
 * Copies .output/chrome-mv3 (or BENCH_BUILD_DIR, to measure another build, such as one kept from
 * before a change) to a temporary folder; the copy is what the run loads and measures.
 */
export function snapshotBuild(from = process.env.BENCH_BUILD_DIR ?? FIREWALL_DIR): { dir: string; remove(): void } {
  if (!existsSync(join(from, 'manifest.json'))) throw new Error(`no build at ${from}: run "npx wxt build" first`);
  const dir = mkdtempSync(join(tmpdir(), 'txfw-bench-build-'));
  cpSync(from, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The baseline (wallet only) or the firewall from `firewallDir` too, as the e2e fixtures launch them. */
export function launch(walletDir: string, firewallDir: string | null): Promise<BrowserContext> {
  return firewallDir ? launchBrowser({ walletDir, firewallDir }) : launchBrowser({ walletDir, withFirewall: false });
}

export { firewallWorker, stopServiceWorker, workerStopper, type WorkerStopper } from '../e2e/fixtures/service-worker';

export interface HeapUsage {
  usedSize: number;
  totalSize: number;
  /** ArrayBuffer backing stores, outside the JS heap (as Runtime.getHeapUsage reports them). */
  backingStorageSize?: number;
}

/** JS heap of the firewall's service worker after a forced GC, through a page's CDP session. */
export async function workerHeap(cdp: CDPSession): Promise<HeapUsage> {
  const worker = await attachToWorker(cdp, '/background.js');
  try {
    await worker.send('HeapProfiler.collectGarbage');
    return (await worker.send('Runtime.getHeapUsage')) as HeapUsage;
  } finally {
    await worker.detach();
  }
}

/** JS heap of a page (its main world, isolated worlds and content scripts share the isolate) after a forced GC. */
export async function pageHeap(cdp: CDPSession): Promise<HeapUsage & { jsHeapUsedSize: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.send('Performance.disable');
  return { ...usage, jsHeapUsedSize: metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN };
}

/** How many frames the frames page embeds (the page-load figure for a page full of ads and widgets). */
export const FRAME_COUNT = 20;

/**
 * A plain page with no script of its own (`url`), and a page that embeds it FRAME_COUNT times
 * (`framesUrl`): the guard and the bridge run in every frame.
 */
export async function startPlainServer(): Promise<{ url: string; framesUrl: string; stop(): Promise<void> }> {
  const plain = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>plain</title></head><body><h1>A plain page</h1><p>No scripts.</p></body></html>';
  const frames = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>frames</title></head><body>${'<iframe src="/plain.html" width="160" height="90"></iframe>'.repeat(FRAME_COUNT)}</body></html>`;
  const server = createServer((req, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(req.url?.startsWith('/frames.html') ? frames : plain),
  );
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://localhost:${port}`;
  return { url: `${origin}/plain.html`, framesUrl: `${origin}/frames.html`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

export function dirSize(dir: string, filter: (name: string) => boolean = () => true): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && filter(entry.name)) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}
