// The confirm window, popup and options page operated as a person would: by keyboard, with the
// second step for `block`, trust for one site only, and screenshots of what the user sees.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { A, nft, eth, permit2Batch, seaportOrder, typed, NOW_S } from '../../analysis/ethereum/fixtures/build';
import { freshAddress } from '../fixtures/addresses';
import { ROOT } from '../fixtures/browser';
import { decide } from '../fixtures/confirm-window';
import { expect, test } from '../fixtures/test';

const SHOTS = join(ROOT, 'e2e', '.artifacts', 'screenshots');
const sent = (log: { method: string }[]) => log.filter((e) => e.method === 'eth_sendTransaction');

async function shoot(dialog: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await dialog.getByTestId('verdict').waitFor();
  await dialog.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

test('a dangerous request is operated by keyboard alone: Reject has focus, Continue needs the second step', async ({ openDapp, firewall, contracts, server }) => {
  const page = await openDapp();
  const next = firewall.nextConfirmWindow();
  // Unlimited approval to a plain account nobody knows: a block-level verdict.
  const pending = page.evaluate(([t, s]) => window.dapp.approveUnlimited('viem', t, s), [contracts.token, freshAddress()] as const);
  const dialog = await next;
  await expect(dialog.getByTestId('verdict')).toHaveText('Dangerous: you could lose assets');
  await expect(dialog).toHaveTitle('Check this request — Transaction Firewall');
  const reject = dialog.getByRole('button', { name: 'Reject' });
  const cont = dialog.getByRole('button', { name: 'Continue' });
  await expect(reject).toBeFocused();
  await expect(cont).toBeDisabled();
  await expect(dialog.getByTestId('trust-site')).toHaveCount(0);
  await shoot(dialog, 'unlimited-approval-to-unknown-account');

  // Back to the checkbox, tick it with Space, then forward to Continue and press Enter.
  await dialog.keyboard.press('Shift+Tab');
  await expect(dialog.getByTestId('understand')).toBeFocused();
  await dialog.keyboard.press('Space');
  await expect(cont).toBeEnabled();
  await dialog.keyboard.press('Tab');
  await expect(reject).toBeFocused();
  await dialog.keyboard.press('Tab');
  await expect(cont).toBeFocused();
  // The window closes itself on the decision, which may race the key press's own bookkeeping.
  await dialog.keyboard.press('Enter').catch(() => {});
  expect((await pending).ok).toBe(true);
  expect(sent(server.walletLog)).toHaveLength(1);
});

test('Enter on the opened window rejects: the default is the safe choice', async ({ openDapp, firewall, contracts, server }) => {
  const page = await openDapp();
  const next = firewall.nextConfirmWindow();
  const pending = page.evaluate(([t, s]) => window.dapp.approveUnlimited('ethers', t, s), [contracts.token, freshAddress()] as const);
  const dialog = await next;
  await dialog.getByTestId('verdict').waitFor();
  await dialog.keyboard.press('Enter').catch(() => {});
  expect((await pending).rpcCode).toBe(4001);
  expect(sent(server.walletLog)).toHaveLength(0);
});

test('"trust this site" silences only that site\'s warn-level findings, never a block', async ({ context, openDapp, firewall, contracts, server }) => {
  // An unlimited approval to a contract that is not in the registry is a warning, not a block.
  const warnRequest = (p: Page) => p.evaluate(([t, s]) => window.dapp.approveUnlimited('viem', t, s), [contracts.token, contracts.token] as const);
  const page = await openDapp();
  let next = firewall.nextConfirmWindow();
  let pending = warnRequest(page);
  let dialog = await next;
  await expect(dialog.getByTestId('verdict')).toHaveText('Careful: check this before you continue');
  await shoot(dialog, 'warning-safe-but-flagged');
  await dialog.getByTestId('trust-site').check();
  await decide(dialog, 'Continue');
  expect((await pending).ok).toBe(true);

  // The same warning from the trusted site: straight through.
  const windows: Page[] = [];
  context.on('page', (p) => windows.push(p));
  expect((await warnRequest(page)).ok).toBe(true);
  expect(windows.filter((p) => p.url().includes('/confirm.html'))).toHaveLength(0);

  // The same warning from another site still asks.
  const other = await context.newPage();
  await other.goto(`${server.otherOrigin}/dapp.html`);
  await other.waitForFunction(() => 'dapp' in window);
  next = firewall.nextConfirmWindow();
  pending = warnRequest(other);
  dialog = await next;
  await expect(dialog.getByTestId('origin')).toHaveText(server.otherOrigin);
  await decide(dialog, 'Reject');
  expect((await pending).rpcCode).toBe(4001);

  // A block-level request from the trusted site still asks.
  next = firewall.nextConfirmWindow();
  pending = page.evaluate(([t, s]) => window.dapp.approveUnlimited('viem', t, s), [contracts.token, freshAddress()] as const);
  dialog = await next;
  await expect(dialog.getByTestId('verdict')).toHaveText('Dangerous: you could lose assets');
  await expect(dialog.getByTestId('trust-site')).toHaveCount(0);
  await decide(dialog, 'Reject');
  expect((await pending).rpcCode).toBe(4001);
  expect(sent(server.walletLog)).toHaveLength(2);
});

test('signatures that drain: a Permit2 batch and a zero-price listing are held, shown and rejected', async ({ openDapp, firewall, server }) => {
  const page = await openDapp();
  const cases = [
    { name: 'permit2-batch', request: typed(permit2Batch([A.usdc, A.usdt, A.dai], A.attacker, NOW_S + 10 * 365 * 86400, NOW_S + 10 * 365 * 86400)) },
    { name: 'zero-price-listing', request: typed(seaportOrder(A.user, [nft(A.bayc, 1234n)], [eth(1n), nft(A.bayc, 1234n, A.attacker)])) },
  ];
  for (const { name, request } of cases) {
    const next = firewall.nextConfirmWindow();
    const pending = page.evaluate(([m, p]) => window.dapp.request('viem', m, p), [request.method, request.params] as const);
    const dialog = await next;
    await expect(dialog.getByTestId('verdict')).toHaveText('Dangerous: you could lose assets');
    await expect(dialog.getByTestId('method')).toHaveText('eth_signTypedData_v4');
    await shoot(dialog, name);
    await decide(dialog, 'Reject');
    expect((await pending).rpcCode).toBe(4001);
  }
  expect(server.walletLog.filter((e) => e.method.startsWith('eth_signTypedData'))).toHaveLength(0);
});

test('the window reads at 200 % zoom and in the dark theme', async ({ openDapp, firewall, contracts }) => {
  const page = await openDapp();
  const next = firewall.nextConfirmWindow();
  const pending = page.evaluate(([t, s]) => window.dapp.approveUnlimited('viem', t, s), [contracts.token, freshAddress()] as const);
  const dialog = await next;
  await dialog.emulateMedia({ colorScheme: 'dark' });
  await shoot(dialog, 'dark-theme');
  await dialog.setViewportSize({ width: 220, height: 340 }); // a 440 x 680 window at 200 %
  await shoot(dialog, 'zoom-200');
  // Nothing is cut off sideways: the page reflows instead of scrolling horizontally.
  expect(await dialog.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  await decide(dialog, 'Reject');
  expect((await pending).rpcCode).toBe(4001);
});

test('the popup counts what happened, turns protection off and on, and links to the details', async ({ context, openDapp, firewall, contracts, server }) => {
  const page = await openDapp();
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${firewall.extensionId}/popup.html`);
  const count = (k: string) => popup.locator(`[data-count="${k}"]`);
  await expect(count('checked')).toHaveText('0');

  const next = firewall.nextConfirmWindow();
  const pending = page.evaluate(([t, s]) => window.dapp.approveUnlimited('viem', t, s), [contracts.token, freshAddress()] as const);
  await decide(await next, 'Reject');
  expect((await pending).rpcCode).toBe(4001);
  await expect(count('checked')).toHaveText('1');
  await expect(count('blocked')).toHaveText('1');
  await expect(count('rejected')).toHaveText('1');

  // Details of the past decision open in a tab.
  const details = context.waitForEvent('page', { predicate: (p) => p.url().includes('confirm.html?history=') });
  await popup.getByTestId('recent').first().getByRole('button').click();
  const detailPage = await details;
  await expect(detailPage.getByTestId('past-outcome')).toContainText('Rejected');

  // Protection off: the same request goes straight to the wallet.
  await popup.getByTestId('protection').uncheck();
  expect((await page.evaluate(([t, s]) => window.dapp.approveUnlimited('viem', t, s), [contracts.token, freshAddress()] as const)).ok).toBe(true);
  expect(sent(server.walletLog)).toHaveLength(1);
  await popup.getByTestId('protection').check();
  await expect(count('checked')).toHaveText('1');
});

test('the options page checks an RPC by asking its chain id, and refuses a malformed settings file', async ({ context, firewall, anvil }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${firewall.extensionId}/options.html`);
  const row = options.locator('li[data-chain="31337"]');
  await row.getByText('Choose a node (advanced)').click();
  await row.getByRole('textbox').fill(anvil.url);
  await row.getByRole('button', { name: 'Check and save' }).click();
  await expect(row.getByRole('status')).toHaveText('The node answered for Anvil. Saved.');
  const chain1 = options.locator('li[data-chain="1"]');
  await chain1.getByText('Choose a node (advanced)').click();
  await chain1.getByRole('textbox').fill(anvil.url);
  await chain1.getByRole('button', { name: 'Check and save' }).click();
  await expect(chain1.getByRole('status')).toHaveText('This node serves Anvil (chain id 31337), not Ethereum. Not saved.');

  await options.getByTestId('import').setInputFiles({ name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from('{"version":1,"protection":"yes"}') });
  await expect(options.getByTestId('status')).toContainText('Not imported');
});

test('a request from a known phishing site is shown with the site warning first', async ({ context, firewall, server }) => {
  // A test origin cannot be on the shipped lists; the user's own blocked sites are merged like a list.
  await firewall.setStorage({ userBlockedSites: ['127.0.0.1'] });
  const page = await context.newPage();
  const listed = `${server.otherOrigin}/dapp.html`;
  await page.goto(listed).catch(() => {});
  await expect.poll(() => page.url()).toMatch(/\/blocked\.html\?/);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'known-phishing-site-page.png'), fullPage: true });
  await page.getByRole('button', { name: 'Continue anyway' }).click();
  await expect.poll(() => page.url()).toBe(listed);
  await page.waitForFunction(() => 'dapp' in window);
  const next = firewall.nextConfirmWindow();
  const pending = page.evaluate(() => window.dapp.request('viem', 'personal_sign', ['0x68656c6c6f', '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266']));
  const dialog = await next;
  await expect(dialog.getByTestId('verdict')).toHaveText('Dangerous: you could lose assets');
  await expect(dialog.getByTestId('site-warning').first()).toBeVisible();
  await shoot(dialog, 'known-phishing-site');
  await decide(dialog, 'Reject');
  expect((await pending).rpcCode).toBe(4001);
});
