// Pass-through overhead: read-only calls from a dapp with the firewall loaded, against the same
// calls without it, in the same run, interleaved so machine noise hits both alike. Prints figures;
// asserts nothing about time.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ROOT, launchBrowser } from '../fixtures/browser';
import { startEnvironment } from '../demo/environment';
import { summary } from './stats';

const CALLS = Number(process.env.BENCH_CALLS ?? 300);
const ROUNDS = 3;

async function timeCalls(page: Page, method: string, params: unknown[], count: number): Promise<number[]> {
  return page.evaluate(
    async ([m, p, n]) => {
      const eth = window.ethereum!;
      const times: number[] = [];
      for (let i = 0; i < (n as number); i++) {
        const t0 = performance.now();
        await eth.request({ method: m as string, params: p as unknown[] });
        times.push(performance.now() - t0);
      }
      return times;
    },
    [method, params, count] as const,
  );
}

const env = await startEnvironment();
const calls: [string, unknown[]][] = [
  ['eth_chainId', []],
  ['eth_getBalance', [env.contracts.token, 'latest']],
  ['eth_call', [{ to: env.contracts.token, data: '0x95d89b41' }, 'latest']],
];
const variants = { without: await launchBrowser({ walletDir: env.walletDir, withFirewall: false }), with: await launchBrowser({ walletDir: env.walletDir }) };
const pages: Record<string, Page> = {};
for (const [name, context] of Object.entries(variants)) {
  pages[name] = await context.newPage();
  await pages[name]!.goto(`${env.server.url}/dapp.html`);
  await pages[name]!.waitForFunction(() => window.ethereum !== undefined);
  for (const [method, params] of calls) await timeCalls(pages[name]!, method, params, 20); // warm-up
}

const samples: Record<string, Record<string, number[]>> = { without: {}, with: {} };
for (let round = 0; round < ROUNDS; round++) {
  for (const [method, params] of calls) {
    for (const name of round % 2 === 0 ? ['without', 'with'] : ['with', 'without']) {
      const times = await timeCalls(pages[name]!, method, params, Math.ceil(CALLS / ROUNDS));
      (samples[name]![method] ??= []).push(...times);
    }
  }
}

const rows = calls.map(([method]) => {
  const a = summary(samples.without![method]!);
  const b = summary(samples.with![method]!);
  return { method, n: b.n, without: a, with: b, ratioMedian: b.median / a.median };
});
const all = { without: summary(Object.values(samples.without!).flat()), with: summary(Object.values(samples.with!).flat()) };
console.log('Pass-through overhead (ms per call, firewall loaded vs not, same run)');
console.log('method           n    without med/p95/p99        with med/p95/p99           ratio (median)');
for (const r of rows) {
  const f = (s: { median: number; p95: number; p99: number }) => `${s.median.toFixed(2)} / ${s.p95.toFixed(2)} / ${s.p99.toFixed(2)}`.padEnd(27);
  console.log(`${r.method.padEnd(16)} ${String(r.n).padEnd(4)} ${f(r.without)}${f(r.with)}${r.ratioMedian.toFixed(3)}`);
}
console.log(`all              ${String(all.with.n).padEnd(4)} median ${all.without.median.toFixed(2)} vs ${all.with.median.toFixed(2)} ms: ratio ${(all.with.median / all.without.median).toFixed(3)}`);
const out = join(ROOT, 'e2e', '.artifacts', 'bench');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'passthrough.json'), JSON.stringify({ rows, all }, null, 2));

await variants.without.close();
await variants.with.close();
await env.stop();
