import { describe, expect, it } from 'vitest';
import { groupFindings, listText, sayOnce } from './group';
import { makeVerdict } from './verdict';
import type { Finding } from '../types';

const grant = (symbol: string, token: string): Finding => ({
  id: 'approval.to-plain-account',
  severity: 'danger',
  title: `Gives 0x8ba1…BA72, a personal account, the right to take an unlimited amount of ${symbol}`,
  detail: 'Whoever holds its key can move the tokens at any time.',
  evidence: { token },
});
const validity = (token: string): Finding => ({ id: 'approval.long-expiry', severity: 'info', title: 'This permission stays valid until 2034-12-30', detail: 'A long window.', evidence: { token } });

describe('grouping one rule\'s findings', () => {
  it('says the tokens once, in one line, where the first finding stood', () => {
    const grouped = groupFindings([grant('USDC', '0xa'), validity('0xa'), grant('USDT', '0xb'), validity('0xb'), grant('DAI', '0xc'), validity('0xc')]);
    expect(grouped.map((f) => f.title)).toEqual([
      'Gives 0x8ba1…BA72, a personal account, the right to take an unlimited amount of USDC, USDT and DAI',
      'This permission stays valid until 2034-12-30 (for 3 tokens)',
    ]);
    expect(grouped[0]).toMatchObject({ count: 3, detail: 'Whoever holds its key can move the tokens at any time.', evidence: { each: [{ token: '0xa' }, { token: '0xb' }, { token: '0xc' }] } });
  });

  it('does not split a word the titles share a part of', () => {
    const [f] = groupFindings([grant('USDC', '0xa'), grant('USDT', '0xb')]);
    expect(f!.title.endsWith('amount of USDC and USDT')).toBe(true);
  });

  it('keeps findings of different rules or severities apart, and a single finding as it was', () => {
    const other: Finding = { ...validity('0xa'), severity: 'warn' };
    expect(groupFindings([validity('0xa'), other])).toEqual([validity('0xa'), other]);
  });

  it('counts titles that share too little instead of gluing them', () => {
    const a: Finding = { id: 'x.y', severity: 'warn', title: 'Sends 1 ETH to Bob', detail: '' };
    const b: Finding = { id: 'x.y', severity: 'warn', title: 'Calls claim on a fresh contract', detail: '' };
    expect(groupFindings([a, b])[0]!.title).toBe('Sends 1 ETH to Bob (and 1 more like it)');
  });

  it('feeds the verdict\'s summary, so the window leads with the grouped sentence', () => {
    const v = makeVerdict([grant('USDC', '0xa'), grant('USDT', '0xb')]);
    expect(v.summary).toMatch(/amount of USDC and USDT$/);
    expect(v.findings).toHaveLength(1);
  });

  it('joins a list as a sentence does', () => {
    expect([listText([]), listText(['A']), listText(['A', 'B']), listText(['A', 'B', 'C'])]).toEqual(['', 'A', 'A and B', 'A, B and C']);
  });
});

describe('sayOnce', () => {
  it('sentences that differ by a word are said once; sentences that share little are not merged', () => {
    expect(sayOnce(['USDC (unlimited)', 'USDT (unlimited)', 'DAI (unlimited)'])).toBe('USDC, USDT and DAI (unlimited)');
    expect(sayOnce(['up to an unlimited amount of USDC', 'up to an unlimited amount of DAI'])).toBe('up to an unlimited amount of USDC and DAI');
    expect(sayOnce(['0.01 ETH', '1000000 TST'])).toBeUndefined();
    expect(sayOnce(['same', 'same'])).toBe('same');
  });
});
