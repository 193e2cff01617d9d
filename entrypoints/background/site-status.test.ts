// What the popup is told about a site: the site rules on the shipped lists (read from disk), and the
// domain model's view, with a scorer that answers as the test says.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSiteRiskFromDisk } from '../../analysis/site/node-lists';
import type { DomainScore, SiteRisk } from '../../analysis/site/site-risk';

let site: SiteRisk | undefined;
let score: (host: string) => Promise<DomainScore>;
vi.mock('./site-lists', () => ({ currentSiteRisk: () => Promise.resolve(site) }));
const { isPopupPage, siteStatus } = await import('./site-status');

let lists: SiteRisk;
beforeAll(async () => {
  lists = await loadSiteRiskFromDisk({});
});
beforeEach(() => {
  fakeBrowser.reset();
  score = async () => ({ score: 0.1, threshold: 0.7, reasons: [] });
  site = { ...lists, scoreDomain: (host) => score(host) };
});

describe('siteStatus', () => {
  it('says a listed site is listed, in the window\'s words, and does not ask the model', async () => {
    const status = await siteStatus('https://ueswap.cloud');
    expect(status?.findings.map((f) => [f.id, f.severity, f.title])).toEqual([['site.listed', 'danger', 'ueswap.cloud is a known phishing site']]);
    expect(status?.model).toEqual({ kind: 'not-asked' });
  });

  it('names a known dapp as known', async () => {
    const status = await siteStatus('https://app.uniswap.org');
    expect(status?.findings.map((f) => f.id)).toEqual(['site.allowlisted']);
    expect(status?.findings[0]?.title).toBe('app.uniswap.org is a known dapp');
  });

  it('gives the model\'s view of a site no list knows: below its threshold nothing is said against it, above it the window\'s warning', async () => {
    const calm = await siteStatus('https://quiet-garden-notes.org');
    expect(calm).toMatchObject({ findings: [], model: { kind: 'scored', score: 0.1, threshold: 0.7 }, listsLoaded: true, openedAnyway: false });
    score = async () => ({ score: 0.93, threshold: 0.7, reasons: ['a claim word'] });
    const flagged = await siteStatus('https://quiet-garden-notes.org');
    expect(flagged?.findings.map((f) => [f.id, f.severity, f.title])).toEqual([['site.model', 'warn', 'quiet-garden-notes.org looks like a new phishing site']]);
  });

  it('says the model could not judge when it fails, without a finding', async () => {
    score = async () => {
      throw new Error('no model');
    };
    expect(await siteStatus('https://quiet-garden-notes.org')).toMatchObject({ findings: [], model: { kind: 'unavailable' } });
  });

  it('says nothing is known either way when the lists did not load', async () => {
    site = undefined;
    expect(await siteStatus('https://ueswap.cloud')).toMatchObject({ listsLoaded: false, findings: [] });
  });

  it('knows when the user opened the site despite the warning', async () => {
    await fakeBrowser.storage.local.set({ siteExceptions: { 'ueswap.cloud': 1 } });
    expect((await siteStatus('https://ueswap.cloud'))?.openedAnyway).toBe(true);
  });
});

describe('isPopupPage', () => {
  const from = (path: string, id = fakeBrowser.runtime.id) => ({ id, url: `${fakeBrowser.runtime.getURL('/')}${path.replace(/^\//, '')}` });
  it('is the extension\'s own popup only', () => {
    expect(isPopupPage(from('/popup.html'))).toBe(true);
    expect(isPopupPage(from('/popup.html?x=1'))).toBe(true);
    expect(isPopupPage(from('/popup.htmlx'))).toBe(false);
    expect(isPopupPage(from('/confirm.html'))).toBe(false);
    expect(isPopupPage(from('/popup.html', 'another-extension'))).toBe(false);
    expect(isPopupPage({ id: fakeBrowser.runtime.id, url: 'https://popup.html.example/popup.html' })).toBe(false);
    expect(isPopupPage({ id: fakeBrowser.runtime.id })).toBe(false);
  });
});
