import { describe, expect, it } from 'vitest';
import { classifyRequest } from '../../../entrypoints/guard.content/guarded-methods';
import { ANALYSED_METHODS } from './methods';
import { normalizeRequest } from './request';

describe('method lists', () => {
  it('every analysed method is read into a typed request, never "unknown"', () => {
    for (const method of ANALYSED_METHODS) {
      const r = normalizeRequest({ method, params: [] });
      expect(r.request?.kind ?? 'error', method).not.toBe('unknown');
    }
  });
  it('the guard holds every method the analysis reads', () => {
    for (const method of ANALYSED_METHODS) expect(classifyRequest(method, []).guarded, method).toBe(true);
  });
});
