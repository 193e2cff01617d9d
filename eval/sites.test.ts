// The never-seen phishing row is only honest if the shipped lists are rolled back to the model's
// cut-off: the shipped ScamSniffer file already names the later hosts.
import { describe, expect, it } from 'vitest';
import { loadSiteRiskFromDisk } from '../analysis/site/node-lists';
import domainMeta from '../model/domain/domain-model.meta.json';
import { listsAsOf } from './sites';
import { scamsnifferHosts } from './sources';

describe('listsAsOf', () => {
  it('forgets ScamSniffer hosts first listed on or after the cut-off and keeps the earlier ones', { timeout: 60_000 }, async () => {
    const site = await loadSiteRiskFromDisk();
    const cutoff = domainMeta.cutoff;
    const { dated, undated } = scamsnifferHosts();
    const knownBefore = new Set([...undated, ...[...dated].filter(([, day]) => day < cutoff).map(([h]) => h)]);
    const later = [...dated].filter(([h, day]) => day >= cutoff && !knownBefore.has(h) && site.listedDomain(h).some((hit) => hit.source.id === 'scamsniffer')).map(([h]) => h);
    const earlier = [...dated].filter(([h, day]) => day < cutoff && site.listedDomain(h).some((hit) => hit.source.id === 'scamsniffer')).map(([h]) => h);
    expect(later.length).toBeGreaterThan(1000);
    const past = listsAsOf(site, knownBefore);
    for (const host of later.slice(0, 200)) expect(past.listedDomain(host).filter((hit) => hit.source.id === 'scamsniffer'), host).toEqual([]);
    for (const host of earlier.slice(0, 200)) expect(past.listedDomain(host).length, host).toBeGreaterThan(0);
  });
});
