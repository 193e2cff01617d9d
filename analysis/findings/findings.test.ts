import { describe, expect, it } from 'vitest';
import { MAX_HITS_PER_RULE, runRule, runRules, stepFailed } from './runner';
import type { Rule } from './rule';
import { lateSimulationVerdict, makeVerdict, unfinishedVerdict } from './verdict';
import type { Finding } from '../types';

const note = (id: string): Finding => ({ id, severity: 'info', title: `${id} title`, detail: '' });

describe('the runner', () => {
  const many: Rule<number> = { id: 'test.many', severity: 'warn', summary: 'one hit per unit', check: (n) => Array.from({ length: n }, (_, i) => ({ title: `hit ${i}`, detail: 'x'.repeat(5_000), evidence: { text: 'y'.repeat(10_000) } })) };

  it('caps a rule\'s hits and says how many it left out, under the same id and severity', () => {
    const findings = runRule(many, MAX_HITS_PER_RULE + 5);
    expect(findings).toHaveLength(MAX_HITS_PER_RULE + 1);
    expect(findings.at(-1)).toMatchObject({ id: 'test.many', severity: 'warn', evidence: { omitted: 5 } });
  });

  it('clips the words and the evidence a page can make long', () => {
    const [f] = runRule(many, 1);
    expect(f!.detail.length).toBeLessThanOrEqual(2_000);
    expect((f!.evidence!.text as string).length).toBeLessThanOrEqual(4_096);
  });

  it('turns a check that throws into internal.error naming the rule', () => {
    const broken: Rule<unknown> = { id: 'test.broken', severity: 'danger', summary: 'throws', check: () => { throw new Error('boom\nstack'); } };
    expect(runRule(broken, null)).toEqual([
      { id: 'internal.error', severity: 'warn', title: 'The firewall could not fully examine this request', detail: 'Internal error: the check "test.broken" failed (boom). The request was not fully checked, so treat it with care.', evidence: { rule: 'test.broken', error: 'boom' } },
    ]);
    expect(stepFailed({ what: 'the request could not be decoded', error: new Error('bad') })[0]).not.toHaveProperty('evidence');
  });

  it('skips the rules switched off', () => {
    expect(runRules([many], 1, new Set(['test.many']))).toEqual([]);
  });
});

describe('the verdict', () => {
  it('is as bad as the worst finding, its summary the worst finding or the most descriptive note', () => {
    expect(makeVerdict([note('a.b'), { ...note('c.d'), severity: 'danger' }]).verdict).toBe('block');
    expect(makeVerdict([note('a.b'), note('c.d')], { describing: ['c.d', 'a.b'] }).summary).toBe('c.d title');
    expect(makeVerdict([]).summary).toBe('Nothing to report');
  });

  it('for an unfinished analysis warns and says so', () => {
    const v = unfinishedVerdict('The analysis took longer than 5 seconds.');
    expect(v).toMatchObject({ verdict: 'warn', score: null, summary: 'The firewall could not finish checking this request.' });
    expect(v.findings).toEqual([{ id: 'analysis.unfinished', severity: 'warn', title: 'This request was not fully checked', detail: 'The analysis took longer than 5 seconds. Look at the request yourself before you continue.' }]);
  });

  it('for an allow whose simulation is late warns, keeping its findings, score and asset changes', () => {
    const allowed = makeVerdict([note('tx.transfer')], { score: 0.1, assetChanges: { state: 'late', reason: 'slow' } });
    const v = lateSimulationVerdict(allowed);
    expect(v).toMatchObject({ verdict: 'warn', score: 0.1, summary: 'The firewall could not find out in time what this would move.', assetChanges: { state: 'late' } });
    expect(v.findings.map((f) => f.id)).toEqual(['simulation.late', 'tx.transfer']);
  });
});
