import { describe, expect, it } from 'vitest';
import { parseContentMessage, parsePageMessage, parsePopupMessage } from './messages';

describe('parsePopupMessage', () => {
  it('accepts an http(s) origin and reads it back as an origin', () => {
    expect(parsePopupMessage({ type: 'popup/site', origin: 'https://app.uniswap.org/swap?x=1' })).toEqual({ type: 'popup/site', origin: 'https://app.uniswap.org' });
    expect(parsePopupMessage({ type: 'popup/site', origin: 'http://127.0.0.1:8080' })).toEqual({ type: 'popup/site', origin: 'http://127.0.0.1:8080' });
  });
  it('refuses anything else', () => {
    for (const origin of ['chrome-extension://abc/popup.html', 'javascript:alert(1)', 'not a url', 42, undefined, `https://${'a'.repeat(3000)}.com`]) {
      expect(parsePopupMessage({ type: 'popup/site', origin }), String(origin)).toBeNull();
    }
    expect(parsePopupMessage({ type: 'analyze', origin: 'https://a.com' })).toBeNull();
    expect(parsePopupMessage(null)).toBeNull();
  });
  it('is not accepted from a page or the confirm window', () => {
    expect(parseContentMessage({ type: 'popup/site', origin: 'https://a.com' })).toBeNull();
    expect(parsePageMessage({ type: 'popup/site', origin: 'https://a.com' })).toBeNull();
  });
});
