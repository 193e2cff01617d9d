// From findings to a verdict. Any danger blocks (the user can still continue from the confirm
// window), any warning warns, and only info lets the request through untouched.
import type { Finding, Severity, Verdict, VerdictKind } from './types';

const RANK: Record<Severity, number> = { info: 0, warn: 1, danger: 2 };
const KIND: Record<Severity, VerdictKind> = { info: 'allow', warn: 'warn', danger: 'block' };

/** Info findings that best say what an allowed request does, in order of preference. */
const DESCRIPTIVE = ['control.summary', 'approval.known-spender', 'approval.unknown-spender', 'approval.revoke', 'order.summary', 'eip7702.known-delegate', 'tx.transfer', 'tx.call', 'tx.contract-creation', 'siwe.login', 'message.text', 'typed.unrecognised', 'chain.add', 'chain.switch', 'batch.summary'];

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.map((f, i) => [f, i] as const).sort(([a, i], [b, j]) => RANK[b.severity] - RANK[a.severity] || i - j).map(([f]) => f);
}

export function makeVerdict(findings: Finding[], score: number | null = null): Verdict {
  const sorted = sortFindings(findings);
  const worst = sorted[0]?.severity ?? 'info';
  let summary: string;
  if (worst !== 'info') summary = sorted[0]!.title;
  else {
    const descriptive = DESCRIPTIVE.map((id) => sorted.find((f) => f.id === id)).find((f) => f !== undefined);
    summary = descriptive?.title ?? sorted[0]?.title ?? 'Nothing to report';
  }
  return { verdict: KIND[worst], score, summary, findings: sorted };
}
