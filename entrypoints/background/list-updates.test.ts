import { describe, expect, it } from 'vitest';
import { readHashedSet } from '../../analysis/site/hashed-set';
import { createSiteRisk } from '../../analysis/site/site-risk';
import { LIST_UPDATE_SOURCES } from './list-updates-sources';
import { allowGuard, fromBase64, isStoredListUpdate, mergeDownloads, parseListFile, readCapped, storedDomainLists, toBase64, validHost } from './list-updates';

const [metamask, scamsniffer] = LIST_UPDATE_SOURCES as [(typeof LIST_UPDATE_SOURCES)[0], (typeof LIST_UPDATE_SOURCES)[0]];

describe('validHost', () => {
  it('accepts host names and IPv4 addresses, normalised like the build does', () => {
    expect(validHost('Evil-Uniswap.com')).toBe('evil-uniswap.com');
    expect(validHost('www.claim-airdrop.xyz')).toBe('claim-airdrop.xyz');
    expect(validHost('a.b.vercel.app')).toBe('a.b.vercel.app');
    expect(validHost('xn--uniswp-8ua.org')).toBe('xn--uniswp-8ua.org');
    expect(validHost('uniswаp.org')).toMatch(/^xn--/); // Cyrillic а, as punycode
    expect(validHost('203.0.113.7')).toBe('203.0.113.7');
  });
  const bad: unknown[] = [
    '', ' ', 'com', 'localhost', 'vercel.app', 'co.uk', 'https://evil.com', 'evil.com/path', 'evil.com:8080', 'user@evil.com', '*.evil.com',
    'evil .com', 'evil..com', '-evil.com', 'evil-.com', 'evil.c0m', '999.1.1.1', 'a'.repeat(64) + '.com', `${'a.'.repeat(130)}com`, 'evil.com?x', '<script>.com',
    42, null, { host: 'evil.com' }, ['evil.com'],
  ];
  for (const v of bad) it(`rejects ${JSON.stringify(v)?.slice(0, 40)}`, () => expect(validHost(v)).toBeNull());
});

describe('parseListFile', () => {
  it('reads the MetaMask config and ScamSniffer array, dropping entries that are not hosts', () => {
    const config = JSON.stringify({ version: 2, tolerance: 1, fuzzylist: ['x'], blacklist: ['evil.com', 'http://bad/', 3, 'ok-phish.io'], whitelist: ['real.org', null] });
    expect(parseListFile('metamask-config', config)).toEqual({ blocked: ['evil.com', 'ok-phish.io'], allowed: ['real.org'] });
    expect(parseListFile('domain-array', JSON.stringify(['a-phish.com', '', 'b phish.com', {}, 'c-phish.net']))).toEqual({ blocked: ['a-phish.com', 'c-phish.net'], allowed: [] });
  });
  const malformed: [string, 'metamask-config' | 'domain-array', string][] = [
    ['not JSON', 'domain-array', '["a.com",'],
    ['HTML (an error page)', 'domain-array', '<html>rate limited</html>'],
    ['an object for the array', 'domain-array', '{"domains":["a.com"]}'],
    ['an array for the config', 'metamask-config', '["a.com"]'],
    ['a config without whitelist', 'metamask-config', '{"blacklist":["a.com"]}'],
    ['a config whose blacklist is a string', 'metamask-config', '{"blacklist":"a.com","whitelist":[]}'],
    ['null', 'metamask-config', 'null'],
  ];
  for (const [what, format, text] of malformed) it(`ignores ${what}`, () => expect(parseListFile(format, text)).toBeNull());

  it('ignores a file with too many entries', () => {
    expect(parseListFile('domain-array', `[${'"a.com",'.repeat(2_000_001)}"b.com"]`)).toBeNull();
  });
});

describe('readCapped', () => {
  it('reads a body under the cap', async () => {
    expect(await readCapped(new Response('["a.com"]'), 100)).toBe('["a.com"]');
  });
  it('gives up on a body over the cap, announced or not', async () => {
    expect(await readCapped(new Response('x'.repeat(101)), 100)).toBeNull();
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        c.enqueue(new Uint8Array(64));
      },
    });
    expect(await readCapped(new Response(stream), 1000)).toBeNull();
    expect(await readCapped(new Response('[]', { headers: { 'content-length': '999999' } }), 100)).toBeNull();
  });
  it('gives up on bytes that are not UTF-8', async () => {
    expect(await readCapped(new Response(new Uint8Array([0x5b, 0xff, 0x5d])), 100)).toBeNull();
  });
});

describe('mergeDownloads', () => {
  const now = 1_700_000_000_000;
  const hostsOf = (data: string, probe: string[]) => probe.filter((h) => readHashedSet(fromBase64(data)).has(h));

  it('dedupes, drops allow-listed hosts (shipped or downloaded, parents and subdomains) and already shipped ones', () => {
    const lists = mergeDownloads(
      [
        { source: metamask, parsed: { blocked: ['new-phish.com', 'new-phish.com', 'uniswap.org', 'app.uniswap.org', 'known.com', 'realdapp.io'], allowed: ['realdapp.io', 'docs.other.org'] } },
        { source: scamsniffer, parsed: { blocked: ['other.org', 'ss-phish.xyz', 'ss-phish.xyz'], allowed: [] } },
      ],
      { allowlist: ['uniswap.org'], known: (h) => h === 'known.com', now },
    );
    expect(lists.map((l) => [l.id, l.entries, l.fetchedAt])).toEqual([
      ['metamask-update', 1, now],
      ['scamsniffer-update', 1, now],
    ]);
    const probe = ['new-phish.com', 'uniswap.org', 'app.uniswap.org', 'known.com', 'realdapp.io', 'other.org', 'ss-phish.xyz'];
    expect(hostsOf(lists[0]!.data, probe)).toEqual(['new-phish.com']);
    expect(hostsOf(lists[1]!.data, probe)).toEqual(['ss-phish.xyz']);
  });

  it('the stored lists block the new hosts through createSiteRisk, but never an allow-listed one', () => {
    const lists = mergeDownloads([{ source: scamsniffer, parsed: { blocked: ['drain-now.xyz', 'evil.org'], allowed: [] } }], { allowlist: [], now });
    const stored = { checkedAt: now, nextCheckAt: now + 1, lists };
    expect(isStoredListUpdate(stored)).toBe(true);
    const site = createSiteRisk({ domainLists: storedDomainLists(stored), addressLists: [], allowlist: ['app.evil.org'], allowlistSource: { id: 'a', name: 'a', licence: 'a' } });
    expect(site.listedDomain('claim.drain-now.xyz').map((h) => h.source.name)).toEqual([scamsniffer.name]);
    expect(site.listedDomain('evil.org')).toHaveLength(1);
    expect(site.listedDomain('app.evil.org')).toEqual([]);
    expect(site.listedDomain('fine.com')).toEqual([]);
  });

  it('ignores stored data of the wrong shape', () => {
    expect(storedDomainLists({ lists: 'x' })).toEqual([]);
    expect(storedDomainLists(undefined)).toEqual([]);
    expect(storedDomainLists({ checkedAt: 1, nextCheckAt: 2, lists: [{ id: 'x', name: 'x', licence: 'x', url: 'x', fetchedAt: 1, entries: 0, data: '%%%' }] })).toEqual([]);
  });

  it('allowGuard covers the host, its parents and its subdomains', () => {
    const guard = allowGuard(['app.real.org']);
    expect([guard('app.real.org'), guard('x.app.real.org'), guard('real.org'), guard('other.real.org')]).toEqual([true, true, true, false]);
  });

  it('round-trips base64', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) & 0xff);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
  });
});
