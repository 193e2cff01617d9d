// The model's findings say where the risk is (the contract's code or what the request asks) and how
// high in a band, never as a percentage the model cannot vouch for.
import { describe, expect, it } from 'vitest';
import { runRules } from '../../findings/runner';
import type { ContractScoreResult } from '../index';
import { A } from '../fixtures/build';
import { modelRules, type ModelAnswer } from './model';

const answer = (result: Partial<ContractScoreResult>, rulesQuestion = true, knownAndClean = false): ModelAnswer => ({
  kind: 'scored',
  address: A.drainerContract,
  result: { score: 0.99, threshold: 0.96, reasons: ['The call grants an unlimited amount.'], ...result },
  rulesQuestion,
  knownAndClean,
});
const only = (a: ModelAnswer) => {
  const found = runRules(modelRules, a);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('the model finding in words', () => {
  it('a request-driven high score on a request the rules question: the request, not the contract, is named', () => {
    const f = only(answer({ drivenBy: 'request' }));
    expect(f).toMatchObject({ id: 'model.flagged', severity: 'warn', title: 'This request looks like the requests scam contracts receive (high risk)' });
    expect(f.detail).toContain('more than the code alone');
  });

  it("a code-driven high score names the contract's code", () => {
    expect(only(answer({ drivenBy: 'contract' })).title).toBe("This contract's code looks like known scam contracts (high risk)");
  });

  it('bands, never percentages: elevated, low, and high-but-nothing-else-wrong are notes', () => {
    const titles = [
      only(answer({ score: 0.9, elevated: true, drivenBy: 'request' })),
      only(answer({ score: 0.1, drivenBy: 'contract' })),
      only(answer({ drivenBy: 'both' }, false)),
      only(answer({ drivenBy: 'both' }, false, true)),
    ].map((f) => [f.id, f.title]);
    expect(titles).toEqual([
      ['model.score', "The firewall's model rates this request elevated risk: worth a second look"],
      ['model.score', "The firewall's model rates this contract low risk"],
      ['model.score', "The firewall's model rates this contract and request high risk, but nothing else about it is wrong"],
      ['model.score', "The firewall's model rates this contract and request high risk, but this is a known protocol"],
    ]);
    for (const [, title] of titles) expect(title).not.toMatch(/%/);
  });
});
