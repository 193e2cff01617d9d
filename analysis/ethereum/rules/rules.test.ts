import { describe, expect, it } from 'vitest';
import { createMemoryHistory } from '../context/history';
import { NOW } from '../fixtures/build';
import { edgeCases } from '../fixtures/edge-cases';
import { benign, malicious } from '../fixtures/requests';
import { analyzeRequest } from '../index';
import { families, rules } from './index';

/** Rules that need balances or a failing node; covered by context/chain-reader.anvil.test.ts. */
const NEEDS_CHAIN = new Set(['approval.exceeds-balance', 'context.unchecked']);
/** Rules that need the address lists (deps.site); covered by address-lists.test.ts. The page's rules (site lists, frame) are analysis/site's. */
const NEEDS_SITE_LISTS = new Set(['site.listed-address']);

describe('rule registry', () => {
  it('has unique ids with a severity and a summary', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of rules) {
      expect(['info', 'warn', 'danger']).toContain(r.severity);
      expect(r.summary.length).toBeGreaterThan(10);
      expect(r.id).toMatch(/^[a-z0-9]+\.[a-z0-9-]+$/);
    }
  });

  it('holds every family of rules, with ids unique across them', () => {
    const ids = families.flatMap((f) => f.rules.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['internal.error', 'analysis.unfinished', 'simulation.late', 'model.missing', 'model.unavailable', 'model.flagged', 'model.score', 'site.model', 'site.model-unavailable', 'simulation.loss-for-nothing']));
    for (const r of families.flatMap((f) => f.rules)) expect(r.summary.length).toBeGreaterThan(10);
  });

  it('every rule fires on at least one fixture', async () => {
    const fired = new Set<string>();
    for (const f of [...benign, ...malicious, ...edgeCases]) {
      const v = await analyzeRequest(f.input, { code: f.code, history: f.history ? createMemoryHistory(f.history) : undefined, now: NOW });
      for (const x of v.findings) fired.add(x.id);
    }
    expect(rules.map((r) => r.id).filter((id) => !fired.has(id) && !NEEDS_CHAIN.has(id) && !NEEDS_SITE_LISTS.has(id))).toEqual([]);
  });

  it('rules can be switched off one by one', async () => {
    const f = malicious.find((m) => m.rule === 'approval.to-plain-account')!;
    const on = await analyzeRequest(f.input, { code: f.code, now: NOW });
    const off = await analyzeRequest(f.input, { code: f.code, now: NOW, disabledRules: ['approval.to-plain-account'] });
    expect(on.findings.map((x) => x.id)).toContain('approval.to-plain-account');
    expect(off.findings.map((x) => x.id)).not.toContain('approval.to-plain-account');
  });
});
