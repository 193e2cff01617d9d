// Families of code, for weighting and for the report's per-family figures. A family is what the row
// is (a Ponzi, a rug-pull token, a deployed DApp…), not where it came from; synthetic rows form their
// own families and are reported apart.
import { isContractRow, type DataRow } from './dataset.ts';

/** The family a row is counted under: `rugpull`, `dapp`, …; `synthetic drainer`, `synthetic request` for made-up rows. */
export function familyOf(r: DataRow): string {
  if (r.synthetic) return isContractRow(r) || r.family ? `synthetic ${r.family ?? (r.label ? 'malicious' : 'benign')}` : `synthetic request (${r.label ? 'malicious' : 'benign'})`;
  return r.family ?? (r.label ? 'malicious, unnamed' : 'benign, unnamed');
}

/** What each real family is, in the report's words. */
export const FAMILY_WORDS: Record<string, string> = {
  exploit: 'attacker contracts of real exploits (BlockWatchdog)',
  ponzi: 'Ponzi schemes (SADPonzi, from the Bartoletti et al. ground truth)',
  rugpull: 'rug-pull tokens with a hand-labelled owner power: hidden mint, sell limit or token leak (CRPWarner)',
  honeypot: 'honeypots, hand-confirmed (HoneyBadger), compiled here from their verified source',
  protocol: 'compiled artifacts that protocol packages ship on npm',
  dapp: 'deployed DApp contracts (SADPonzi\'s non-Ponzi class)',
  token: 'deployed tokens with an Etherscan name tag (CRPWarner\'s large set; a weak benign label)',
  compiled: 'ordinary public sources compiled here with several compilers',
  'hard-negative': 'contracts a detector flagged and the authors cleared by hand (CRPWarner, HoneyBadger)',
};

/**
 * Row weights: every family weighs the same in total (synthetic ones half as much), and the two labels
 * weigh the same, so 34 exploit contracts count as much as a thousand DApps and generated rows cannot
 * outvote real ones.
 */
export function familyWeights(rows: readonly DataRow[]): Float64Array {
  const count = new Map<string, number>();
  for (const r of rows) count.set(familyOf(r), (count.get(familyOf(r)) ?? 0) + 1);
  const familyShare = (r: DataRow) => (r.synthetic ? 0.5 : 1) / count.get(familyOf(r))!;
  const total = [0, 0];
  for (const r of rows) total[r.label]! += familyShare(r);
  return Float64Array.from(rows, (r) => (familyShare(r) * rows.length) / (2 * Math.max(total[r.label]!, 1e-12)));
}

export interface Distribution {
  n: number;
  median: number;
  p90: number;
  max: number;
  /** Share at or above the threshold. */
  flagged: number;
  /** Share at or above the softer operating point. */
  elevated: number;
}

export function distribution(scores: readonly number[], threshold: number, warnThreshold: number): Distribution {
  const s = [...scores].sort((a, b) => a - b);
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : NaN);
  return {
    n: s.length,
    median: at(0.5),
    p90: at(0.9),
    max: s.length ? s[s.length - 1]! : NaN,
    flagged: s.length ? s.filter((x) => x >= threshold).length / s.length : NaN,
    elevated: s.length ? s.filter((x) => x >= warnThreshold).length / s.length : NaN,
  };
}
