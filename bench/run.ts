// `npm run bench`: what the firewall costs the user, each figure against not having it, in the same run.
// Prints one table, writes it as JSON (e2e/.artifacts/bench/bench.json) and as Markdown (bench.md).
//   npm run bench                    full run (several minutes)
//   npm run bench -- --short         CI: small samples, proves every measurement still works (BENCH_SHORT=1 too)
//   npm run bench -- --readme        also replaces the README's "Performance" section with the table
// Asserts nothing about time: the machine is shared and noisy.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { CHROMIUM, ROOT } from '../e2e/fixtures/browser';
import { startEnvironment } from '../e2e/demo/environment';
import { FRAME_COUNT, dirSize, firewallWorker, launch, snapshotBuild, startPlainServer, workerStopper } from './harness';
import { measureAnalysis, type AnalysisResult } from './measure-analysis';
import { VERDICT_WATCH, allowSample, coldSamples, heapAfter, pageLoadTime, prepareDapp, serviceWorkerHeap, warnSample, type StartupSplit } from './measure-browser';
import { measurePassthrough, type Variant } from './measure-passthrough';
import { summary, type Summary } from './stats';

const SHORT = process.argv.includes('--short') || process.env.BENCH_SHORT === '1';
const README = process.argv.includes('--readme');
const N0 = SHORT
  ? { passthrough: 30, allow: 50, warn: 3, cold: 2, pageLoad: 6, analysis: 500, perPoint: 10 }
  : { passthrough: 300, allow: 1000, warn: 30, cold: 10, pageLoad: 40, analysis: 10_000, perPoint: 100 };
/** BENCH_ALLOW=n overrides the number of allowed requests per variant (the heap is read after them). */
const N = { ...N0, allow: Number(process.env.BENCH_ALLOW ?? N0.allow) };

const started = performance.now();
const log = (what: string) => console.error(`[bench ${((performance.now() - started) / 1000).toFixed(1)} s] ${what}`);

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  let chromium = 'unknown';
  try {
    const version = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    chromium = /Chromium [\d.]+/.exec(version)?.[0] ?? version;
  } catch {
    /* left as unknown */
  }
  return {
    nproc: availableParallelism(),
    cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown',
    node: process.version,
    chromium,
    date: new Date().toISOString(),
  };
}

// 1. The analysis alone, in Node, before any browser starts.
log(`analysis in Node: ${N.analysis} mixed requests, ${N.perPoint} runs per growth point`);
const analysis: AnalysisResult = await measureAnalysis({ requests: N.analysis, runsPerPoint: N.perPoint });

// 2. The browsers: one with the test wallet only, one with the firewall too, the same wallet and chain.
const build = snapshotBuild();
const env = await startEnvironment();
const plain = await startPlainServer();
const contexts = {} as Record<Variant, BrowserContext>;
const pages = {} as Record<Variant, Page>;
try {
  contexts.without = await launch(env.walletDir, null);
  contexts.with = await launch(env.walletDir, build.dir);
  await contexts.with.addInitScript(VERDICT_WATCH);
  const worker = await firewallWorker(contexts.with);
  const extensionId = new URL(worker.url()).host;
  await worker.evaluate((url) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ rpcUrls: { '31337': url } }), env.anvil.url);
  for (const v of ['without', 'with'] as Variant[]) {
    pages[v] = await contexts[v].newPage();
    await pages[v].goto(`${env.server.url}/dapp.html`);
    await prepareDapp(pages[v]);
  }

  await new Promise((resolve) => setTimeout(resolve, 1_500)); // let the worker finish loading the model
  const workerAtStart = await serviceWorkerHeap(contexts.with, pages.with);

  log(`pass-through: ${N.passthrough} calls per method and variant`);
  const passthrough = await measurePassthrough(pages, env.contracts, { calls: N.passthrough, warmup: SHORT ? 5 : 20 });

  log(`time to a warning: ${N.warn} dangerous requests`);
  await warnSample(contexts.with, extensionId, pages.with, env.contracts.token); // first of this profile: not counted
  const warn = [];
  for (let i = 0; i < N.warn; i++) warn.push(await warnSample(contexts.with, extensionId, pages.with, env.contracts.token));

  log(`first request after the service worker was stopped: ${N.cold} rounds each`);
  const stopper = await workerStopper(contexts.with, extensionId);
  const cold = await coldSamples(contexts.with, stopper, extensionId, pages.with, env.contracts.token, N.cold);

  log(`decision latency, allowed requests: ${N.allow} per variant, interleaved; then heap`);
  const allow: Record<Variant, number[]> = { without: [], with: [] };
  for (const v of ['without', 'with'] as Variant[]) for (let i = 0; i < 5; i++) await allowSample(pages[v]);
  const block = Math.min(50, N.allow);
  for (let done = 0, round = 0; done < N.allow; done += block, round++) {
    for (const v of (round % 2 === 0 ? ['without', 'with'] : ['with', 'without']) as Variant[]) {
      for (let i = 0; i < Math.min(block, N.allow - done); i++) allow[v].push(await allowSample(pages[v]));
    }
  }
  // Requests the worker has handled since its last start: the cold phase ended with one, then the warm-up and the samples.
  const memory = { ...(await heapAfter(contexts, pages, N.allow + 5 + 1)), workerAtStart };

  // Each page N.pageLoad times per variant, interleaved; a new tab per load. "after a worker stop": the
  // firewall's worker is stopped before each load, as after Chrome idled it, so the navigation starts it.
  const loads = [
    { key: 'plain', url: plain.url, until: 'domcontentloaded', stopWorker: false },
    { key: 'dapp', url: `${env.server.url}/dapp.html`, until: 'domcontentloaded', stopWorker: false },
    { key: 'frames', url: plain.framesUrl, until: 'load', stopWorker: false },
    { key: 'plainAfterStop', url: plain.url, until: 'domcontentloaded', stopWorker: true },
  ] as const;
  const pageLoad = {} as Record<(typeof loads)[number]['key'], PageLoad>;
  for (const load of loads) {
    log(`page load (${load.key}): ${N.pageLoad} loads per variant, interleaved`);
    const times: Record<Variant, number[]> = { without: [], with: [] };
    for (const v of ['without', 'with'] as Variant[]) await pageLoadTime(contexts[v], load.url, load.until);
    for (let i = 0; i < N.pageLoad; i++) {
      for (const v of (i % 2 === 0 ? ['without', 'with'] : ['with', 'without']) as Variant[]) {
        if (load.stopWorker && v === 'with') await stopper.stop();
        times[v].push(await pageLoadTime(contexts[v], load.url, load.until));
      }
    }
    pageLoad[load.key] = { without: summary(times.without), with: summary(times.with), ratioMedian: summary(times.with).median / summary(times.without).median };
  }
  await stopper.close();

  const extensionBytes = dirSize(build.dir);
  const wasmBytes = dirSize(build.dir, (name) => name.endsWith('.wasm'));
  const modelDirBytes = dirSize(join(build.dir, 'model'));
  const result = {
    mode: SHORT ? 'short' : 'full',
    machine: machine(),
    seconds: 0,
    passthrough,
    allow: {
      without: summary(allow.without),
      with: summary(allow.with),
      delta: deltaOf(summary(allow.with), summary(allow.without)),
      /** Median of the firewall's samples per block of 100 in the order sent: does the cost grow with use? */
      withByHundred: chunks(allow.with, 100).map((c) => summary(c).median),
    },
    warn: { ms: summary(warn.map((w) => w.ms)), windowOpenMs: summary(warn.map((w) => w.openMs)), lateLooks: warn.filter((w) => w.late).length },
    cold: {
      allow: { with: summary(cold.allow), deltaFromWarmWithout: deltaOf(summary(cold.allow), summary(allow.without)), deltaFromWarmWith: deltaOf(summary(cold.allow), summary(allow.with)) },
      warn: { ms: summary(cold.warn.map((w) => w.ms)), windowOpenMs: summary(cold.warn.map((w) => w.openMs)), lateLooks: cold.warn.filter((w) => w.late).length },
    },
    startup: startupSummary(cold.startup),
    memory,
    pageLoad,
    size: { extensionBytes, wasmBytes, modelDirBytes },
    analysis,
  };
  result.seconds = (performance.now() - started) / 1000;

  const md = markdown(result);
  console.log(md);
  const out = join(ROOT, 'e2e', '.artifacts', 'bench');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'bench.json'), JSON.stringify(result, null, 2));
  writeFileSync(join(out, 'bench.md'), md);
  log(`done in ${result.seconds.toFixed(0)} s: ${join(out, 'bench.json')}`);
  if (README) updateReadme(md, result.machine);
} finally {
  for (const c of Object.values(contexts)) await c.close().catch(() => {});
  await plain.stop();
  await env.stop();
  build.remove();
}

function chunks<T>(values: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

interface PageLoad {
  without: Summary;
  with: Summary;
  ratioMedian: number;
}

/** Each stage of the worker's start over the cold rounds (stages a build does not mark are left out). */
function startupSummary(rounds: StartupSplit[]) {
  const of = (pick: (s: StartupSplit) => number | undefined) => summary(rounds.map(pick).filter((x): x is number => x !== undefined));
  return { script: of((s) => s.scriptMs), lists: of((s) => s.listsMs), modelFile: of((s) => s.modelFileMs), modelRuntime: of((s) => s.modelRuntimeMs), modelReadyAt: of((s) => s.modelReadyAt) };
}

function deltaOf(a: Summary, b: Summary) {
  return { median: a.median - b.median, p95: a.p95 - b.p95, p99: a.p99 - b.p99 };
}

type Result = {
  mode: string;
  seconds: number;
  passthrough: Awaited<ReturnType<typeof measurePassthrough>>;
  allow: { without: Summary; with: Summary; delta: ReturnType<typeof deltaOf>; withByHundred: number[] };
  warn: { ms: Summary; windowOpenMs: Summary; lateLooks: number };
  cold: { allow: { with: Summary; deltaFromWarmWithout: ReturnType<typeof deltaOf>; deltaFromWarmWith: ReturnType<typeof deltaOf> }; warn: { ms: Summary; windowOpenMs: Summary; lateLooks: number } };
  startup: ReturnType<typeof startupSummary>;
  memory: Awaited<ReturnType<typeof heapAfter>>;
  pageLoad: Record<'plain' | 'dapp' | 'frames' | 'plainAfterStop', PageLoad>;
  size: { extensionBytes: number; wasmBytes: number; modelDirBytes: number };
  analysis: AnalysisResult;
};

function markdown(r: Result): string {
  const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 1) : '–');
  const trio = (s: { median: number; p95: number; p99: number }) => `${ms(s.median)} / ${ms(s.p95)} / ${ms(s.p99)}`;
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;
  const rows: string[][] = [];
  for (const p of r.passthrough.rows) rows.push([`pass-through ${p.method} (ms)`, String(p.n), trio(p.without), trio(p.with), `ratio ${p.ratioMedian.toFixed(2)}`]);
  rows.push(['allowed request → wallet, warm (ms)', String(r.allow.with.n), trio(r.allow.without), trio(r.allow.with), `+${trio(r.allow.delta)}`]);
  rows.push(['dangerous request → verdict shown, warm (ms)', String(r.warn.ms.n), 'no warning', trio(r.warn.ms), `window opens at ${ms(r.warn.windowOpenMs.median)}`]);
  rows.push(['allowed request → wallet, worker stopped (ms)', String(r.cold.allow.with.n), trio(r.allow.without) + ' (warm)', trio(r.cold.allow.with), `+${trio(r.cold.allow.deltaFromWarmWithout)}; median +${ms(r.cold.allow.deltaFromWarmWith.median)} over warm with the firewall`]);
  rows.push(['dangerous request → verdict shown, worker stopped (ms)', String(r.cold.warn.ms.n), 'no warning', trio(r.cold.warn.ms), `window opens at ${ms(r.cold.warn.windowOpenMs.median)}; median +${ms(r.cold.warn.ms.median - r.warn.ms.median)} over warm`]);
  const st = r.startup;
  const stage = (label: string, s: Summary) => (s.n > 0 ? `${label} ${ms(s.median)}` : `${label} –`);
  rows.push([
    'worker start after a stop, by what it loads (ms, median)',
    String(st.script.n),
    '–',
    stage('script evaluated at', st.script),
    [stage('site lists', st.lists), stage('model file', st.modelFile), stage('onnxruntime wasm + session', st.modelRuntime), stage('model ready at', st.modelReadyAt)].join('; '),
  ]);
  const loadRow = (label: string, p: PageLoad) => rows.push([label, String(p.with.n), trio(p.without), trio(p.with), `ratio ${p.ratioMedian.toFixed(2)}`]);
  loadRow('plain page → DOMContentLoaded (ms)', r.pageLoad.plain);
  loadRow('demo dapp (viem) → DOMContentLoaded (ms)', r.pageLoad.dapp);
  loadRow(`page with ${FRAME_COUNT} iframes → load event (ms)`, r.pageLoad.frames);
  loadRow('plain page, worker stopped before each load → DOMContentLoaded (ms)', r.pageLoad.plainAfterStop);
  rows.push([`dapp page JS heap after ${r.memory.requests} guarded requests`, '1', mb(r.memory.page.without.usedSize), mb(r.memory.page.with.usedSize), `guard +${mb(r.memory.page.with.usedSize - r.memory.page.without.usedSize)}`]);
  const w = r.memory.worker;
  const w0 = r.memory.workerAtStart;
  rows.push([
    `service worker JS heap after ${r.memory.requests} requests`,
    '1',
    '–',
    mb(w.usedSize),
    [w0 ? `${mb(w0.usedSize)} at start` : '', w.backingStorageSize !== undefined ? `+ ${mb(w.backingStorageSize)} ArrayBuffer backing store` : ''].filter(Boolean).join('; '),
  ]);
  rows.push(['extension on disk (unpacked)', '1', '–', mb(r.size.extensionBytes), `model runtime .wasm ${mb(r.size.wasmBytes)} (${((100 * r.size.wasmBytes) / r.size.extensionBytes).toFixed(0)} %); model/ with the .onnx ${mb(r.size.modelDirBytes)}`]);
  const a = r.analysis;
  rows.push([
    `analysis in Node, scan path, ${a.requests} mixed requests (ms each)`,
    String(a.requests),
    '–',
    trio(a.perRequest),
    `${a.requestsPerSecondPerCore.toFixed(0)} req/s/core (${a.requestsPerSecond.toFixed(0)} req/s wall)`,
  ]);
  const table = (header: string[], body: string[][]) =>
    [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...body.map((row) => `| ${row.join(' | ')} |`)].join('\n');
  const growth = (label: string, points: AnalysisResult['calldata']) => [label, ...points.map((p) => `${p.size}: ${ms(p.ms.median)}`)].join(' · ');
  return [
    table(['measure', 'n', 'without firewall (median / p95 / p99)', 'with firewall (median / p95 / p99)', 'cost'], rows),
    '',
    `Analysis time (median ms per request, Node, ${a.calldata[0]?.ms.n ?? 0} runs per point; ${a.scored} of the ${a.requests} mixed requests were scored by the model, ${a.distinctShapes} distinct shapes):`,
    '',
    `- ${growth('calldata size', a.calldata)}`,
    `- ${growth('batch size (wallet_sendCalls)', a.batch)}`,
    `- ${growth('bytecode size', a.bytecode)}`,
    '',
    `Allowed requests with the firewall, median per 100 in the order sent (ms): ${r.allow.withByHundred.map((x) => ms(x)).join(', ')}.`,
    '',
    `${r.mode} run, ${r.seconds.toFixed(0)} s.${r.warn.lateLooks + r.cold.warn.lateLooks > 0 ? ` Warning times: ${r.warn.lateLooks + r.cold.warn.lateLooks} of ${r.warn.ms.n + r.cold.warn.ms.n} verdicts were already visible at the first look (then an upper bound).` : ''}`,
  ].join('\n');
}

function updateReadme(md: string, m: ReturnType<typeof machine>): void {
  const path = join(ROOT, 'README.md');
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf('## Performance');
  if (start < 0) throw new Error('README.md has no "## Performance" section');
  const next = text.indexOf('\n## ', start + 1);
  const section = [
    '## Performance',
    '`npm run bench` measures what the firewall costs, each figure against the same thing without it in the',
    'same run (Chromium with the test wallet only vs the test wallet and the firewall, one anvil chain), and',
    'writes `e2e/.artifacts/bench/bench.json`; `npm run bench -- --short` is the quick version CI runs.',
    'Allowed requests are timed from the dapp\'s `request()` until the test wallet\'s handler receives it',
    '(stamped in the page when the wallet reports the request); warnings until `data-testid="verdict"` is',
    'visible in the confirm window. Latest run, on',
    `${m.nproc} CPUs (${m.cpu}, shared with other work), Node ${m.node}, ${m.chromium}, headless, ${m.date.slice(0, 10)}:`,
    '',
    md,
    '',
  ].join('\n');
  writeFileSync(path, text.slice(0, start) + section + (next < 0 ? '' : text.slice(next + 1)));
}
