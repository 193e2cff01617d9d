// Optional list updates (options page switch `listUpdates`). The public sources cannot be reached from the
// tests, so a tiny server on a free loopback port stands in for raw.githubusercontent.com (with its
// `Access-Control-Allow-Origin: *`), and the test-only storage key `listUpdateSourceUrls` points the
// firewall at it. The downloaded MetaMask config lists 127.0.0.1 (the test server's second origin),
// which no shipped list has.
import { createServer, type Server } from 'node:http';
import type { Page } from '@playwright/test';
import { expect, test, type Firewall } from '../fixtures/test';

interface ListServer {
  urls: Record<string, string>;
  requests: string[];
  stop(): Promise<void>;
}

const FILES: Record<string, unknown> = {
  '/config.json': { version: 2, tolerance: 2, fuzzylist: [], whitelist: ['real-dapp.example'], blacklist: ['127.0.0.1', 'real-dapp.example', 'https://not-a-host/'] },
  '/domains.json': ['only-in-the-update.example', 'not a host', 42],
};

async function startListServer(): Promise<ListServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const body = FILES[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/plain; charset=utf-8', 'access-control-allow-origin': '*' });
    res.end(body ? JSON.stringify(body) : 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    // Served from "localhost", so the host is not the listed 127.0.0.1 the downloads name.
    urls: { 'metamask-update': `http://localhost:${port}/config.json`, 'scamsniffer-update': `http://localhost:${port}/domains.json` },
    requests,
    // Chromium keeps connections open; closing them lets close() finish instead of waiting on them.
    stop: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

async function storedUpdate(firewall: Firewall): Promise<{ lists: { id: string; entries: number }[] } | undefined> {
  const worker = await firewall.serviceWorker();
  return worker.evaluate(async () => (await (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.storage.local.get('listUpdate')).listUpdate as never);
}

/** Navigates; the firewall may replace the navigation, which Playwright reports as aborted. */
async function open(page: Page, url: string): Promise<void> {
  await page.goto(url).catch((error: Error) => {
    if (!/ERR_ABORTED|interrupted|frame was detached/i.test(error.message)) throw error;
  });
}

let lists: ListServer;
test.beforeEach(async () => {
  lists = await startListServer();
});
test.afterEach(async () => {
  await lists.stop();
});

test.describe('list updates', () => {
  test('off (the default): nothing is downloaded, at worker start or when a site is opened', async ({ context, firewall, server }) => {
    await firewall.setStorage({ listUpdateSourceUrls: lists.urls });
    await firewall.stopServiceWorker();
    const page = await context.newPage();
    await open(page, `${server.otherOrigin}/dapp.html`);
    await page.waitForFunction(() => 'dapp' in window);
    await page.waitForTimeout(1500);
    expect(lists.requests).toEqual([]);
    expect(await storedUpdate(firewall)).toBeUndefined();
  });

  test('on: both lists are downloaded once, a host only they name gets the full-page warning; off deletes them', async ({ context, firewall, server }) => {
    await firewall.setStorage({ listUpdateSourceUrls: lists.urls, listUpdates: true });
    await expect.poll(() => storedUpdate(firewall).then((u) => u?.lists.map((l) => [l.id, l.entries]))).toEqual([
      ['metamask-update', 1], // 127.0.0.1; real-dapp.example is on the download's own whitelist
      ['scamsniffer-update', 1],
    ]);
    expect([...lists.requests].sort()).toEqual(['/config.json', '/domains.json']);

    const page = await context.newPage();
    await open(page, `${server.otherOrigin}/dapp.html`);
    await expect.poll(() => page.url()).toMatch(/\/blocked\.html\?/);
    await expect(page.getByTestId('host')).toHaveText('127.0.0.1');
    await expect(page.getByTestId('lists')).toHaveText("MetaMask's eth-phishing-detect list (daily update)");

    // At most once a day: a restarted worker and another judged navigation download nothing more.
    await firewall.stopServiceWorker();
    const again = await context.newPage();
    await open(again, `${server.otherOrigin}/dapp.html`);
    await expect.poll(() => again.url()).toMatch(/\/blocked\.html\?/);
    expect(lists.requests).toHaveLength(2);

    // Turning the switch off deletes the downloads; the site opens again.
    await firewall.setStorage({ listUpdates: false });
    await expect.poll(() => storedUpdate(firewall)).toBeUndefined();
    const after = await context.newPage();
    await open(after, `${server.otherOrigin}/dapp.html`);
    await after.waitForFunction(() => 'dapp' in window);
    expect(after.url()).toBe(`${server.otherOrigin}/dapp.html`);
  });
});
