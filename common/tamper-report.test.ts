import { describe, expect, it } from 'vitest';
import { mergeReport } from './tamper-report';

describe('mergeReport', () => {
  it('collects distinct findings for the same page, oldest first', () => {
    let r = mergeReport(undefined, 'https://a.example', 'flood', 1);
    r = mergeReport(r, 'https://a.example', 'channel', 2);
    r = mergeReport(r, 'https://a.example', 'flood', 3);
    expect(r).toEqual({ origin: 'https://a.example', what: ['flood', 'channel'], time: 3 });
  });

  it('starts over when the tab is on another site', () => {
    const r = mergeReport({ origin: 'https://a.example', what: ['flood'], time: 1 }, 'https://b.example', 'channel', 2);
    expect(r.what).toEqual(['channel']);
  });

  it('keeps only the last five kinds, so a page cannot grow the report without bound', () => {
    let r = mergeReport(undefined, 'o', 'w0', 0);
    for (let i = 1; i < 50; i++) r = mergeReport(r, 'o', `w${i}`, i);
    expect(r.what).toEqual(['w45', 'w46', 'w47', 'w48', 'w49']);
  });
});
