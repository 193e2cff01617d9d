// From findings to a verdict, the one place that makes one. Any danger blocks (the user can still
// continue from the confirm window), any warning warns, and only info lets the request through untouched.
import type { Finding, Severity, Verdict, VerdictKind } from '../types';
import { groupFindings } from './group';
import { outcomeRules, simulationLate, unfinished } from './outcomes';
import { runRule } from './runner';

const RANK: Record<Severity, number> = { info: 0, warn: 1, danger: 2 };
const KIND: Record<Severity, VerdictKind> = { info: 'allow', warn: 'warn', danger: 'block' };
const HEADLINES = new Map(outcomeRules.flatMap((r) => (r.headline ? [[r.id, r.headline] as const] : [])));

export interface VerdictOptions {
  /** The model's score, when it ran. */
  score?: number | null;
  /** Info findings that best say what an allowed request does, in order of preference (the chain family's registry says which). */
  describing?: readonly string[];
  assetChanges?: Verdict['assetChanges'];
  counterparty?: Verdict['counterparty'];
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.map((f, i) => [f, i] as const).sort(([a, i], [b, j]) => RANK[b.severity] - RANK[a.severity] || i - j).map(([f]) => f);
}

export function makeVerdict(findings: Finding[], { score = null, describing = [], assetChanges, counterparty }: VerdictOptions = {}): Verdict {
  const sorted = sortFindings(groupFindings(findings));
  const worst = sorted[0]?.severity ?? 'info';
  let summary: string;
  if (worst !== 'info') summary = HEADLINES.get(sorted[0]!.id) ?? sorted[0]!.title;
  else {
    const descriptive = describing.map((id) => sorted.find((f) => f.id === id)).find((f) => f !== undefined);
    summary = descriptive?.title ?? sorted[0]?.title ?? 'Nothing to report';
  }
  return { verdict: KIND[worst], score, summary, findings: sorted, ...(assetChanges ? { assetChanges } : {}), ...(counterparty ? { counterparty } : {}) };
}

/** The verdict when the analysis could not finish at all (its deadline passed, it failed): at least `warn`, never a silent `allow`. */
export function unfinishedVerdict(reason: string): Verdict {
  return makeVerdict(runRule(unfinished, { reason }));
}

/** An `allow` whose simulation did not come in time: the user decides, told that what it moves is not known. */
export function lateSimulationVerdict(verdict: Verdict): Verdict {
  return makeVerdict([...runRule(simulationLate, {}), ...verdict.findings], { score: verdict.score, assetChanges: verdict.assetChanges, counterparty: verdict.counterparty });
}
