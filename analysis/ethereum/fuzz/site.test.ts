// Property-based tests of the site checks: host normalization, punycode, look-alikes and the site rules
// through analyzeRequest, with unicode, homoglyphs, junk origins and very long names.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMITATED_SITES } from '../../site/brands';
import { normalizeHost, registrableDomain, suffixOf } from '../../site/hostname';
import { editDistance, skeleton } from '../../site/lookalike';
import { loadSiteRiskFromDisk } from '../../site/node-lists';
import { decodePunycode, hostToUnicode } from '../../site/punycode';
import type { SiteRisk } from '../../site/site-risk';
import { A_USER, MAX_MS_PER_RUN, analyzeChecked, unicodeText } from './arbitraries';

let site: SiteRisk;
beforeAll(async () => {
  site = await loadSiteRiskFromDisk();
});

function timed<T>(f: () => T): T {
  const start = performance.now();
  const out = f();
  expect(performance.now() - start).toBeLessThan(MAX_MS_PER_RUN);
  return out;
}

/** Latin letters and the letters of other scripts that render like them. */
const HOMOGLYPHS: Record<string, string[]> = { a: ['а', 'α'], c: ['с'], e: ['е'], i: ['і'], j: ['ј'], k: ['к'], o: ['о', 'ο'], p: ['р', 'ρ'], s: ['ѕ'], x: ['х'], y: ['у'], d: ['ԁ'], h: ['һ'], w: ['ԝ'], v: ['ν'] };

const label = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-аеорсхуіαοрνß🦄é_'), minLength: 1, maxLength: 30 });
const hostLike = fc.oneof(
  fc.array(label, { minLength: 1, maxLength: 6 }).map((ls) => ls.join('.')),
  fc.array(label, { minLength: 1, maxLength: 4 }).map((ls) => `xn--${ls.join('.xn--')}`),
  fc.string({ unit: fc.constantFrom(...'abcxn-0123456789'), maxLength: 80 }).map((s) => `xn--${s}.com`),
  unicodeText,
  fc.constantFrom('localhost', '[::1]', '127.0.0.1', 'a'.repeat(63) + '.' + 'b'.repeat(63) + '.com', ('a'.repeat(60) + '.').repeat(4) + 'io', 'xn--', 'xn--.', '.', '..', 'www.', 'xn--zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz9999999.io', 'a'.repeat(5_000) + '.com'),
);
const originLike = fc.oneof(
  hostLike.map((h) => `https://${h}`),
  hostLike,
  fc.webUrl(),
  fc.constantFrom('', 'null', 'about:blank', 'data:text/html,x', 'chrome-extension://abc', 'file:///etc/passwd', 'https://', 'https://user:pass@uniswap.org', 'https://uniswap.org:8443', 'https://UNISWAP.ORG.', 'javascript:alert(1)'),
);

describe('site checks', { timeout: 60_000 }, () => {
  it('normalizeHost gives null or a lower-case host without a trailing dot or www., for any input', () => {
    fc.assert(
      fc.property(originLike, (o) => {
        const h = timed(() => normalizeHost(o));
        if (h !== null) {
          expect(h).toBe(h.toLowerCase());
          expect(h.endsWith('.')).toBe(false);
          expect(h.startsWith('www.')).toBe(false);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('punycode decoding never throws and returns null or a string, for any label', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'), maxLength: 100 }), fc.string({ maxLength: 60 })), (s) => {
        const d = timed(() => decodePunycode(s));
        if (d !== null) expect(typeof d).toBe('string');
        expect(typeof hostToUnicode(`xn--${s}.xn--${s}`)).toBe('string');
      }),
      { numRuns: 6000 },
    );
  });

  it('suffix, registrable domain, skeleton and edit distance hold their shape for any host', () => {
    fc.assert(
      fc.property(hostLike, hostLike, fc.nat({ max: 3 }), (a, b, max) => {
        expect(a.endsWith(suffixOf(a))).toBe(true);
        expect(a.endsWith(registrableDomain(a))).toBe(true);
        expect(typeof skeleton(a)).toBe('string');
        // What callers rely on: within `max` the distance is exact, beyond it the answer is over `max`.
        const d = timed(() => editDistance(a, b, max));
        const exact = a.length + b.length <= 400 ? editDistance(a, b, Number.MAX_SAFE_INTEGER) : undefined;
        if (exact !== undefined) expect(d <= max ? d === exact : exact > max, `${d} vs ${exact}`).toBe(true);
        if (a.length <= 300) expect(editDistance(a, a, max)).toBe(0);
      }),
      { numRuns: 5000 },
    );
  });

  it('look-alike checks never throw and finish quickly for any host, allow-listed or not', () => {
    fc.assert(
      fc.property(originLike, (o) => {
        const h = normalizeHost(o);
        if (h === null) return;
        const hits = timed(() => site.lookalikes(h));
        expect(Array.isArray(hits)).toBe(true);
        if (site.allowed(h)) expect(hits).toEqual([]);
        timed(() => site.listedDomain(h));
      }),
      { numRuns: 3000 },
    );
  });

  it('a real dapp name with letters swapped for look-alikes from other scripts is caught (homoglyph or typo)', () => {
    // The checks compare registrable names (a subdomain of the real site belongs to its owner).
    const candidates = [...new Set(IMITATED_SITES.map(registrableDomain))].filter((d) => {
      const name = d.slice(0, d.length - suffixOf(d).length - 1);
      return name.length >= 3 && [...name].some((c) => HOMOGLYPHS[c]);
    });
    fc.assert(
      fc.property(fc.constantFrom(...candidates), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.nat(), fc.constantFrom('', 'app.', 'www.'), (domain, picks, variant, sub) => {
        const suffix = suffixOf(domain);
        const chars = [...domain.slice(0, domain.length - suffix.length - 1)];
        const positions = chars.map((c, i) => (HOMOGLYPHS[c] ? i : -1)).filter((i) => i >= 0);
        for (const p of picks) {
          const i = positions[p % positions.length]!;
          const options = HOMOGLYPHS[chars[i]!] ?? [chars[i]!];
          chars[i] = options[variant % options.length]!;
        }
        const host = normalizeHost(`https://${sub}${chars.join('')}.${suffix}`);
        expect(host, chars.join('')).not.toBeNull();
        expect(host!.includes('xn--')).toBe(true);
        const kinds = site.lookalikes(host!).map((h) => h.kind);
        expect(kinds.some((k) => k === 'homoglyph' || k === 'typo'), `${hostToUnicode(host!)} → ${JSON.stringify(site.lookalikes(host!))}`).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('through analyzeRequest: any origin and frame origin give a verdict; a homoglyph origin is never allowed', async () => {
    await fc.assert(
      fc.asyncProperty(originLike, fc.option(originLike, { nil: undefined }), async (origin, frameOrigin) => {
        const v = await analyzeChecked({ request: { method: 'personal_sign', params: ['0x68656c6c6f', A_USER] }, origin: { origin, frameOrigin } }, { site });
        if (v.findings.some((f) => f.id === 'site.lookalike' || f.id === 'site.listed')) expect(v.verdict).toBe('block');
      }),
      { numRuns: 2000 },
    );
    for (const origin of ['https://un\u0456swap.org', `https://${'uniswap'.replace('a', 'а')}.org`, 'https://app.\u043epensea.io', 'https://met\u0430mask.io']) {
      const v = await analyzeChecked({ request: { method: 'personal_sign', params: ['0x68656c6c6f', A_USER] }, origin: { origin } }, { site });
      expect(v.verdict, origin).not.toBe('allow');
    }
  });
});
