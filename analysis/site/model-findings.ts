// The domain model's say in the verdict: a `warn` with its reasons when a site no list knows looks like
// a phishing site. Never `danger`: a model alone does not block. Sites on a list or the allowlist are
// left to the rules (a listed site is blocked anyway; an allow-listed one is never flagged).
import type { Finding, RequestOrigin } from '../types';
import { normalizeHost } from './hostname';
import { hostToUnicode } from './punycode';
import type { SiteRisk } from './site-risk';

export async function domainModelFindings(origin: RequestOrigin, site: SiteRisk | undefined): Promise<Finding[]> {
  if (!site?.scoreDomain) return [];
  const host = normalizeHost(origin.origin ?? '');
  if (!host || host === 'localhost' || /^[\d.]+$|^\[/.test(host) || site.allowed(host) || site.listedDomain(host).length > 0) return [];
  try {
    const { score, threshold, reasons } = await site.scoreDomain(host);
    if (score < threshold) return [];
    return [
      {
        id: 'site.model',
        severity: 'warn',
        title: `${hostToUnicode(host)} looks like a new phishing site`,
        detail: `No list knows this site yet, but its name looks like the phishing sites seen so far (score ${score.toFixed(2)}): ${reasons.join('; ') || 'several small signs together'}. Check that this is the site you meant to open.`,
        evidence: { host, score, threshold, reasons },
      },
    ];
  } catch (error) {
    return [{ id: 'site.model-unavailable', severity: 'info', title: 'The site could not be scored', detail: error instanceof Error ? error.message : String(error) }];
  }
}
