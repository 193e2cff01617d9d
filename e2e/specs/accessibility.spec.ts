// Every page of the extension as a screen reader and a keyboard meet it: axe-core (WCAG 2.1 A and AA:
// names, roles, labels, contrast, landmarks) finds nothing on the confirm window of the common warnings,
// the popup, the settings page and the full-page warning, in the light and the dark theme.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { COMMON_WARNINGS } from '../fixtures/common-warnings';
import { openPopup } from '../fixtures/popup';
import { expect, test, WARNING_OPTIONS } from '../fixtures/warning-window';

test.use(WARNING_OPTIONS);

async function expectAccessible(page: Page, what: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const found = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    expect(found, `${what}, ${colorScheme}`).toEqual([]);
  }
}

for (const name of ['permit2-batch', 'could-not-check', 'phishing-site']) {
  test(`the confirm window: ${name}`, async ({ openWarning }) => {
    const { dialog, reject } = await openWarning(COMMON_WARNINGS.find((w) => w.name === name)!);
    await expectAccessible(dialog, name);
    await reject();
  });
}

test('the popup, the settings page and the full-page warning', async ({ context, firewall, openDapp, server }) => {
  const page = await openDapp();
  await page.bringToFront();
  await expectAccessible(await openPopup(context, firewall), 'popup');
  const options = await context.newPage();
  await options.goto(`chrome-extension://${firewall.extensionId}/options.html`);
  await options.getByRole('heading', { level: 1 }).waitFor();
  await expectAccessible(options, 'settings');
  await firewall.setStorage({ userBlockedSites: ['127.0.0.1'] });
  const blocked = await context.newPage();
  await blocked.goto(`${server.otherOrigin}/dapp.html`).catch(() => {});
  await blocked.getByRole('button', { name: 'Continue anyway' }).waitFor();
  await expectAccessible(blocked, 'full-page warning');
});
