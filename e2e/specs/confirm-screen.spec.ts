// The confirm window in five seconds: for each common warning, at 440 × 680, the verdict's sentence,
// what would move, the counterparty and both buttons show without scrolling, no two visible lines of
// findings say the same, and the popup and the history say the sentence the window said.
// The window is opened by the same fixture as the screenshots in docs/screenshots/ (npm run screenshots).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { ROOT } from '../fixtures/browser';
import { COMMON_WARNINGS } from '../fixtures/common-warnings';
import { countVisibleLines, type LineCount } from '../fixtures/visible-lines';
import { CONFIRM_WINDOW, expect, test, WARNING_OPTIONS } from '../fixtures/warning-window';

test.use(WARNING_OPTIONS);

const COUNTS = join(ROOT, 'e2e', '.artifacts', 'confirm-lines.json');

/** Kept across runs and workers, so a before/after comparison can read every warning's count. */
function record(name: string, count: LineCount): void {
  mkdirSync(dirname(COUNTS), { recursive: true });
  const counts = (existsSync(COUNTS) ? JSON.parse(readFileSync(COUNTS, 'utf8')) : {}) as Record<string, LineCount>;
  writeFileSync(COUNTS, `${JSON.stringify({ ...counts, [name]: count }, null, 2)}\n`);
}

/** The part of the window a person sees without scrolling, above the decision bar that stays at its foot. */
async function expectOneScreen(dialog: Page): Promise<void> {
  const bar = (await dialog.locator('footer.decision').boundingBox())!;
  const seen = async (testId: string) => {
    const box = await dialog.getByTestId(testId).boundingBox();
    expect(box, `${testId} is shown`).not.toBeNull();
    expect(box!.y, `${testId} starts in view`).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height, `${testId} ends above the decision bar`).toBeLessThanOrEqual(bar.y + 1);
  };
  await seen('summary');
  if ((await dialog.getByTestId('asset-changes').count()) > 0) await seen('asset-changes');
  if ((await dialog.getByTestId('counterparty').count()) > 0) await seen('counterparty');
  for (const name of ['Reject', 'Continue']) {
    const button = (await dialog.getByRole('button', { name, exact: true }).boundingBox())!;
    expect(button.y, `${name} is in view`).toBeGreaterThanOrEqual(0);
    expect(button.y + button.height, `${name} is in view`).toBeLessThanOrEqual(CONFIRM_WINDOW.height);
  }
  // No line said twice: the sentence and every visible finding title differ.
  const titles = [await dialog.getByTestId('summary').innerText(), ...(await dialog.getByTestId('finding-title').filter({ visible: true }).allInnerTexts())];
  expect(titles.length, titles.join(' | ')).toBe(new Set(titles).size);
}

/** The popup's recent decisions and the history's window read the sentence the window said. */
async function expectSameSentence(popup: Page, extensionId: string, nextWindow: () => Promise<Page>, summary: string): Promise<void> {
  const row = popup.getByTestId('recent').first();
  // The history is written as the decision is delivered: the popup reads it when it opens.
  await expect(async () => {
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(row).toContainText(summary, { timeout: 1_000 });
  }).toPass();
  const past = nextWindow();
  // The sentence itself opens the details.
  await row.getByRole('button', { name: summary }).click();
  const shown = await past;
  await expect(shown.getByTestId('summary')).toHaveText(summary);
  await expect(shown.getByTestId('past-outcome')).toContainText('Rejected');
}

for (const warning of COMMON_WARNINGS) {
  test(`${warning.name}: one screen`, async ({ openWarning, context, firewall }) => {
    const { dialog, reject } = await openWarning(warning);
    record(warning.name, await countVisibleLines(dialog));
    if (process.env.DUMP_WINDOW) console.log(`=== ${warning.name}\n${await dialog.locator('main').innerText()}`);
    await expectOneScreen(dialog);
    const summary = await dialog.getByTestId('summary').innerText();
    await reject();
    await expectSameSentence(await context.newPage(), firewall.extensionId, firewall.nextConfirmWindow, summary);
  });
}
