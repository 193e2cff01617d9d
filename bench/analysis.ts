// Analysis time per request without RPC: 1,000 requests cycling through every fixture (benign,
// malicious, edge cases), after a warm-up. Prints figures; asserts nothing.
// Run: npm run bench:analysis [-- N]
import { analyzeRequest } from '../analysis/ethereum/index';
import { createMemoryHistory } from '../analysis/ethereum/context/history';
import { NOW } from '../analysis/ethereum/fixtures/build';
import { edgeCases } from '../analysis/ethereum/fixtures/edge-cases';
import { benign, malicious } from '../analysis/ethereum/fixtures/requests';
import { timeRuns } from './time-runs';

const n = Number(process.argv[2] ?? 1000);
const fixtures = [...benign, ...malicious, ...edgeCases];
const run = (i: number) => {
  const f = fixtures[i % fixtures.length]!;
  return analyzeRequest(f.input, { code: f.code, history: f.history ? createMemoryHistory(f.history) : undefined, now: NOW });
};

const t = await timeRuns(n, 200, run);
const fmt = (x: number) => x.toFixed(3);
console.log(`analysis without RPC, ${n} mixed requests (${fixtures.length} distinct shapes), node ${process.version}`);
console.log(`median ${fmt(t.at(50))} ms  p90 ${fmt(t.at(90))} ms  p99 ${fmt(t.at(99))} ms  max ${fmt(t.max)} ms  total ${fmt(t.total)} ms`);
