// The domain model's say in the verdict: a `warn` with its reasons when a site no list knows looks like
// a phishing site. Never `danger`: a model alone does not block. Sites on a list or the allowlist are
// left to the rules (a listed site is blocked anyway; an allow-listed one is never flagged).
// Asking the model is a step of the pipeline (`scoreSite`); what its answer means is said by rules.
import type { Rule } from '../findings/rule';
import type { RequestOrigin } from '../types';
import { normalizeHost } from './hostname';
import { hostToUnicode } from './punycode';
import type { DomainScore, SiteRisk } from './site-risk';

/** The model's answer for the site that asks, or why there is none. */
export interface SiteScore {
  host: string;
  score?: DomainScore;
  /** Set (to whatever was thrown) when the model failed. */
  error?: unknown;
}

/** Undefined when the site is not the model's to judge (no model, a local host, a site a list knows). */
export async function scoreSite(origin: RequestOrigin, site: SiteRisk | undefined): Promise<SiteScore | undefined> {
  if (!site?.scoreDomain) return undefined;
  const host = normalizeHost(origin.origin ?? '');
  if (!host || host === 'localhost' || /^[\d.]+$|^\[/.test(host) || site.allowed(host) || site.listedDomain(host).length > 0) return undefined;
  try {
    return { host, score: await site.scoreDomain(host) };
  } catch (error) {
    return { host, error };
  }
}

export const siteModelRules: readonly Rule<SiteScore>[] = [
  {
    id: 'site.model',
    severity: 'warn',
    summary: 'The domain model says a site no list knows looks like a phishing site (its score and reasons); never blocks on its own.',
    check: ({ host, score }) => {
      if (!score || score.score < score.threshold) return [];
      const { threshold, reasons } = score;
      return [
        {
          title: `${hostToUnicode(host)} looks like a new phishing site`,
          detail: `No list knows this site yet, but its name looks like the phishing sites seen so far (score ${score.score.toFixed(2)}): ${reasons.join('; ') || 'several small signs together'}. Check that this is the site you meant to open.`,
          evidence: { host, score: score.score, threshold, reasons },
        },
      ];
    },
  },
  {
    id: 'site.model-unavailable',
    severity: 'info',
    summary: 'The domain model could not score the site; the other site checks still ran.',
    check: (ctx) => ('error' in ctx ? [{ title: 'The site could not be scored', detail: ctx.error instanceof Error ? ctx.error.message : String(ctx.error) }] : []),
  },
];
