// The one runner for every family of rules: a rule switched off is skipped, a rule's hits become
// findings under its id and severity, clipped and capped so that a hostile request cannot make a
// verdict of tens of MB, and a check that throws becomes `internal.error` rather than a crash.
import type { Finding } from '../types';
import { internalError, type StepFailure } from './outcomes';
import type { Rule, RuleHit } from './rule';

/** A batch of 256 multicalls holds up to 32 768 calls: one finding each would make a verdict of tens of MB. */
export const MAX_HITS_PER_RULE = 20;

export function runRules<C>(rules: readonly Rule<C>[], ctx: C, disabled: ReadonlySet<string> = new Set()): Finding[] {
  return rules.filter((rule) => !disabled.has(rule.id)).flatMap((rule) => runRule(rule, ctx));
}

export function runRule<C>(rule: Rule<C>, ctx: C): Finding[] {
  try {
    return findingsOf(rule, rule.check(ctx));
  } catch (error) {
    return stepFailed({ what: `the check "${rule.id}" failed`, error, rule: rule.id });
  }
}

/** The finding of a step that failed outside any rule's check (decoding, the on-chain reads, the whole analysis). */
export function stepFailed(failure: StepFailure): Finding[] {
  return findingsOf(internalError, internalError.check(failure));
}

function findingsOf(rule: Rule<never>, hits: RuleHit[]): Finding[] {
  const findings: Finding[] = hits.slice(0, MAX_HITS_PER_RULE).map((hit) => ({
    id: rule.id,
    severity: rule.severity,
    title: clip(hit.title, 300),
    detail: clip(hit.detail, 2_000),
    ...(hit.evidence ? { evidence: clipStrings(hit.evidence, 0) as Record<string, unknown> } : {}),
  }));
  // The same rule, so the same severity: the verdict is unchanged, only the list is shorter.
  const more = hits.length - findings.length;
  if (more > 0) findings.push({ id: rule.id, severity: rule.severity, title: `…and ${more} more like this`, detail: 'The request repeats this finding too often to list each one.', evidence: { omitted: more } });
  return findings;
}

/** Findings quote the page (chain names, methods, primary types): a megabyte name must not make a megabyte verdict. */
function clip(text: string, max: number): string {
  return typeof text === 'string' && text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function clipStrings(value: unknown, level: number): unknown {
  if (typeof value === 'string') return clip(value, 4_096);
  if (typeof value !== 'object' || value === null || level > 8) return value;
  if (Array.isArray(value)) return value.map((v) => clipStrings(v, level + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clipStrings(v, level + 1)]));
}
