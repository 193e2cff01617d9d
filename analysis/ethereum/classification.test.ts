// Every benign and malicious fixture gets the verdict it must get; the counts are printed for the
// closing report. A false alarm on an everyday request fails this test just like a missed attack.
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryHistory } from './context/history';
import { benign, malicious, type Fixture } from './fixtures/requests';
import { NOW } from './fixtures/build';
import { analyzeRequest } from './index';
import type { VerdictKind } from '../types';

const counts = { benign: { allow: 0, warn: 0, block: 0 }, malicious: { allow: 0, warn: 0, block: 0 } } satisfies Record<string, Record<VerdictKind, number>>;

function run(f: Fixture) {
  return analyzeRequest(f.input, { code: f.code, history: f.history ? createMemoryHistory(f.history) : undefined, now: NOW });
}

describe.each([
  ['benign', benign],
  ['malicious', malicious],
] as const)('%s fixtures', (kind, fixtures) => {
  it.each(fixtures.map((f) => [f.name, f] as const))('%s', async (_name, f) => {
    const v = await run(f);
    counts[kind][v.verdict]++;
    const ids = v.findings.map((x) => `${x.severity}:${x.id}`);
    expect(v.verdict, `${f.name}: ${JSON.stringify(ids)}`).toBe(f.expect);
    if (f.rule) expect(ids.map((i) => i.split(':')[1])).toContain(f.rule);
  });
});

it('has at least as many benign as malicious fixtures', () => {
  expect(benign.length).toBeGreaterThanOrEqual(malicious.length);
});

afterAll(() => {
  console.log(`classification: benign ${benign.length} ${JSON.stringify(counts.benign)}; malicious ${malicious.length} ${JSON.stringify(counts.malicious)}`);
});

describe('edge cases', async () => {
  const { edgeCases } = await import('./fixtures/edge-cases');
  it.each(edgeCases.map((f) => [f.name, f] as const))('%s', async (_name, f) => {
    const v = await run(f);
    expect(v.verdict, `${f.name}: ${JSON.stringify(v.findings.map((x) => `${x.severity}:${x.id}`))}`).toBe(f.expect);
    if (f.rule) expect(v.findings.map((x) => x.id)).toContain(f.rule);
  });
});
