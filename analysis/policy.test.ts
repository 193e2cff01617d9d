import { describe, expect, it } from 'vitest';
import type { Verdict } from './types';
import { handle } from './policy';

const verdict = (kind: Verdict['verdict'], severity: 'info' | 'warn' | 'danger' = 'info'): Verdict => ({
  verdict: kind,
  score: null,
  summary: '',
  findings: [{ id: 'x', severity, title: 't', detail: 'd' }],
});

describe('handle', () => {
  it('always asks for block, trusted site or not, whatever the sensitivity', () => {
    for (const sensitivity of ['info', 'warn', 'danger'] as const) {
      expect(handle(verdict('block', 'danger'), { sensitivity, trusted: true })).toEqual({ ask: true });
    }
  });
  it('asks for warn unless the site is trusted or the user only wants dangerous requests', () => {
    expect(handle(verdict('warn', 'warn'), { sensitivity: 'warn', trusted: false })).toEqual({ ask: true });
    expect(handle(verdict('warn', 'warn'), { sensitivity: 'warn', trusted: true })).toEqual({ ask: false, because: 'trusted-site' });
    expect(handle(verdict('warn', 'warn'), { sensitivity: 'danger', trusted: false })).toEqual({ ask: false, because: 'sensitivity' });
  });
  it('lets allow through, except in the strictest setting when there is something to say', () => {
    expect(handle(verdict('allow'), { sensitivity: 'warn', trusted: false })).toEqual({ ask: false, because: 'safe' });
    expect(handle(verdict('allow'), { sensitivity: 'info', trusted: false })).toEqual({ ask: true });
    expect(handle({ ...verdict('allow'), findings: [] }, { sensitivity: 'info', trusted: false })).toEqual({ ask: false, because: 'safe' });
  });
});
