// The guard reaches every provider the page can: in frames, when the wallet injects late, when the
// provider is frozen, through EIP-6963 — and on the pass-through path the dapp cannot tell it is there.
import type { Page } from '@playwright/test';
import { freshAddress } from '../fixtures/addresses';
import { launchBrowser } from '../fixtures/browser';
import { decide } from '../fixtures/confirm-window';
import { expect, test } from '../fixtures/test';
import type { Client } from '../dapp/src/dapp';

async function expectWarnedThenReject(
  target: Pick<Page, 'evaluate'>,
  client: Client,
  token: `0x${string}`,
  nextWindow: Promise<Page>,
): Promise<Page> {
  const pending = target.evaluate(([c, t, s]) => window.dapp.approveUnlimited(c, t, s), [client, token, freshAddress()] as const);
  const dialog = await nextWindow;
  await decide(dialog, 'Reject');
  expect((await pending).rpcCode).toBe(4001);
  return dialog;
}

test('a request from a cross-origin iframe is held, and the window names the top site and the frame', async ({ context, server, firewall, contracts }) => {
  const page = await context.newPage();
  const src = `${server.otherOrigin}/dapp.html`;
  await page.goto(`${server.url}/frame.html?src=${encodeURIComponent(src)}`);
  const frame = await expect.poll(() => page.frames().find((f) => f.url() === src)).toBeTruthy().then(() => page.frames().find((f) => f.url() === src)!);
  await frame.waitForFunction(() => 'dapp' in window);
  const confirm = firewall.nextConfirmWindow();
  const pending = frame.evaluate(([t, s]) => window.dapp.approveUnlimited('viem', t, s), [contracts.token, freshAddress()] as const);
  const dialog = await confirm;
  await expect(dialog.getByTestId('origin')).toHaveText(server.url);
  await expect(dialog.getByTestId('frame')).toHaveText(src);
  await decide(dialog, 'Reject');
  expect((await pending).rpcCode).toBe(4001);
  expect(server.walletLog.filter((e) => e.method === 'eth_sendTransaction')).toHaveLength(0);
});

test('a request from an about:srcdoc frame is held', async ({ context, server, firewall, contracts }) => {
  const page = await context.newPage();
  await page.goto(`${server.url}/frame.html?srcdoc=1`);
  const frame = page.frameLocator('#dapp');
  await frame.locator('script').first().waitFor({ state: 'attached' });
  const handle = page.frames().find((f) => f.url() === 'about:srcdoc')!;
  await handle.waitForFunction(() => 'dapp' in window);
  await expectWarnedThenReject(handle, 'viem', contracts.token, firewall.nextConfirmWindow());
  expect(server.walletLog.filter((e) => e.method === 'eth_sendTransaction')).toHaveLength(0);
});

for (const client of ['viem', 'ethers'] as const) {
  test(`a wallet that injects after the page loaded is wrapped (${client})`, async ({ openDapp, firewall, contracts, server }) => {
    const page = await openDapp('/dapp.html?wallet=late');
    await expectWarnedThenReject(page, client, contracts.token, firewall.nextConfirmWindow());
    expect(server.walletLog.filter((e) => e.method === 'eth_sendTransaction')).toHaveLength(0);
  });

  test(`a frozen, read-only provider is wrapped without being mutated (${client})`, async ({ openDapp, firewall, contracts, server }) => {
    const page = await openDapp('/dapp.html?wallet=frozen');
    // Writes still reach the wallet's own (frozen) object and fail there: nothing was unfrozen or copied.
    expect(await page.evaluate(() => Reflect.set(window.ethereum!, 'request', () => 'hijacked'))).toBe(false);
    expect(await page.evaluate(() => window.ethereum!.isMetaMask)).toBe(true);
    await expectWarnedThenReject(page, client, contracts.token, firewall.nextConfirmWindow());
    expect(server.walletLog.filter((e) => e.method === 'eth_sendTransaction')).toHaveLength(0);
  });
}

test('EIP-6963: the dapp hears the wallet once, with its own info, and gets the wrapped provider', async ({ openDapp }) => {
  const page = await openDapp();
  await page.waitForFunction(() => window.dapp.walletNames().length > 0);
  const seen = await page.evaluate(async () => {
    const heard: { name: string; rdns: string; same: boolean }[] = [];
    window.addEventListener('eip6963:announceProvider', (e) => {
      const d = (e as CustomEvent).detail;
      heard.push({ name: d.info.name, rdns: d.info.rdns, same: d.provider === window.ethereum });
    });
    window.dispatchEvent(new Event('eip6963:requestProvider'));
    return heard;
  });
  expect(seen).toEqual([{ name: 'Test Wallet', rdns: 'org.example.testwallet', same: true }]);
  expect(await page.evaluate(() => window.dapp.walletNames())).toEqual(['Test Wallet']);
});

/** Pass-through calls whose answers must be identical with and without the firewall. */
async function passThroughAnswers(page: Page, token: string) {
  return page.evaluate(async (tokenAddress) => {
    const eth = window.ethereum!;
    const settle = async (work: () => unknown) => {
      try {
        return { ok: await work() };
      } catch (e) {
        const err = e as { code?: unknown; message?: string };
        return { code: err.code, message: err.message };
      }
    };
    const events: unknown[] = [];
    eth.on('accountsChanged', (a: unknown) => events.push(['accountsChanged', a]));
    eth.on('chainChanged', (c: unknown) => events.push(['chainChanged', c]));
    window.dispatchEvent(new CustomEvent('testwallet:emit', { detail: { event: 'accountsChanged', args: [['0x0000000000000000000000000000000000000001']] } }));
    window.dispatchEvent(new CustomEvent('testwallet:emit', { detail: { event: 'chainChanged', args: ['0x1'] } }));
    return {
      flags: { isMetaMask: eth.isMetaMask, isTestWallet: (eth as { isTestWallet?: boolean }).isTestWallet, keys: Object.keys(eth).sort() },
      chainId: await settle(() => eth.request({ method: 'eth_chainId' })),
      accounts: await settle(() => eth.request({ method: 'eth_accounts' })),
      symbolCall: await settle(() => eth.request({ method: 'eth_call', params: [{ to: tokenAddress, data: '0x95d89b41' }, 'latest'] })),
      revert: await settle(() => eth.request({ method: 'eth_call', params: [{ to: tokenAddress, data: '0xa9059cbb' + '0'.repeat(63) + '1' + 'f'.repeat(64) }, 'latest'] })),
      unknown: await settle(() => eth.request({ method: 'eth_noSuchMethod' })),
      legacySend: await settle(() => (eth as unknown as { send(m: string, p: unknown[]): Promise<unknown> }).send('eth_chainId', [])),
      legacySync: await settle(() => (eth as unknown as { send(p: object): unknown }).send({ id: 7, jsonrpc: '2.0', method: 'eth_chainId' })),
      events,
    };
  }, token);
}

test('on the pass-through path the dapp sees the same answers, errors, events and flags as without the firewall', async ({ context, server, contracts, walletDir }) => {
  const withFirewall = await context.newPage();
  await withFirewall.goto(`${server.url}/dapp.html`);
  const guarded = await passThroughAnswers(withFirewall, contracts.token);

  const bare = await launchBrowser({ walletDir, withFirewall: false });
  try {
    const page = await bare.newPage();
    await page.goto(`${server.url}/dapp.html`);
    const baseline = await passThroughAnswers(page, contracts.token);
    expect(baseline.events).toHaveLength(2);
    expect(baseline.revert).toHaveProperty('code');
    expect(guarded).toEqual(baseline);
  } finally {
    await bare.close();
  }
});
