// What the trainer measures, for any scorer (the new model and the one it replaces): on each benign
// population, how often the model alone flags a site and how often the site checks as a whole would open
// the window (model, look-alike and brand rules, lists); on never-seen phishing, how often each catches it.
import type { LookalikeHit } from '../../analysis/site/lookalike';
import type { DomainRow, Population, Split } from './dataset';

export interface SiteChecks {
  /** Look-alike and brand hits for a host (empty for allow-listed hosts), as the extension computes them. */
  lookalikes(host: string): LookalikeHit[];
  /** Is the host on a list as the extension would have had it (for phishing: lists as of the cut-off). */
  listed(host: string): boolean;
}

export interface Rate {
  n: number;
  flagged: number;
  rate: number;
  /** Wilson 95 % interval of the rate. */
  low: number;
  high: number;
}

export function rate(flags: readonly boolean[]): Rate {
  const n = flags.length;
  const flagged = flags.filter(Boolean).length;
  const p = n ? flagged / n : 0;
  const z = 1.96;
  const d = 1 + (z * z) / Math.max(n, 1);
  const centre = (p + (z * z) / (2 * Math.max(n, 1))) / d;
  const half = n ? (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d : 0;
  return { n, flagged, rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface Measure {
  /** Model alone at the threshold. */
  model: Rate;
  /** Anything that opens the window: model, look-alike (danger), brand in the name (warn), a list. */
  window: Rate;
  /** Look-alike and brand rules alone. */
  lookalike: Rate;
}

/** One model's figures: per population, on never-seen phishing, per month, on SEAL's hosts. */
export interface Evaluation {
  threshold: number;
  byPopulation: Record<string, Measure>;
  recall: { model: Rate; window: Rate };
  perMonth: Record<string, Rate>;
  /** SEAL's hosts on no shipped list, whole and by kind (see sealKind). */
  seal: Record<string, Measure>;
  auc: number;
}

/**
 * What a SEAL host on no shipped list is: a deployment on a hosting platform (mostly preview builds), a
 * brand word in the name (mostly defensive look-alike registrations), or anything else.
 */
export function sealKind(host: string, brandWords: readonly string[], platformOf: (h: string) => string | undefined): string {
  if (platformOf(host)) return 'on a hosting platform (preview deployments)';
  if (brandWords.some((b) => host.includes(b))) return 'a brand word in the name (defensive registrations)';
  return 'other';
}

export function measure(rows: readonly DomainRow[], scores: readonly number[], threshold: number, checks: SiteChecks): Measure {
  const look = rows.map((r) => checks.lookalikes(r.host).length > 0);
  return {
    model: rate(scores.map((s) => s >= threshold)),
    window: rate(rows.map((r, i) => scores[i]! >= threshold || look[i]! || checks.listed(r.host))),
    lookalike: rate(look),
  };
}

/** The smallest threshold at which at most `maxRate` of the rows would open the window (model included). */
export function windowThreshold(rows: readonly DomainRow[], scores: readonly number[], checks: SiteChecks, maxRate: number): number {
  const otherwise = rows.map((r) => checks.lookalikes(r.host).length > 0 || checks.listed(r.host));
  const base = otherwise.filter(Boolean).length;
  const budget = Math.floor(rows.length * maxRate) - base;
  // Rows not already opened by the rules, highest score first: the threshold sits just above the (budget+1)-th.
  const open = scores.filter((_, i) => !otherwise[i]).sort((a, b) => b - a);
  const edge = budget < 0 ? open[0] : open[budget];
  return edge === undefined ? 0.5 : Math.fround(Math.min(edge + 1e-7, 1));
}

export const select = (rows: readonly DomainRow[], population: Population, split?: Split) =>
  rows.flatMap((r, i) => (r.population === population && (split === undefined || r.split === split) ? [i] : []));
