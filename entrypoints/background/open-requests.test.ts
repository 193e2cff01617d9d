import { describe, expect, it } from 'vitest';
import { createAnalysisCounter } from './open-requests';

describe('createAnalysisCounter', () => {
  it('gives each request of a burst its place, per tab, and forgets a tab once its requests are done', () => {
    const c = createAnalysisCounter();
    expect([c.enter(1), c.enter(1), c.enter(2), c.enter(1)]).toEqual([1, 2, 1, 3]);
    c.leave(1);
    expect(c.analysing(1)).toBe(2);
    c.leave(1);
    c.leave(1);
    c.leave(1); // one leave too many does not go negative
    expect(c.analysing(1)).toBe(0);
    expect(c.enter(1)).toBe(1);
  });
});
