// `npx tsx bench/compare-builds.ts <build A> <build B> [rounds]`: two builds of the firewall side by
// side in one run, interleaved round by round (A, B, then B, A), one row at a time, so the shared machine's load hits
// both alike; a browser without the firewall gives the page-load ratios. Rows: a plain page's
// DOMContentLoaded with the worker warm and after a worker stop, the first allowed request after a
// worker stop, and warm allowed requests. Prints medians with p25–p75.
import type { BrowserContext, Page } from '@playwright/test';
import { startEnvironment } from '../e2e/demo/environment';
import { firewallWorker, launch, snapshotBuild, startPlainServer, workerStopper, type WorkerStopper } from './harness';
import { allowSample, pageLoadTime, prepareDapp } from './measure-browser';
import { percentile } from './stats';

const [dirA, dirB] = [process.argv[2], process.argv[3]];
if (!dirA || !dirB) throw new Error('usage: compare-builds.ts <build A> <build B> [rounds]');
const ROUNDS = Number(process.argv[4] ?? 20);

interface Side {
  name: string;
  context: BrowserContext;
  stopper?: WorkerStopper;
  page?: Page;
}

const env = await startEnvironment();
const plain = await startPlainServer();
const builds = [snapshotBuild(dirA), snapshotBuild(dirB)];
const sides: Side[] = [{ name: 'without', context: await launch(env.walletDir, null) }];
try {
  for (const [i, build] of builds.entries()) {
    const context = await launch(env.walletDir, build.dir);
    const worker = await firewallWorker(context);
    await worker.evaluate((url) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ rpcUrls: { '31337': url } }), env.anvil.url);
    const page = await context.newPage();
    await page.goto(`${env.server.url}/dapp.html`);
    await prepareDapp(page);
    sides.push({ name: i === 0 ? `A ${dirA}` : `B ${dirB}`, context, page, stopper: await workerStopper(context, new URL(worker.url()).host) });
  }
  const firewalls = sides.slice(1);
  for (const s of firewalls) for (let i = 0; i < 5; i++) await allowSample(s.page!);

  const results: Record<string, Record<string, number[]>> = {};
  const push = (row: string, side: string, v: number) => ((results[row] ??= {})[side] ??= []).push(v);
  // One phase per row, so what a worker start leaves running (the lists, the model's compile) never
  // spills into the next row; and after each measurement that started a worker, time for that work
  // to end before the other build is measured.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));
  const rounds = async (row: (s: Side) => Promise<void>, only: (s: Side) => boolean = () => true) => {
    for (let r = 0; r < ROUNDS; r++) for (const s of (r % 2 === 0 ? sides : [...sides].reverse()).filter(only)) await row(s);
    await settle();
  };
  await settle();
  await rounds(async (s) => void push('plain page DCL, worker warm', s.name, await pageLoadTime(s.context, plain.url, 'domcontentloaded')));
  await rounds(async (s) => {
    await s.stopper?.stop();
    push('plain page DCL, worker stopped before', s.name, await pageLoadTime(s.context, plain.url, 'domcontentloaded'));
    await settle();
  });
  await rounds(
    async (s) => {
      await s.stopper!.stop();
      push('first allowed request after a stop', s.name, await allowSample(s.page!));
      await settle();
    },
    (s) => s.stopper !== undefined,
  );
  await rounds(
    async (s) => {
      for (let i = 0; i < 10; i++) push('allowed request, warm', s.name, await allowSample(s.page!));
    },
    (s) => s.page !== undefined,
  );
  for (const [row, bySide] of Object.entries(results)) {
    const base = bySide.without ? percentile(bySide.without, 50) : undefined;
    console.log(`\n${row} (ms: median [p25–p75], n${base ? ', ratio of medians to without' : ''})`);
    for (const [side, v] of Object.entries(bySide)) {
      const m = percentile(v, 50);
      console.log(`  ${side.padEnd(28)} ${m.toFixed(1).padStart(7)} [${percentile(v, 25).toFixed(1)}–${percentile(v, 75).toFixed(1)}] n=${v.length}${base ? `  ×${(m / base).toFixed(2)}` : ''}`);
    }
  }
} finally {
  for (const s of sides) {
    await s.stopper?.close();
    await s.context.close().catch(() => {});
  }
  for (const b of builds) b.remove();
  await plain.stop();
  await env.stop();
}
