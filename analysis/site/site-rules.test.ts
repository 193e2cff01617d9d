// The page's rules (site-rules.ts) on their own, and the site rules end to end through analyzeRequest,
// with the compiled lists read from disk. The request's addresses on the lists: analysis/ethereum/rules/address-lists.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { A, NOW, call, tx } from '../ethereum/fixtures/build';
import { runRules } from '../findings/runner';
import { analyzeRequest } from '../ethereum/index';
import { loadSiteRiskFromDisk } from './node-lists';
import { pageRules, type PageContext } from './site-rules';
import type { SiteRisk } from './site-risk';

let site: SiteRisk;
beforeAll(async () => {
  site = await loadSiteRiskFromDisk({ extraBlockedHosts: ['blocked-by-user.test'] });
});

async function verdictFor(origin: string, request = { method: 'personal_sign', params: ['0x68656c6c6f', A.user] }, frameOrigin?: string) {
  return analyzeRequest({ request, origin: { origin, frameOrigin } }, { site, now: NOW });
}
const ids = (v: { findings: { id: string }[] }) => v.findings.map((f) => f.id);

describe('page rules without a chain', () => {
  it('judge the page and the frame from what the browser and the guard say, nothing of the request', () => {
    const run = (ctx: PageContext) => runRules(pageRules, ctx).map((f) => f.id);
    expect(run({ origin: { origin: 'https://ueswap.cloud' }, site })).toEqual(['site.listed']);
    expect(run({ origin: { origin: 'https://app.uniswap.org' }, site })).toEqual(['site.allowlisted']);
    expect(run({ origin: { origin: 'https://example.org', frameOrigin: 'https://ueswap.cloud' }, site })).toEqual(['site.listed']);
    expect(run({ origin: { origin: 'https://uniswap.claim-rewards.xyz' }, site })).toContain('site.brand-misuse');
    expect(run({ origin: { origin: 'https://example.org' }, frameTampered: 'WeakMap.prototype.set was changed' })).toEqual(['context.tampered-frame']);
    expect(run({ origin: { origin: 'https://ueswap.cloud' } })).toEqual([]);
  });
});

describe('site lists', () => {
  it('blocks a request from a MetaMask-listed site and names the list', async () => {
    const v = await verdictFor('https://ueswap.cloud');
    expect(v.verdict).toBe('block');
    const f = v.findings.find((x) => x.id === 'site.listed')!;
    expect(f.detail).toContain("MetaMask's eth-phishing-detect list");
  });

  it('blocks a ScamSniffer-listed site, its subdomains and a listed frame inside a clean page', async () => {
    expect((await verdictFor('https://allolive.world')).findings.find((f) => f.id === 'site.listed')?.detail).toContain('ScamSniffer');
    expect(ids(await verdictFor('https://claim.allolive.world'))).toContain('site.listed');
    expect(ids(await verdictFor('https://example.com', undefined, 'https://allolive.world'))).toContain('site.listed');
  });

  it('blocks what the user listed', async () => {
    expect((await verdictFor('https://blocked-by-user.test')).findings.find((f) => f.id === 'site.listed')?.detail).toContain('your own blocked sites');
  });

  it('never blocks allow-listed dapps, and says they are known', async () => {
    for (const origin of ['https://app.uniswap.org', 'https://opensea.io', 'https://etherscan.io', 'https://metamask.io']) {
      const v = await verdictFor(origin);
      expect(v.verdict, origin).toBe('allow');
      expect(ids(v)).not.toContain('site.lookalike');
      expect(ids(v)).not.toContain('site.brand-misuse');
    }
    expect(ids(await verdictFor('https://app.uniswap.org'))).toContain('site.allowlisted');
  });

  it('leaves clean addresses and sites alone', async () => {
    const v = await analyzeRequest({ request: tx(A.usdc, call.approve(A.v2Router, 10n)), origin: { origin: 'https://example.org' } }, { site, now: NOW });
    expect(ids(v).filter((id) => id.startsWith('site.'))).toEqual([]);
  });
});

describe('look-alike sites', () => {
  it.each([
    ['https://xn--uniswp-tta.org', 'homoglyph', 'uniswap.org'],
    ['https://xn--opnsea-4of.io', 'homoglyph', 'opensea.io'],
    ['https://unlswap.org', 'typo', 'uniswap.org'],
    ['https://uniwsap.org', 'typo', 'uniswap.org'],
    ['https://0pensea.io', 'typo', 'opensea.io'],
    ['https://metamsak.io', 'typo', 'metamask.io'],
  ])('%s imitates %s (%s): danger', async (origin, kind, imitates) => {
    const v = await verdictFor(origin);
    const f = v.findings.find((x) => x.id === 'site.lookalike');
    expect(f?.evidence).toMatchObject({ kind, imitates });
    expect(v.verdict).toBe('block');
  });

  it.each(['https://uniswap.claim-rewards.xyz', 'https://app-uniswap.org', 'https://uniswap.xyz', 'https://opensea-airdrop.vercel.app', 'https://claimmetamask.com'])(
    '%s uses a brand name: warn',
    async (origin) => {
      const v = await verdictFor(origin);
      expect(ids(v)).toContain('site.brand-misuse');
      expect(v.verdict).not.toBe('allow');
    },
  );

  it.each(['https://example.org', 'https://github.com', 'https://wikipedia.org', 'https://uniswap.org', 'https://docs.uniswap.org', 'https://sushi.com', 'https://localhost:3000', 'http://127.0.0.1:8080'])(
    '%s is not a look-alike',
    async (origin) => {
      const v = await verdictFor(origin);
      expect(ids(v).filter((id) => id === 'site.lookalike' || id === 'site.brand-misuse')).toEqual([]);
    },
  );
});

describe('domain model seam', () => {
  it('adds a warn (never a block) with reasons above the threshold, and stays quiet below or for known sites', async () => {
    const scored = await loadSiteRiskFromDisk({ scoreDomain: async (host) => ({ score: host.includes('claim') ? 0.97 : 0.1, threshold: 0.8, reasons: ['lure word "claim"'] }) });
    const hot = await analyzeRequest({ request: { method: 'personal_sign', params: ['0x00', A.user] }, origin: { origin: 'https://claim-now.example' } }, { site: scored, now: NOW });
    const f = hot.findings.find((x) => x.id === 'site.model')!;
    expect(f.severity).toBe('warn');
    expect(f.detail).toContain('lure word "claim"');
    expect(hot.verdict).toBe('warn');
    const cold = await analyzeRequest({ request: { method: 'personal_sign', params: ['0x00', A.user] }, origin: { origin: 'https://calm.example' } }, { site: scored, now: NOW });
    expect(ids(cold)).not.toContain('site.model');
  });

  it('turns a failing model into an info finding', async () => {
    const broken = await loadSiteRiskFromDisk({ scoreDomain: async () => Promise.reject(new Error('no wasm')) });
    const v = await analyzeRequest({ request: { method: 'personal_sign', params: ['0x00', A.user] }, origin: { origin: 'https://calm.example' } }, { site: broken, now: NOW });
    expect(v.findings.find((x) => x.id === 'site.model-unavailable')?.severity).toBe('info');
  });
});
