// `npm run bench:model-extension`: the model inside the built extension, in Chromium. Prints figures, asserts
// nothing. Needs three builds of its own, so a concurrent `wxt build` cannot pull files from under it:
// `--mode bench-eager` (model loaded when the worker starts, as shipped until the load moved to the first request), `--mode lazy-model` (loaded on the
// first request: the "before") and `--mode no-model` (rules only: the floor).
//
// Cold start: the service worker is stopped (CDP ServiceWorker.stopAllWorkers, as Chrome does after 30 s
// idle), then a dapp sends a drainer-like call; the time runs from the dapp's call to the confirm window.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import solc from 'solc';
import { createPublicClient, createWalletClient, encodeFunctionData, http, parseAbi, parseEther, toHex, type Address, type Hex } from 'viem';
import { foundry } from 'viem/chains';
import { DEV_ACCOUNT, startAnvil } from '../e2e/fixtures/anvil';
import { launchBrowser, prepareWallet, ROOT } from '../e2e/fixtures/browser';
import { firewallWorker, stopServiceWorker } from '../e2e/fixtures/service-worker';
import { startServer } from '../e2e/fixtures/server';
import type { ModelProbe } from '../entrypoints/background/contract-model';
import { MODEL_FILES } from '../common/model-files';
import { FAKE_AIRDROP_SOURCE } from '../model/testdata/fake-airdrop';

const BUILDS = {
  eager: join(ROOT, '.output', 'chrome-mv3-bench-eager'),
  lazy: join(ROOT, '.output', 'chrome-mv3-lazy-model'),
  none: join(ROOT, '.output', 'chrome-mv3-no-model'),
};
const LABELS: Record<keyof typeof BUILDS, string> = {
  eager: 'after: load at worker start, wait ≤ 1.5 s',
  lazy: 'before: load on the first request',
  none: 'floor: no model at all (rules only)',
};
const COLD_ROUNDS = 5;
/** A public RPC endpoint answers in roughly this much; local anvil in about nothing. */
const RPC_LATENCY_MS = 150;
const WARM_RUNS = 300;
type ProbeGlobal = typeof globalThis & { __txFirewallModel: ModelProbe };


function creationCode(): Hex {
  const input = { language: 'Solidity', sources: { 'A.sol': { content: FAKE_AIRDROP_SOURCE } }, settings: { optimizer: { enabled: true, runs: 200 }, outputSelection: { '*': { '*': ['evm.bytecode.object'] } } } };
  const out = JSON.parse(solc.compile(JSON.stringify(input))) as { contracts: Record<string, Record<string, { evm: { bytecode: { object: string } } }>> };
  return `0x${out.contracts['A.sol']!.Airdrop!.evm.bytecode.object}`;
}

async function deploy(rpcUrl: string): Promise<Address> {
  const chain = { ...foundry, rpcUrls: { default: { http: [rpcUrl] } } };
  const hash = await createWalletClient({ chain, transport: http(rpcUrl), account: DEV_ACCOUNT }).sendTransaction({ data: creationCode() });
  return (await createPublicClient({ chain, transport: http(rpcUrl) }).waitForTransactionReceipt({ hash })).contractAddress!;
}

const launch = (firewallDir: string, walletDir: string): Promise<BrowserContext> => launchBrowser({ firewallDir, walletDir });

interface ColdRound {
  ms: number;
  scored: boolean;
  readyAt?: number;
  loadMs?: number;
  runtimeMs?: number;
}

/** One scored request right after the worker was stopped: dapp call → confirm window open with its findings. */
async function coldRound(context: BrowserContext, extensionId: string, dapp: Page, drainer: Address): Promise<ColdRound> {
  await stopServiceWorker(context, extensionId);
  const windowOpened = context.waitForEvent('page', { predicate: (p) => p.url().startsWith(`chrome-extension://${extensionId}/confirm.html`), timeout: 30_000 });
  const data = encodeFunctionData({ abi: parseAbi(['function Claim() payable']), functionName: 'Claim' });
  const started = Date.now();
  const outcome = dapp.evaluate((tx) => window.dapp.sendTransaction('viem', tx), { to: drainer, data, value: toHex(parseEther('0.01')) });
  const dialog = await windowOpened;
  const ms = Date.now() - started;
  const findings = dialog.getByTestId('findings');
  await findings.waitFor();
  const text = (await findings.textContent()) ?? '';
  const status = await (await firewallWorker(context)).evaluate(() => (globalThis as ProbeGlobal).__txFirewallModel.status());
  await dialog.getByRole('button', { name: 'Reject' }).click({ noWaitAfter: true }).catch(() => {});
  await outcome;
  return {
    ms,
    scored: /looks like (known scam|the requests scam)|firewall's model rates/.test(text),
    readyAt: status.readyAt,
    loadMs: status.readyAt !== undefined && status.loadStartedAt !== undefined ? status.readyAt - status.loadStartedAt : undefined,
    runtimeMs: status.phases?.runtimeAndSessionMs,
  };
}

/** Forwards JSON-RPC to anvil after a delay, as a remote endpoint would answer (CORS open, like public RPCs). */
function delayingProxy(target: string, delayMs: number): Promise<{ url: string; close(): void }> {
  const server = createServer((req, res) => {
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type', 'access-control-allow-methods': 'POST, OPTIONS' };
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      setTimeout(async () => {
        try {
          const answer = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.concat(chunks) });
          res.writeHead(answer.status, { ...cors, 'content-type': 'application/json' }).end(Buffer.from(await answer.arrayBuffer()));
        } catch {
          res.writeHead(502, cors).end();
        }
      }, delayMs);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() })),
  );
}

function quantile(samples: number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

const f = (x: number | undefined, digits = 0) => (x === undefined ? '–' : x.toFixed(digits));

async function main(): Promise<void> {
  for (const [name, dir] of Object.entries(BUILDS)) {
    if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`missing the ${name} build at ${dir}: run "npm run bench:model-extension", which builds them`);
  }
  const anvil = await startAnvil();
  const server = await startServer(anvil.url);
  const walletDir = prepareWallet(server.url);
  const drainer = await deploy(anvil.url);
  const slowRpc = await delayingProxy(anvil.url, RPC_LATENCY_MS);
  const rows: string[][] = [];
  let warm: Awaited<ReturnType<typeof warmFigures>> | undefined;
  try {
    for (const [variant, dir] of Object.entries(BUILDS) as [keyof typeof BUILDS, string][]) {
      const context = await launch(dir, walletDir);
      try {
        const worker = await firewallWorker(context);
        const extensionId = new URL(worker.url()).host;
        const dapp = await context.newPage();
        await dapp.goto(new URL('/dapp.html', server.url).href);
        await dapp.waitForFunction(() => 'dapp' in window);
        for (const [latency, rpcUrl] of [[0, anvil.url], [RPC_LATENCY_MS, slowRpc.url]] as const) {
          await (await firewallWorker(context)).evaluate(
            (url) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ rpcUrls: { '31337': url } }),
            rpcUrl,
          );
          await coldRound(context, extensionId, dapp, drainer); // first start with this setting: not counted
          const rounds: ColdRound[] = [];
          for (let i = 0; i < COLD_ROUNDS; i++) rounds.push(await coldRound(context, extensionId, dapp, drainer));
          const ms = rounds.map((r) => r.ms);
          const loads = rounds.map((r) => r.loadMs).filter((x): x is number => x !== undefined);
          const runtimes = rounds.map((r) => r.runtimeMs).filter((x): x is number => x !== undefined);
          const readies = rounds.map((r) => r.readyAt).filter((x): x is number => x !== undefined);
          rows.push([
            LABELS[variant],
            latency === 0 ? 'local anvil' : `+${latency} ms per RPC call`,
            f(quantile(ms, 0.5)),
            `${f(Math.min(...ms))}–${f(Math.max(...ms))}`,
            f(loads.length ? quantile(loads, 0.5) : undefined),
            f(runtimes.length ? quantile(runtimes, 0.5) : undefined),
            f(readies.length ? quantile(readies, 0.5) : undefined),
            `${rounds.filter((r) => r.scored).length}/${rounds.length}`,
          ]);
        }
        if (variant === 'eager') warm = await warmFigures(await firewallWorker(context), extensionId);
      } finally {
        await context.close();
      }
    }
  } finally {
    rmSync(walletDir, { recursive: true, force: true });
    slowRpc.close();
    await server.stop();
    await anvil.stop();
  }

  const modelBytes = statSync(join(ROOT, 'model', 'contract-model.onnx')).size;
  const wasmBytes = statSync(join(BUILDS.eager, MODEL_FILES.wasm)).size;
  console.log(`\nCold start: service worker stopped, then one drainer-like request (dapp call → confirm window), ${COLD_ROUNDS} rounds each\n`);
  table(['build', 'RPC', 'median ms', 'range ms', 'model load ms', 'of which wasm + session ms', 'model ready at ms after worker start', 'requests scored'], rows);
  console.log('(load figures: medians from the worker\'s own clock, which Chrome coarsens to 0.1 ms)');
  if (warm) {
    console.log('\nWarm, in the service worker\n');
    table(
      ['figure', 'value'],
      [
        [`score() incl. features + reasons, 24 KB contract (median, ${WARM_RUNS} runs)`, `${f(warm.median, 3)} ms`],
        ['score() p99', `${f(warm.p99, 3)} ms`],
        [`one vector, probability only (median / p99)`, `${f(warm.vectorMedian, 3)} / ${f(warm.vectorP99, 3)} ms`],
        ['model bytes: fetch of the extension URL (median of 20)', `${f(warm.fetchMs, 3)} ms`],
        ['model bytes: decode of bundled base64 (median of 20)', `${f(warm.base64Ms, 3)} ms`],
      ],
    );
  }
  console.log('\nSizes\n');
  table(
    ['file', 'bytes'],
    [
      ['model (contract-model.onnx)', String(modelBytes)],
      ['onnxruntime wasm (ort-wasm-simd-threaded.wasm)', String(wasmBytes)],
      ['extension package as benchmarked (bench-eager build), unpacked', String(dirSize(BUILDS.eager))],
    ],
  );
}

// Functions passed to worker.evaluate avoid named inner functions: tsx's transform would wrap them in a
// helper (__name) that does not exist in the worker. Samples come back raw; quantiles are taken here.
async function warmFigures(worker: Worker, extensionId: string) {
  const approve = encodeFunctionData({ abi: parseAbi(['function approve(address,uint256)']), functionName: 'approve', args: ['0x1111111111111111111111111111111111111111', 2n ** 256n - 1n] });
  const fixture = JSON.parse(readFileSync(join(ROOT, 'model', 'parity-fixture.json'), 'utf8')) as { vectors: number[][] };
  const samples = await worker.evaluate(
    async ({ bytecode, calldata, runs, modelUrl, base64, vector }) => {
      const probe = (globalThis as ProbeGlobal).__txFirewallModel;
      const input = { bytecode, calldata, value: '0' };
      const full: number[] = [];
      const bare: number[] = [];
      const fetched: number[] = [];
      const decoded: number[] = [];
      for (let i = 0; i < runs + 20; i++) {
        let t = performance.now();
        await probe.score(input);
        if (i >= 20) full.push(performance.now() - t);
        t = performance.now();
        await probe.scoreVectors([vector]);
        if (i >= 20) bare.push(performance.now() - t);
      }
      for (let i = 0; i < 20; i++) {
        let t = performance.now();
        await (await fetch(modelUrl)).arrayBuffer();
        fetched.push(performance.now() - t);
        t = performance.now();
        Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        decoded.push(performance.now() - t);
      }
      return { full, bare, fetched, decoded };
    },
    {
      bytecode: bigContract(),
      calldata: approve,
      runs: WARM_RUNS,
      modelUrl: `chrome-extension://${extensionId}/${MODEL_FILES.model}`,
      base64: readFileSync(join(ROOT, 'model', 'contract-model.onnx')).toString('base64'),
      vector: fixture.vectors[0]!,
    },
  );
  return {
    median: quantile(samples.full, 0.5),
    p99: quantile(samples.full, 0.99),
    vectorMedian: quantile(samples.bare, 0.5),
    vectorP99: quantile(samples.bare, 0.99),
    fetchMs: quantile(samples.fetched, 0.5),
    base64Ms: quantile(samples.decoded, 0.5),
  };
}

/** Uniswap V3's NonfungiblePositionManager: a real contract near the 24 KB limit. */
function bigContract(): string {
  const path = join(ROOT, 'node_modules', '@uniswap', 'v3-periphery', 'artifacts', 'contracts', 'NonfungiblePositionManager.sol', 'NonfungiblePositionManager.json');
  return (JSON.parse(readFileSync(path, 'utf8')) as { deployedBytecode: string }).deployedBytecode;
}

function dirSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
