// The popup and the settings page as a new user meets them: the popup answers "is this site known to
// be bad, and is protection on here?" first, and the settings page names every chain, with the node
// automatic unless the user chooses one (checked against the e2e anvil before it is saved).
import { freshAddress } from '../fixtures/addresses';
import { KNOWN_DAPP_HOST } from '../fixtures/browser';
import { decide } from '../fixtures/confirm-window';
import { openPopup } from '../fixtures/popup';
import type { Firewall } from '../fixtures/test';
import { expect, test } from '../fixtures/test';

const sent = (log: { method: string }[]) => log.filter((e) => e.method === 'eth_sendTransaction');

async function stored(firewall: Firewall, key: string): Promise<unknown> {
  const worker = await firewall.serviceWorker();
  return worker.evaluate(async (k) => (await (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.storage.local.get(k))[k], key);
}

test.describe('the popup', () => {
  test('on an ordinary page: nothing known, protection on, and the two switches work', async ({ context, openDapp, firewall, contracts, server }) => {
    const page = await openDapp();
    await page.bringToFront();
    const popup = await openPopup(context, firewall);
    await expect(popup.getByRole('heading', { level: 2, name: /localhost/ })).toBeVisible();
    await expect(popup.getByTestId('site-verdict')).toHaveText(/^Nothing is known against this site/);
    await expect(popup.getByTestId('site-verdict')).toHaveAttribute('data-tone', 'unknown');
    await expect(popup.getByTestId('site-state')).toHaveText(/^Protection is on here/);
    const siteSwitch = popup.getByRole('switch', { name: 'Protect this site' });
    const allSwitch = popup.getByRole('switch', { name: 'Protect every site' });
    await expect(siteSwitch).toBeChecked();
    await expect(allSwitch).toBeChecked();

    // This site off: its dangerous request goes to the wallet unchecked.
    await siteSwitch.uncheck();
    await expect(popup.getByTestId('site-state')).toHaveText(/^Protection is paused on this site/);
    await expect.poll(() => stored(firewall, 'pausedSites')).toEqual([server.url]);
    expect((await page.evaluate(([t, s]) => window.dapp.approveUnlimited('viem', t, s), [contracts.token, freshAddress()] as const)).ok).toBe(true);
    expect(sent(server.walletLog)).toHaveLength(1);
    // The decision it passed on reads as a sentence among the recent ones.
    await expect(popup.getByTestId('recent').first()).toContainText('Not checked: protection is off for this site.');

    // Back on for the site; then off everywhere: the site's switch cannot be used, and the page says so.
    await siteSwitch.check();
    await expect.poll(() => stored(firewall, 'pausedSites')).toEqual([]);
    await expect(popup.getByTestId('site-state')).toHaveText(/^Protection is on here/);
    await allSwitch.uncheck();
    await expect(popup.getByTestId('site-state')).toHaveText(/^Protection is off everywhere/);
    await expect(siteSwitch).toBeDisabled();
    await expect.poll(() => stored(firewall, 'protection')).toBe(false);
    await allSwitch.check();
    await expect.poll(() => stored(firewall, 'protection')).toBe(true);

    // With protection on again, the same request is held: the firewall asks.
    const next = firewall.nextConfirmWindow();
    const pending = page.evaluate(([t, s]) => window.dapp.approveUnlimited('viem', t, s), [contracts.token, freshAddress()] as const);
    await decide(await next, 'Reject');
    expect((await pending).rpcCode).toBe(4001);
    expect(sent(server.walletLog)).toHaveLength(1);
  });

  test('on a known dapp: it says so, by the allowlist the window uses', async ({ context, firewall, server }) => {
    const page = await context.newPage();
    await page.goto(`http://${KNOWN_DAPP_HOST}:${new URL(server.url).port}/dapp.html`);
    await page.bringToFront();
    const popup = await openPopup(context, firewall);
    await expect(popup.getByTestId('site-verdict')).toHaveText(`${KNOWN_DAPP_HOST} is a known dapp`);
    await expect(popup.getByTestId('site-state')).toHaveText(/^Protection is on here/);
  });

  test('on a listed site: it says the site is listed, in the window\'s words, and that protection is on', async ({ context, firewall, server }) => {
    const page = await context.newPage();
    await page.goto(`${server.otherOrigin}/dapp.html`);
    await page.waitForFunction(() => 'dapp' in window);
    // A test origin cannot be on the shipped lists; the user's own blocked sites are merged like a list.
    await firewall.setStorage({ userBlockedSites: ['127.0.0.1'], trustedSites: [server.otherOrigin] });
    await page.bringToFront();
    const popup = await openPopup(context, firewall);
    await expect(popup.getByTestId('site-verdict')).toHaveText('127.0.0.1 is a known phishing site');
    await expect(popup.getByTestId('site-verdict')).toHaveAttribute('data-tone', 'danger');
    await expect(popup.getByTestId('site-state')).toHaveText(/^Protection is on here/);
    // Trusted, and the trust can be taken back from here.
    await expect(popup.getByTestId('site-trusted')).toContainText('You trust this site');
    await popup.getByRole('button', { name: 'Stop trusting 127.0.0.1' }).click();
    await expect(popup.getByTestId('site-trusted')).toHaveCount(0);
    await expect.poll(() => stored(firewall, 'trustedSites')).toEqual([]);
    await popup.close();

    // Opened again, the site is stopped by the full-page warning; the popup on that tab names the site behind it.
    await page.goto(`${server.otherOrigin}/dapp.html?again`).catch(() => {});
    await expect(page.getByRole('button', { name: 'Continue anyway' })).toBeVisible();
    const onWarning = await openPopup(context, firewall);
    await expect(onWarning.getByTestId('site')).toContainText('The firewall stopped this page before it loaded.');
    await expect(onWarning.getByTestId('site-verdict')).toHaveText('127.0.0.1 is a known phishing site');
  });
});

test.describe('the settings page', () => {
  test.use({ firewallRpc: 'none' });

  test('names every chain, reads them automatically, and checks a chosen node before saving it', async ({ context, firewall, anvil }) => {
    const options = await context.newPage();
    const traffic: string[] = [];
    options.on('request', (r) => void (r.url().startsWith('chrome-extension://') || traffic.push(r.url())));
    await options.goto(`chrome-extension://${firewall.extensionId}/options.html`);
    await expect(options).toHaveTitle('Transaction Firewall settings');
    await expect(options.locator('html')).toHaveAttribute('lang', 'en');
    // The manifest names the extension by message (__MSG_extName__): the browser shows it resolved.
    const self = await options.evaluate(() => (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.management.getSelf());
    expect(self.name).toBe('Transaction Firewall');
    expect(self.description).toBe('Reads every wallet signing request before your wallet does, explains it in plain words and warns before you sign.');
    const names = await options.getByTestId('chain-name').allInnerTexts();
    expect(names).toEqual(['Ethereum', 'OP Mainnet', 'BNB Smart Chain', 'Polygon', 'Base', 'Arbitrum One', 'Anvil', 'Sepolia']);
    // Never a bare chain id for a known chain, anywhere on the page as it first shows.
    const text = await options.locator('main').innerText();
    for (const id of ['10', '56', '137', '8453', '42161', '31337', '11155111']) expect(text).not.toMatch(new RegExp(`\\b${id}\\b`));
    for (const node of await options.getByTestId('chain-node').allInnerTexts()) expect(node).toMatch(/^Automatic/);
    // No endpoint to fill in unless the user asks for one.
    await expect(options.getByRole('textbox', { name: /Node address/ }).first()).toBeHidden();

    // Choosing a node: checked against the node (eth_chainId), saved only when it serves that chain.
    const anvilRow = options.locator('li[data-chain="31337"]');
    await anvilRow.getByText('Choose a node (advanced)').click();
    await anvilRow.getByRole('textbox', { name: 'Node address (URL) for Anvil' }).fill(anvil.url);
    await anvilRow.getByRole('button', { name: 'Check and save' }).click();
    await expect(anvilRow.getByRole('status')).toHaveText('The node answered for Anvil. Saved.');
    await expect(anvilRow.getByTestId('chain-node')).toHaveText(`Your node: ${anvil.url}`);
    await expect.poll(() => stored(firewall, 'rpcUrls')).toEqual({ '31337': anvil.url });

    const polygon = options.locator('li[data-chain="137"]');
    await polygon.getByText('Choose a node (advanced)').click();
    await polygon.getByRole('textbox', { name: 'Node address (URL) for Polygon' }).fill(anvil.url);
    await polygon.getByRole('button', { name: 'Check and save' }).click();
    await expect(polygon.getByRole('status')).toHaveText('This node serves Anvil (chain id 31337), not Polygon. Not saved.');
    await expect(polygon.getByTestId('chain-node')).toHaveText(/^Automatic/);
    expect(await stored(firewall, 'rpcUrls')).toEqual({ '31337': anvil.url });

    // Back to automatic.
    await anvilRow.getByRole('button', { name: 'Use automatic' }).click();
    await expect(anvilRow.getByTestId('chain-node')).toHaveText(/^Automatic/);
    await expect.poll(() => stored(firewall, 'rpcUrls')).toEqual({});

    // Another chain, by name.
    await options.getByText('Another chain (advanced)').click();
    await options.getByRole('combobox', { name: 'Chain' }).selectOption({ label: 'Avalanche' });
    await expect(options.locator('li[data-chain="43114"]').getByTestId('chain-name')).toHaveText('Avalanche');

    // The only traffic the page made was the user's own check, to the node the user named.
    expect(traffic.length).toBeGreaterThan(0);
    for (const url of traffic) expect(url.startsWith(anvil.url)).toBe(true);
  });

  test('lists trusted and paused sites, each with its remove button', async ({ context, firewall }) => {
    await firewall.setStorage({ trustedSites: ['https://app.uniswap.org'], pausedSites: ['https://example.org'] });
    const options = await context.newPage();
    await options.goto(`chrome-extension://${firewall.extensionId}/options.html`);
    await options.getByRole('button', { name: 'Remove https://app.uniswap.org from the trusted sites' }).click();
    await expect(options.getByTestId('trusted-sites')).toContainText('No trusted sites.');
    await options.getByRole('button', { name: 'Resume protection on https://example.org' }).click();
    await expect(options.getByTestId('paused-sites')).toContainText('None.');
    await expect.poll(() => stored(firewall, 'trustedSites')).toEqual([]);
    expect(await stored(firewall, 'pausedSites')).toEqual([]);
  });
});
