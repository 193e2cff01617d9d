// What the popup is told about a site: the site rules on the shipped lists (read from disk), and the
// domain model's view from the real ONNX model, as the worker runs it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSiteRiskFromDisk } from '../../analysis/site/node-lists';
import type { DomainScore, SiteRisk } from '../../analysis/site/site-risk';
import { createDomainScorer } from '../../model/domain/inference';
import { nodeScoreDomain } from '../../model/domain/node-scorer';

const require = createRequire(import.meta.url);
let site: SiteRisk | undefined;
vi.mock('./site-lists', () => ({ currentSiteRisk: () => Promise.resolve(site) }));
const { isPopupPage, siteStatus } = await import('./site-status');

let lists: SiteRisk;
let realScore: (host: string) => Promise<DomainScore>;
beforeAll(async () => {
  lists = await loadSiteRiskFromDisk({});
  realScore = nodeScoreDomain();
});
beforeEach(() => {
  fakeBrowser.reset();
  site = { ...lists, scoreDomain: (host) => realScore(host) };
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

  // Hosts no list knows: a real site the model scores far below its threshold, and one of model/domain/REPORT.md's phishing probes far above.
  it.each([
    ['debian.org', false],
    ['claim-eigenlayer-airdrop.vercel.app', true],
  ] as const)("gives the model's view of %s: below its threshold nothing is said against it, above it the window's warning", async (host, flagged) => {
    const real = await realScore(host);
    expect(real.score >= real.threshold).toBe(flagged);
    const status = await siteStatus(`https://${host}`);
    expect(status).toMatchObject({ model: { kind: 'scored', score: real.score, threshold: real.threshold }, listsLoaded: true, openedAnyway: false });
    const model = status?.findings.filter((f) => f.id === 'site.model') ?? [];
    expect(model.map((f) => [f.severity, f.title])).toEqual(flagged ? [['warn', `${host} looks like a new phishing site`]] : []);
  });

  it('says the model could not judge when it cannot load (a damaged model file), without a finding', async () => {
    const damaged = createDomainScorer({ modelBytes: new TextEncoder().encode('not a model'), wasmBinary: readFileSync(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm')) });
    site = { ...lists, scoreDomain: async (host) => {
      const { score, threshold, reasons } = await (await damaged).score(host);
      return { score, threshold, reasons: reasons.map((r) => r.words) };
    } };
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
