// Times an async step many times after a warm-up, for the Node benchmarks. Figures only.
import { percentile } from './stats';

export interface Timings {
  times: number[];
  at(p: number): number;
  max: number;
  total: number;
}

export async function timeRuns(count: number, warmup: number, run: (i: number) => Promise<unknown>): Promise<Timings> {
  for (let i = 0; i < warmup; i++) await run(i);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await run(i);
    times.push(performance.now() - t);
  }
  return { times, at: (p) => percentile(times, p), max: Math.max(...times), total: times.reduce((a, b) => a + b, 0) };
}
