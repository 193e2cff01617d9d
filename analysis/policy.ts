// What the background does with a verdict, given the user's preferences. Pure, so it is tested
// directly: `block` always asks; trust and sensitivity can only quiet warn-level verdicts.
import type { Finding, Severity, Verdict } from './types';

export interface Preferences {
  /** The lowest severity that opens the confirm window. */
  sensitivity: Severity;
  /** The requesting site is on the user's trusted list. */
  trusted: boolean;
}

export type Handling = { ask: true } | { ask: false; because: 'safe' | 'trusted-site' | 'sensitivity' };

const RANK: Record<Severity, number> = { info: 0, warn: 1, danger: 2 };

function worst(findings: Finding[]): Severity {
  return findings.reduce<Severity>((w, f) => (RANK[f.severity] > RANK[w] ? f.severity : w), 'info');
}

export function handle(verdict: Verdict, prefs: Preferences): Handling {
  if (verdict.verdict === 'block') return { ask: true };
  if (verdict.verdict === 'warn') {
    if (prefs.trusted) return { ask: false, because: 'trusted-site' };
    return RANK[prefs.sensitivity] <= RANK.warn ? { ask: true } : { ask: false, because: 'sensitivity' };
  }
  // `allow`: only the strictest setting asks, and only when there is something to say.
  if (prefs.sensitivity === 'info' && verdict.findings.length > 0 && worst(verdict.findings) === 'info') return { ask: true };
  return { ask: false, because: 'safe' };
}
