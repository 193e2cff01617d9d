// The request's addresses on the drainer lists (address-lists.ts) end to end through analyzeRequest,
// with the compiled lists read from disk. The page's site and frame: analysis/site/site-rules.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { A, NOW, call, tx } from '../fixtures/build';
import { analyzeRequest } from '../index';
import { loadSiteRiskFromDisk } from '../../site/node-lists';
import type { SiteRisk } from '../../site/site-risk';

let site: SiteRisk;
beforeAll(async () => {
  site = await loadSiteRiskFromDisk({ extraBlockedHosts: ['blocked-by-user.test'] });
});

const LISTED_ADDRESS = '0x000000000532b45f47779fce440748893b257865'; // forta phishing_scams.csv, first row

describe('address lists', () => {
  it('blocks an approval to a listed drainer address and names the role and the list', async () => {
    const v = await analyzeRequest({ request: tx(A.usdc, call.approve(LISTED_ADDRESS as `0x${string}`, 10n ** 30n)), origin: { origin: 'https://app.uniswap.org' } }, { site, now: NOW });
    expect(v.verdict).toBe('block');
    const f = v.findings.find((x) => x.id === 'site.listed-address')!;
    expect(f.title).toContain('spender');
    expect(f.detail).toContain('Forta');
  });

});
