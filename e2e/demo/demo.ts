// `npm run demo`: the built firewall, the test wallet, anvil and the demo dapp. With a display it
// opens Chromium for you to click; without one it takes the scripted tour and saves screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { ROOT, launchBrowser } from '../fixtures/browser';
import { startEnvironment, type Environment } from './environment';

const SHOTS = join(ROOT, 'e2e', '.artifacts', 'demo');

async function firewallId(context: BrowserContext): Promise<string> {
  const worker =
    context.serviceWorkers().find((w) => w.url().endsWith('/background.js')) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().endsWith('/background.js') }));
  await worker.evaluate((url) => (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.storage.local.set({ rpcUrls: { '31337': url } }), env.anvil.url);
  return new URL(worker.url()).host;
}

async function click(page: Page, label: string): Promise<string> {
  await page.getByRole('button', { name: label }).click();
  await page.locator('#log[data-outcome]').waitFor();
  const text = (await page.locator('#log').textContent()) ?? '';
  await page.evaluate(() => delete document.getElementById('log')!.dataset.outcome);
  return text;
}

async function tour(context: BrowserContext, id: string, url: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const page = await context.newPage();
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto(url);
  console.log(`1. ${await click(page, 'Send 0.01 ETH to a friend')}`);
  console.log(`2. ${await click(page, 'Send 5 TST to a friend')}`);

  const nextWindow = context.waitForEvent('page', { predicate: (p) => p.url().startsWith(`chrome-extension://${id}/confirm.html`) });
  await page.getByRole('button', { name: 'Approve unlimited TST to a stranger' }).click();
  const dialog = await nextWindow;
  await dialog.getByTestId('verdict').waitFor();
  await dialog.screenshot({ path: join(SHOTS, 'warning-unlimited-approval.png'), fullPage: true });
  console.log(`3. The firewall's window opened: "${await dialog.getByTestId('verdict').textContent()}" — ${await dialog.getByTestId('summary').textContent()}`);
  await dialog.getByRole('button', { name: 'Reject' }).click({ noWaitAfter: true }).catch(() => {});
  await page.locator('#log[data-outcome]').waitFor();
  console.log(`   You pressed Reject. The dapp saw: ${await page.locator('#log').textContent()}`);
  await page.screenshot({ path: join(SHOTS, 'dapp-after-reject.png'), fullPage: true });
  console.log(`Screenshots: ${SHOTS}`);
}

const env: Environment = await startEnvironment();
const url = `${env.server.url}/?token=${env.contracts.token}`;
const headed = Boolean(process.env.DISPLAY) && process.env.CI !== 'true';
const context = await launchBrowser({ walletDir: env.walletDir, headless: !headed });
try {
  const id = await firewallId(context);
  if (headed) {
    const page = await context.newPage();
    await page.goto(url);
    console.log(`Demo running at ${url} — click the buttons; close the browser to stop.`);
    await new Promise((resolve) => context.on('close', resolve));
  } else {
    console.log('No display: taking the scripted tour.');
    await tour(context, id, url);
  }
} finally {
  await context.close().catch(() => {});
  await env.stop();
}
