import { describe, expect, it } from 'vitest';
import { readAuditReport } from './audit-report';

// The shape npm 7+ prints for `npm audit --json` (auditReportVersion 2).
const withAdvisories = {
  auditReportVersion: 2,
  vulnerabilities: {
    minimist: {
      name: 'minimist',
      severity: 'critical',
      via: [{ source: 1097677, name: 'minimist', title: 'Prototype Pollution in minimist', url: 'https://github.com/advisories/GHSA-xvch-5gv4-984h', severity: 'critical', range: '<0.2.4' }],
    },
    mkdirp: { name: 'mkdirp', severity: 'critical', via: ['minimist'] },
    'some-lib': { name: 'some-lib', severity: 'moderate', via: [{ title: 'ReDoS', url: 'https://example.org/a' }] },
  },
  metadata: { dependencies: { prod: 12 } },
};

describe('readAuditReport', () => {
  it('counts high and critical advisories as failing and names each package', () => {
    const outcome = readAuditReport(withAdvisories);
    expect(outcome).toMatchObject({ checked: true, packages: 12, failing: 2 });
    if (!outcome.checked) throw new Error('unreachable');
    expect(outcome.lines).toHaveLength(3);
    expect(outcome.lines[0]).toContain('Prototype Pollution in minimist');
    expect(outcome.lines[1]).toContain('through minimist');
  });

  it('a clean report passes', () => {
    expect(readAuditReport({ vulnerabilities: {}, metadata: { dependencies: { prod: 5 } } })).toMatchObject({ checked: true, failing: 0 });
  });

  it('an error answer is "not checked", never a pass', () => {
    const outcome = readAuditReport({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk' });
    expect(outcome).toEqual({ checked: false, why: expect.stringContaining('405') });
  });
});
