// Pass-through overhead: read-only calls from a dapp with the firewall loaded, against the same
// calls without it, in the same run, interleaved so machine noise hits both alike. Used by
// `npm run bench:passthrough` (passthrough.ts) and `npm run bench` (run.ts).
import type { Page } from '@playwright/test';
import type { Deployed } from '../e2e/fixtures/contracts';
import { summary, type Summary } from './stats';

export type Variant = 'without' | 'with';

export async function timeCalls(page: Page, method: string, params: unknown[], count: number): Promise<number[]> {
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

export function passthroughCalls(contracts: Pick<Deployed, 'token'>): [string, unknown[]][] {
  return [
    ['eth_chainId', []],
    ['eth_getBalance', [contracts.token, 'latest']],
    ['eth_call', [{ to: contracts.token, data: '0x95d89b41' }, 'latest']],
  ];
}

export interface PassthroughRow {
  method: string;
  n: number;
  without: Summary;
  with: Summary;
  ratioMedian: number;
}

export interface PassthroughResult {
  rows: PassthroughRow[];
  all: { without: Summary; with: Summary };
}

/** `pages` are dapp pages already loaded, one per variant. `calls` per method and variant, over `rounds` alternating rounds. */
export async function measurePassthrough(pages: Record<Variant, Page>, contracts: Pick<Deployed, 'token'>, { calls = 300, rounds = 3, warmup = 20 } = {}): Promise<PassthroughResult> {
  const list = passthroughCalls(contracts);
  for (const page of Object.values(pages)) for (const [method, params] of list) await timeCalls(page, method, params, warmup);
  const samples: Record<Variant, Record<string, number[]>> = { without: {}, with: {} };
  for (let round = 0; round < rounds; round++) {
    for (const [method, params] of list) {
      for (const name of (round % 2 === 0 ? ['without', 'with'] : ['with', 'without']) as Variant[]) {
        const times = await timeCalls(pages[name], method, params, Math.ceil(calls / rounds));
        (samples[name][method] ??= []).push(...times);
      }
    }
  }
  const rows = list.map(([method]) => {
    const a = summary(samples.without[method]!);
    const b = summary(samples.with[method]!);
    return { method, n: b.n, without: a, with: b, ratioMedian: b.median / a.median };
  });
  const all = { without: summary(Object.values(samples.without).flat()), with: summary(Object.values(samples.with).flat()) };
  return { rows, all };
}

export function printPassthrough({ rows, all }: PassthroughResult): void {
  console.log('Pass-through overhead (ms per call, firewall loaded vs not, same run)');
  console.log('method           n    without med/p95/p99        with med/p95/p99           ratio (median)');
  for (const r of rows) {
    const f = (s: Summary) => `${s.median.toFixed(2)} / ${s.p95.toFixed(2)} / ${s.p99.toFixed(2)}`.padEnd(27);
    console.log(`${r.method.padEnd(16)} ${String(r.n).padEnd(4)} ${f(r.without)}${f(r.with)}${r.ratioMedian.toFixed(3)}`);
  }
  console.log(`all              ${String(all.with.n).padEnd(4)} median ${all.without.median.toFixed(2)} vs ${all.with.median.toFixed(2)} ms: ratio ${(all.with.median / all.without.median).toFixed(3)}`);
}
