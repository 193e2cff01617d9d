// What the firewall knows about a site, for the popup: the same site rules the confirm window's
// findings come from (the lists, the look-alike checks, the allowlist, the domain model), run on the
// site alone, so the popup says what the window would say. Read-only: nothing is recorded.
import { browser, type Browser } from '#imports';
import { runRules } from '../../analysis/findings/runner';
import { normalizeHost } from '../../analysis/site/hostname';
import { scoreSite, siteModelRules, type SiteScore } from '../../analysis/site/model-findings';
import { siteListRules, siteNameRules, type PageContext } from '../../analysis/site/site-rules';
import type { SiteModelView, SiteStatus } from '../../common/messages';
import { isExcepted } from '../../common/site-exceptions';
import { TIME_BUDGET } from '../../common/time-budget';
import { withTimeout } from '../../common/timeout';
import { currentSiteRisk } from './site-lists';

const POPUP_PAGE = '/popup.html';

/** The toolbar popup of this extension, and nothing else: no page, no other extension. */
export function isPopupPage(sender: Browser.runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id || !sender.url) return false;
  try {
    const url = new URL(sender.url);
    return `${url.protocol}//${url.host}${url.pathname}` === browser.runtime.getURL(POPUP_PAGE as '/');
  } catch {
    return false;
  }
}

export async function siteStatus(origin: string): Promise<SiteStatus | null> {
  const host = normalizeHost(origin);
  if (!host) return null;
  const [site, openedAnyway] = await Promise.all([currentSiteRisk(), isExcepted(host)]);
  if (!site) return { host, listsLoaded: false, findings: [], model: { kind: 'unavailable' }, openedAnyway };
  const page: PageContext = { origin: { origin }, site };
  const findings = [...runRules(siteListRules, page), ...runRules(siteNameRules, page)];
  let model: SiteModelView = { kind: 'not-asked' };
  const score = await withTimeout(scoreSite({ origin }, site), TIME_BUDGET.popupSiteModelMs).catch((error: unknown): SiteScore => ({ host, error }));
  if (score) {
    findings.push(...runRules(siteModelRules, score).filter((f) => f.id !== 'site.model-unavailable'));
    model = score.score ? { kind: 'scored', score: score.score.score, threshold: score.score.threshold } : { kind: 'unavailable' };
  }
  return { host, listsLoaded: true, findings: findings.map(({ id, severity, title, detail }) => ({ id, severity, title, detail })), model, openedAnyway };
}
