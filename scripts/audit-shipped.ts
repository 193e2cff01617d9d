// Dependency audit of the code the extension ships: the production dependencies and what they pull
// in (dev tools never reach the user). Fails on a high or critical advisory. When npm's advisory
// service cannot be reached (offline CI, a proxy that only lets GET through), it says so plainly and
// does not pretend the dependencies were checked; `--strict` makes that a failure too.
import { spawnSync } from 'node:child_process';
import { readAuditReport, type AuditReport } from './audit-report';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
let report: AuditReport;
try {
  report = JSON.parse(run.stdout) as AuditReport;
} catch {
  report = { message: run.error?.message ?? `npm audit gave no report (exit ${run.status})` };
}
const outcome = readAuditReport(report);
if (!outcome.checked) {
  console.log(`audit: NOT CHECKED, the advisory service could not be reached (${outcome.why.slice(0, 160)}).`);
  process.exit(process.argv.includes('--strict') ? 1 : 0);
}
console.log(`audit: ${outcome.packages ?? '?'} shipped packages checked, ${outcome.lines.length} with advisories, ${outcome.failing} high or critical.`);
for (const line of outcome.lines) console.log(`  ${line}`);
process.exit(outcome.failing > 0 ? 1 : 0);
