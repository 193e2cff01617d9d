// `npx tsx bench/profile-page-load.ts [loads] [pages] [worker states] [build dir]`: where the firewall's
// page-load cost comes from. pages: any of plain,dapp,frames (comma-separated); worker states: warm,stopped.
// Not a guess: the same page is loaded, interleaved, in browsers that differ by one part of the
// firewall each (copies of one build with a part cut out), with the worker warm and with the worker
// stopped before each load (a tab opened after Chrome idled the worker); then one load with the full
// firewall is traced (CDP Tracing) and the trace summed per thread and per script.
// Prints medians with the spread (p25–p75) and the ratio to the browser without the firewall.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { startEnvironment } from '../e2e/demo/environment';
import { firewallWorker, launch, snapshotBuild, startPlainServer, workerStopper, type WorkerStopper } from './harness';
import { pageLoadTime } from './measure-browser';
import { percentile } from './stats';

const LOADS = Number(process.argv[2] ?? 20);
const PAGES = (process.argv[3] ?? 'plain,dapp').split(',');
const STATES = (process.argv[4] ?? 'warm,stopped').split(',') as ('warm' | 'stopped')[];

type Cut = (dir: string) => void;
const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts: { js: string[] }[] };
const writeManifest = (dir: string, m: object) => writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
const withoutScript = (file: string): Cut => (dir) => {
  const m = manifestOf(dir);
  m.content_scripts = m.content_scripts.filter((c) => !c.js.some((j) => j.includes(file)));
  writeManifest(dir, m);
};
/** The navigation listeners registered as no-ops (hasListener takes the same argument and registers nothing). */
const withoutNavigationListener: Cut = (dir) => {
  const path = join(dir, 'background.js');
  const text = readFileSync(path, 'utf8');
  const cut = text.replaceAll('webNavigation.onBeforeNavigate.addListener(', 'webNavigation.onBeforeNavigate.hasListener(').replaceAll('webNavigation.onCommitted.addListener(', 'webNavigation.onCommitted.hasListener(');
  if (cut === text) throw new Error('no navigation listener found in background.js');
  writeFileSync(path, cut);
};

const VARIANTS: Record<string, Cut[] | null> = {
  without: null,
  full: [],
  'no content scripts': [withoutScript('guard.js'), withoutScript('bridge.js')],
  'guard only': [withoutScript('bridge.js')],
  'bridge only': [withoutScript('guard.js')],
  'no navigation listener': [withoutNavigationListener],
};

const build = snapshotBuild(process.argv[5]);
const env = await startEnvironment();
const plain = await startPlainServer();
const contexts: Record<string, BrowserContext> = {};
const stoppers: Record<string, WorkerStopper> = {};
const copies: { remove(): void }[] = [];
try {
  for (const [name, cuts] of Object.entries(VARIANTS)) {
    if (cuts === null) {
      contexts[name] = await launch(env.walletDir, null);
      continue;
    }
    const copy = snapshotBuild(build.dir);
    copies.push(copy);
    for (const cut of cuts) cut(copy.dir);
    contexts[name] = await launch(env.walletDir, copy.dir);
    stoppers[name] = await workerStopper(contexts[name], new URL((await firewallWorker(contexts[name])).url()).host);
  }
  await new Promise((resolve) => setTimeout(resolve, 3_000));

  const allPages = { plain: plain.url, dapp: `${env.server.url}/dapp.html`, frames: plain.framesUrl };
  const pages = Object.entries(allPages).filter(([name]) => PAGES.includes(name));
  for (const workerState of STATES) {
    for (const [pageName, url] of pages) {
      const until = pageName === 'frames' ? 'load' : 'domcontentloaded';
      const domContentLoaded = (context: BrowserContext, u: string) => pageLoadTime(context, u, until);
      const times: Record<string, number[]> = Object.fromEntries(Object.keys(VARIANTS).map((v) => [v, []]));
      for (const v of Object.keys(VARIANTS)) await domContentLoaded(contexts[v]!, url); // warm-up
      for (let i = 0; i < LOADS; i++) {
        const order = Object.keys(VARIANTS);
        if (i % 2) order.reverse();
        for (const v of order) {
          if (workerState === 'stopped' && stoppers[v]) await stoppers[v].stop();
          times[v]!.push(await domContentLoaded(contexts[v]!, url));
        }
      }
      const base = percentile(times.without!, 50);
      console.log(`\n${pageName} page, worker ${workerState}, ${LOADS} loads each (${until} ms: median [p25–p75], ratio of medians to without)`);
      for (const [v, t] of Object.entries(times)) {
        const m = percentile(t, 50);
        console.log(`  ${v.padEnd(24)} ${m.toFixed(1).padStart(7)} [${percentile(t, 25).toFixed(1)}–${percentile(t, 75).toFixed(1)}]  ×${(m / base).toFixed(2)}`);
      }
    }
  }

  // One traced load per worker state with the full firewall: time per thread and per extension script.
  for (const workerState of STATES) {
    if (workerState === 'stopped') await stoppers.full!.stop();
    const page = await contexts.full!.newPage();
    const cdp = await contexts.full!.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,disabled-by-default-devtools.timeline,blink,loading,ServiceWorker,extensions', transferMode: 'ReportEvents' });
    await page.goto(pages[0]![1], { waitUntil: 'load' });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await cdp.send('Tracing.end');
    await done;
    writeFileSync(`/tmp/page-load-trace-${workerState}.json`, JSON.stringify(events));
    summarizeTrace(events, workerState);
    await page.close();
  }
} finally {
  for (const s of Object.values(stoppers)) await s.close();
  for (const c of Object.values(contexts)) await c.close().catch(() => {});
  await plain.stop();
  await env.stop();
  build.remove();
  for (const c of copies) c.remove();
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string; fileName?: string } };
}

function summarizeTrace(events: TraceEvent[], label: string): void {
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  // Top-level task time per thread (RunTask is the scheduler's unit; nested events are inside it).
  const perThread = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'RunTask' || !e.dur) continue;
    const key = `${threadNames.get(`${e.pid}:${e.tid}`) ?? 'thread'} (pid ${e.pid})`;
    perThread.set(key, (perThread.get(key) ?? 0) + e.dur / 1000);
  }
  // Script time per URL: compile and evaluate of each script, extension scripts by name.
  const perScript = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const url = e.args?.data?.url ?? e.args?.data?.fileName;
    if (!url || !['EvaluateScript', 'v8.compile', 'v8.run', 'v8.compileModule', 'FunctionCall', 'v8.evaluateModule'].includes(e.name)) continue;
    const key = `${e.name} ${url.replace(/^chrome-extension:\/\/[a-p]{32}/, 'ext:')}`;
    perScript.set(key, (perScript.get(key) ?? 0) + e.dur / 1000);
  }
  console.log(`\ntrace, one load, worker ${label}: busiest threads (ms of tasks)`);
  for (const [k, ms] of [...perThread].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${ms.toFixed(1).padStart(8)}  ${k}`);
  console.log('script compile/run (ms)');
  for (const [k, ms] of [...perScript].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${ms.toFixed(1).padStart(8)}  ${k}`);
}
