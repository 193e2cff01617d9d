import { describe, expect, it } from 'vitest';
import { ANALYSED_METHODS, HARMLESS_METHODS, isHarmlessMethod } from './methods';
import { normalizeRequest } from './request';

describe('method lists', () => {
  it('every analysed method is read into a typed request, never "unknown"', () => {
    for (const method of ANALYSED_METHODS) {
      const r = normalizeRequest({ method, params: [] });
      expect(r.request?.kind ?? 'error', method).not.toBe('unknown');
    }
  });
  it('harmless methods are not ones the analysis reads, and sit in the namespaces a guard holds', () => {
    for (const method of HARMLESS_METHODS) {
      expect(ANALYSED_METHODS.has(method), method).toBe(false);
      expect(method).toMatch(/^(wallet_|personal_|eth_send|eth_sign)/);
    }
    expect(isHarmlessMethod('wallet_getCapabilities')).toBe(true);
    expect(isHarmlessMethod('wallet_invokeSnap')).toBe(false);
    expect(isHarmlessMethod(undefined)).toBe(false);
  });
});
