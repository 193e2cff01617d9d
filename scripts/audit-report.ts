// Reads the JSON report of `npm audit` (npm 7 and later) into what the audit step prints and decides.

const FAILING = new Set(['high', 'critical']);

export interface AuditReport {
  vulnerabilities?: Record<string, { severity: string; via: unknown[] }>;
  metadata?: { dependencies?: { prod?: number } };
  message?: string;
}

export type AuditOutcome =
  | { checked: false; why: string }
  | { checked: true; packages: number | undefined; lines: string[]; failing: number };

function describe(via: unknown[]): string {
  return via
    .map((v) => (typeof v === 'string' ? `through ${v}` : `${(v as { title?: string }).title ?? ''} ${(v as { url?: string }).url ?? ''}`.trim()))
    .join('; ');
}

/** A report without a vulnerabilities map is npm saying the advisory service did not answer. */
export function readAuditReport(report: AuditReport): AuditOutcome {
  if (!report.vulnerabilities) return { checked: false, why: report.message ?? 'no vulnerabilities map in the report' };
  const found = Object.entries(report.vulnerabilities);
  return {
    checked: true,
    packages: report.metadata?.dependencies?.prod,
    lines: found.map(([name, v]) => `${v.severity.padEnd(8)} ${name}: ${describe(v.via)}`),
    failing: found.filter(([, v]) => FAILING.has(v.severity)).length,
  };
}
