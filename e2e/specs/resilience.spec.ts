// Pending decisions survive what MV3 does to them: several tabs asking at once, and the service
// worker being stopped while the user looks at a warning.
import { maxUint256 } from 'viem';
import { freshAddress } from '../fixtures/addresses';
import { chainReader } from '../fixtures/chain';
import { decide } from '../fixtures/confirm-window';
import { expect, test } from '../fixtures/test';

test('two tabs ask at once; each gets its own window and its own answer', async ({ openDapp, firewall, contracts, anvil, server }) => {
  const [a, b] = [await openDapp(), await openDapp()];
  const [spenderA, spenderB] = [freshAddress(), freshAddress()];
  const windows: Promise<import('@playwright/test').Page>[] = [firewall.nextConfirmWindow()];
  const pendingA = a.evaluate(([t, s]) => window.dapp.approveUnlimited('viem', t, s), [contracts.token, spenderA] as const);
  const dialogA = await windows[0]!;
  const nextB = firewall.nextConfirmWindow();
  const pendingB = b.evaluate(([t, s]) => window.dapp.approveUnlimited('ethers', t, s), [contracts.token, spenderB] as const);
  const dialogB = await nextB;
  // Answer in the opposite order of asking.
  await decide(dialogB, 'Continue');
  await decide(dialogA, 'Reject');
  const [outA, outB] = await Promise.all([pendingA, pendingB]);
  expect(outA.rpcCode).toBe(4001);
  expect(outB.ok, outB.message).toBe(true);
  const chain = chainReader(anvil.url);
  expect(await chain.allowance(contracts.token, spenderA)).toBe(0n);
  expect(await chain.allowance(contracts.token, spenderB)).toBe(maxUint256);
  expect(server.walletLog.filter((e) => e.method === 'eth_sendTransaction')).toHaveLength(1);
});

test('the service worker is stopped while a warning is open, and the decision still completes', async ({ openDapp, firewall, contracts, anvil }) => {
  const page = await openDapp();
  const spender = freshAddress();
  const confirm = firewall.nextConfirmWindow();
  const pending = page.evaluate(([t, s]) => window.dapp.approveUnlimited('viem', t, s), [contracts.token, spender] as const);
  const dialog = await confirm;
  await expect(dialog.getByTestId('method')).toHaveText('eth_sendTransaction');
  await firewall.stopServiceWorker();
  await decide(dialog, 'Continue');
  const outcome = await pending;
  expect(outcome.ok, outcome.message).toBe(true);
  expect(await chainReader(anvil.url).allowance(contracts.token, spender)).toBe(maxUint256);
});

test('the service worker is stopped while a warning is open, and Reject still reaches the dapp', async ({ openDapp, firewall, contracts, server }) => {
  const page = await openDapp();
  const confirm = firewall.nextConfirmWindow();
  const pending = page.evaluate(([t, s]) => window.dapp.approveUnlimited('legacy', t, s), [contracts.token, freshAddress()] as const);
  const dialog = await confirm;
  await firewall.stopServiceWorker();
  // Wait past one status poll of the bridge with the worker asleep: the request must stay pending.
  await page.waitForTimeout(3500);
  await decide(dialog, 'Reject');
  expect((await pending).rpcCode).toBe(4001);
  expect(server.walletLog.filter((e) => e.method === 'eth_sendTransaction')).toHaveLength(0);
});

test('a wallet slow to say its chain still has each request checked on chain', async ({ openDapp, firewall, contracts }) => {
  // The wallet answers eth_chainId after 700 ms: the first request waits for it, later ones use the
  // last answer. Only the chain tells a plain account (block) from an unknown address (a warning).
  const page = await openDapp('/dapp.html?wallet=slow-chain');
  for (const client of ['viem', 'ethers', 'legacy'] as const) {
    const next = firewall.nextConfirmWindow();
    const pending = page.evaluate(([c, t, s]) => window.dapp.approveUnlimited(c, t, s), [client, contracts.token, freshAddress()] as const);
    const dialog = await next;
    await expect(dialog.getByTestId('verdict')).toHaveText('Dangerous: you could lose assets');
    await expect(dialog.locator('[data-id="context.unavailable"]')).toHaveCount(0);
    await decide(dialog, 'Reject');
    expect((await pending).rpcCode).toBe(4001);
  }
});
