import { describe, expect, it } from 'vitest';
import { lookupNames, normalizeHost, platformOf, registrableDomain, subdomainLabels } from './hostname';
import { decodePunycode, hostToUnicode } from './punycode';

describe('host names', () => {
  it('normalises origins, URLs and bare hosts', () => {
    expect(normalizeHost('https://WWW.Uniswap.org')).toBe('uniswap.org');
    expect(normalizeHost('https://app.uniswap.org:8443/swap?x=1')).toBe('app.uniswap.org');
    expect(normalizeHost('uniswap.org.')).toBe('uniswap.org');
    expect(normalizeHost('https://uniswáp.org')).toBe('xn--uniswp-tta.org');
    expect(normalizeHost('http://localhost:3000')).toBe('localhost');
    for (const bad of ['', 'about:blank', 'chrome-extension://abc/page.html', 'null', 'http://']) expect(normalizeHost(bad)).toBeNull();
  });

  it('finds the registrable part, on plain suffixes, country suffixes and hosting platforms', () => {
    expect(registrableDomain('app.uniswap.org')).toBe('uniswap.org');
    expect(registrableDomain('a.b.example.co.uk')).toBe('example.co.uk');
    expect(registrableDomain('claim.uniswap-airdrop.vercel.app')).toBe('uniswap-airdrop.vercel.app');
    expect(registrableDomain('vercel.app')).toBe('vercel.app');
    expect(platformOf('x.pages.dev')).toBe('pages.dev');
    expect(platformOf('uniswap.org')).toBeUndefined();
    expect(subdomainLabels('uniswap.claim-rewards.xyz')).toEqual(['uniswap']);
  });

  it('looks up a host and its parents, never past what one owner controls', () => {
    expect(lookupNames('a.b.evil.com')).toEqual(['a.b.evil.com', 'b.evil.com', 'evil.com']);
    expect(lookupNames('scam.vercel.app')).toEqual(['scam.vercel.app']);
  });

  it('decodes punycode labels', () => {
    expect(decodePunycode('uniswp-tta')).toBe('uniswáp');
    expect(decodePunycode('80ak6aa92e')).toBe('аррӏе');
    expect(decodePunycode('!!')).toBeNull();
    expect(hostToUnicode('xn--mnchen-3ya.de')).toBe('münchen.de');
    expect(hostToUnicode('xn--zz.com')).toBe('xn--zz.com');
  });
});
