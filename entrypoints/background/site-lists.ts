// The site lists and the domain model in the service worker. The lists (≈1.2 MB) are fetched from the
// package and indexed on first use in each worker life (≈20 ms): the first navigation or request the
// worker checks, not the worker's start (a worker woken for a closed tab needs none of it); the user's
// own blocked sites are merged in and re-read when they change. The domain model loads in the
// background on first use and shares onnxruntime's .wasm with the contract model.
import { browser } from '#imports';
import { compiledListData } from '../../analysis/site/compiled-lists';
import { createSiteRisk, USER_LIST, type SiteRisk } from '../../analysis/site/site-risk';
import { createDomainScorer, type DomainScorer } from '../../model/domain/inference';
import { MODEL_FILES } from '../../common/model-files';
import { SITE_FILES } from '../../common/site-files';
import { USER_BLOCKED_KEY, userBlockedSites } from '../../common/site-exceptions';
import { LIST_UPDATE_KEY } from './list-updates-sources';
import { maybeUpdateLists, startListUpdates, updatedDomainLists } from './list-updates-worker';
import { markStartup } from './startup-timing';

let siteRisk: Promise<SiteRisk> | undefined;
let scorer: Promise<DomainScorer> | undefined;

async function fetchBytes(path: string): Promise<Uint8Array> {
  const response = await fetch(browser.runtime.getURL(path as '/'));
  if (!response.ok) throw new Error(`${path} is missing from the package (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

function domainScorer(): Promise<DomainScorer> {
  scorer ??= fetchBytes(`/${SITE_FILES.model.dest}`).then((modelBytes) => createDomainScorer({ modelBytes, wasmUrl: browser.runtime.getURL(`/${MODEL_FILES.wasm}`) }));
  scorer.catch(() => (scorer = undefined));
  return scorer;
}

async function load(): Promise<SiteRisk> {
  const destOf = new Map(SITE_FILES.lists.map((l) => [l.file, l.dest]));
  const data = await compiledListData((file) => fetchBytes(`/${destOf.get(file) ?? file}`), { extraBlockedHosts: await userBlockedSites() });
  // The optional updates join the hashed lists, which the allowlist overrides (unlike the user's own blocks).
  const updates = await updatedDomainLists().catch(() => []);
  return createSiteRisk({
    ...data,
    domainLists: [...data.domainLists, ...updates],
    async scoreDomain(host) {
      const { score, threshold, reasons } = await (await domainScorer()).score(host);
      return { score, threshold, reasons: reasons.map((r) => r.words) };
    },
  });
}

/** The lists for the analysis and the navigation check; undefined if they could not be loaded. */
export async function currentSiteRisk(): Promise<SiteRisk | undefined> {
  maybeUpdateLists(shippedListCheck);
  if (!siteRisk) {
    markStartup('listsAskedAt');
    siteRisk = load();
    void siteRisk.then(() => markStartup('listsReadyAt'), () => {});
  }
  return siteRisk.catch((error: unknown) => {
    console.warn('Transaction firewall: the site lists did not load', error);
    siteRisk = undefined;
    return undefined;
  });
}

/** For the list updates: does a shipped list (not the user's, not an update) already cover the host? */
async function shippedListCheck(): Promise<(host: string) => boolean> {
  const site = await currentSiteRisk();
  return (host) => !!site?.listedDomain(host).some((hit) => hit.source.id !== USER_LIST.id && !hit.source.id.endsWith('-update'));
}

/** Called once when the service worker starts; loads nothing yet. */
export function startSiteRisk(): void {
  startListUpdates(shippedListCheck);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && (USER_BLOCKED_KEY in changes || LIST_UPDATE_KEY in changes || 'listUpdates' in changes)) siteRisk = undefined;
  });
}
