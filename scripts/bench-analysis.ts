// Analysis time per request without RPC: 1,000 requests cycling through every fixture (benign,
// malicious, edge cases), after a warm-up. Prints figures; asserts nothing.
// Run: npm run bench:analysis [-- N]
import { analyzeRequest } from '../analysis/index';
import { createMemoryHistory } from '../analysis/context/history';
import { NOW } from '../analysis/fixtures/build';
import { edgeCases } from '../analysis/fixtures/edge-cases';
import { benign, malicious } from '../analysis/fixtures/requests';

const n = Number(process.argv[2] ?? 1000);
const fixtures = [...benign, ...malicious, ...edgeCases];
const run = (i: number) => {
  const f = fixtures[i % fixtures.length]!;
  return analyzeRequest(f.input, { code: f.code, history: f.history ? createMemoryHistory(f.history) : undefined, now: NOW });
};

for (let i = 0; i < 200; i++) await run(i);
const times: number[] = [];
for (let i = 0; i < n; i++) {
  const t = performance.now();
  await run(i);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const pick = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
const fmt = (x: number) => x.toFixed(3);
console.log(`analysis without RPC, ${n} mixed requests (${fixtures.length} distinct shapes), node ${process.version}`);
console.log(`median ${fmt(pick(0.5))} ms  p90 ${fmt(pick(0.9))} ms  p99 ${fmt(pick(0.99))} ms  max ${fmt(times[times.length - 1]!)} ms  total ${fmt(times.reduce((a, b) => a + b, 0))} ms`);
