// The full-page warning for listed phishing sites, and the block on signing requests from them.
// A test origin cannot be on the shipped lists, so the tests put 127.0.0.1 on the user's own blocked
// sites (storage key `userBlockedSites`), which the background merges into the lists like any user entry.
import type { Page } from '@playwright/test';
import { decide } from '../fixtures/confirm-window';
import { expect, test, type Firewall } from '../fixtures/test';

async function blockSite(firewall: Firewall, host: string): Promise<void> {
  const worker = await firewall.serviceWorker();
  await worker.evaluate((h) => (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.storage.local.set({ userBlockedSites: [h] }), host);
}

/** Where the tab is now; polled, because the firewall replaces a navigation (which aborts Playwright's waits). */
const urlOf = (page: Page) => expect.poll(() => page.url(), { timeout: 10_000 });

/** Navigates; the firewall may replace the navigation, which Playwright reports as aborted. */
async function open(page: Page, url: string): Promise<void> {
  await page.goto(url).catch((error: Error) => {
    if (!/ERR_ABORTED|interrupted|frame was detached/i.test(error.message)) throw error;
  });
}

test.describe('site risk', () => {
  test('a listed site is replaced by the warning before it loads; "Go back" is the default and goes back', async ({ openDapp, firewall, server }) => {
    await blockSite(firewall, '127.0.0.1');
    const page = await openDapp();
    const listed = `${server.otherOrigin}/dapp.html`;
    await open(page, listed);
    await urlOf(page).toMatch(/\/blocked\.html\?/);
    expect(new URL(page.url()).host).toBe(firewall.extensionId);
    await expect(page.getByTestId('host')).toHaveText('127.0.0.1');
    await expect(page.getByTestId('lists')).toHaveText('your own blocked sites');
    await expect(page.getByRole('button', { name: 'Go back' })).toBeFocused();
    // Its words are the messages (public/_locales/en/messages.json), the list names in bold inside the sentence.
    await expect(page).toHaveTitle('Phishing site blocked — Transaction Firewall');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This is a known phishing site');
    await expect(page.getByTestId('on-lists')).toHaveText(
      'It is on your own blocked sites. Sites like this copy a real dapp to get one signature from you that hands over your tokens and NFTs. Nothing was loaded from it.',
    );
    await expect(page.getByRole('button', { name: 'Continue anyway' })).toBeVisible();
    // The listed page never ran: the warning replaced the navigation.
    expect(await page.evaluate(() => 'dapp' in window)).toBe(false);
    await page.keyboard.press('Enter');
    await urlOf(page).toBe(`${server.url}/dapp.html`);
  });

  test('"Continue anyway" opens the site, is remembered for it, and its signing requests are still blocked', async ({ context, openDapp, firewall, server }) => {
    await blockSite(firewall, '127.0.0.1');
    const page = await openDapp();
    const listed = `${server.otherOrigin}/dapp.html`;
    await open(page, listed);
    await urlOf(page).toMatch(/\/blocked\.html\?/);
    await page.getByRole('button', { name: 'Continue anyway' }).click();
    await urlOf(page).toBe(listed);
    await page.waitForFunction(() => 'dapp' in window);

    // Remembered: a second visit in a new tab goes straight to the site.
    const again = await context.newPage();
    await open(again, listed);
    await again.waitForFunction(() => 'dapp' in window);
    expect(again.url()).toBe(listed);

    // Still a listed site for the analysis: a signature request is blocked, naming the list.
    const confirm = firewall.nextConfirmWindow();
    const pending = again.evaluate(() => window.dapp.request('viem', 'personal_sign', ['0x68656c6c6f', '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266']));
    const dialog = await confirm;
    await expect(dialog.getByText('127.0.0.1 is a known phishing site').first()).toBeVisible();
    await expect(dialog.getByText('This site is on your own blocked sites').first()).toBeVisible();
    await decide(dialog, 'Reject');
    const outcome = await pending;
    expect(outcome.ok).toBe(false);
    expect(outcome.rpcCode).toBe(4001);
  });

  test('an unlisted site opens with no warning', async ({ context, firewall, server }) => {
    await blockSite(firewall, 'phishing.invalid');
    const page = await context.newPage();
    await open(page, `${server.otherOrigin}/dapp.html`);
    await page.waitForFunction(() => 'dapp' in window);
    expect(page.url()).toBe(`${server.otherOrigin}/dapp.html`);
  });
});
