// A normal flow and a drainer flow on the same contracts (ERC-20, ERC-721, a swap, a drainer that
// sweeps approvals), deployed on anvil: the normal flow passes untouched, the drain is stopped, and
// the confirm window lists what each would move.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { encodeFunctionData, erc20Abi, maxUint256, parseAbi, toHex, type Hex } from 'viem';
import { DEV_ACCOUNT } from '../fixtures/anvil';
import { ROOT } from '../fixtures/browser';
import { chainReader } from '../fixtures/chain';
import { decide } from '../fixtures/confirm-window';
import { NFT_PRICE, SWAP_WEI_PER_TOKEN } from '../fixtures/contracts';
import { expect, test } from '../fixtures/test';

const SHOTS = join(ROOT, 'e2e', '.artifacts', 'screenshots');
const TOKEN = 10n ** 18n;
const swapAbi = parseAbi(['function swapForEth(uint256 amountIn, uint256 minOut) returns (uint256)']);
const nftAbi = parseAbi(['function mint() payable returns (uint256)']);
const drainerAbi = parseAbi(['function claim() payable']);

const send = (page: Page, tx: { to: Hex; data?: Hex; value?: Hex }) => page.evaluate((t) => window.dapp.sendTransaction('viem', t), tx);
const approve = (token: Hex, spender: Hex, amount: bigint) => encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [spender, amount] });

async function changesIn(dialog: Page): Promise<string[]> {
  const section = dialog.getByTestId('asset-changes');
  await expect(section).toHaveAttribute('data-state', 'complete');
  return section.locator('li').allTextContents();
}

test('a normal flow (approve an exact amount, swap, mint) passes without a single window', async ({ context, openDapp, contracts, anvil }) => {
  const page = await openDapp();
  const opened: string[] = [];
  context.on('page', (p) => opened.push(p.url()));
  const chain = chainReader(anvil.url);
  const nftBalance = () => chain.client.readContract({ address: contracts.nft, abi: erc20Abi, functionName: 'balanceOf', args: [DEV_ACCOUNT] });
  const nftsBefore = await nftBalance();

  for (const tx of [
    { to: contracts.token, data: approve(contracts.token, contracts.swap, 100n * TOKEN) },
    { to: contracts.swap, data: encodeFunctionData({ abi: swapAbi, functionName: 'swapForEth', args: [100n * TOKEN, 0n] }) },
    { to: contracts.nft, data: encodeFunctionData({ abi: nftAbi, functionName: 'mint' }), value: toHex(NFT_PRICE) },
  ]) {
    const outcome = await send(page, tx);
    expect(outcome.ok, outcome.message).toBe(true);
  }
  expect(opened.filter((u) => u.includes('/confirm.html'))).toEqual([]);
  expect(await nftBalance()).toBe(nftsBefore + 1n);
});

test('a drainer flow is stopped: the unlimited approval is questioned and the "claim" that sweeps is blocked', async ({ openDapp, firewall, contracts, server, anvil }) => {
  const page = await openDapp();
  let next = firewall.nextConfirmWindow();
  const approval = send(page, { to: contracts.token, data: approve(contracts.token, contracts.drainer, maxUint256) });
  let dialog = await next;
  await expect(dialog.getByTestId('verdict')).not.toHaveText('Nothing alarming found');
  await decide(dialog, 'Continue'); // the victim falls for the first step
  expect((await approval).ok).toBe(true);

  next = firewall.nextConfirmWindow();
  const claim = send(page, { to: contracts.drainer, data: encodeFunctionData({ abi: drainerAbi, functionName: 'claim' }), value: toHex(NFT_PRICE) });
  dialog = await next;
  await expect(dialog.getByTestId('verdict')).toHaveText('Dangerous: you could lose assets');
  // Flagged because of what it would move: the simulation's findings are among the reasons.
  await expect(dialog.locator('[data-id^="simulation."]').first()).toBeVisible();
  const changes = await changesIn(dialog);
  expect(changes.some((c) => /TST/.test(c) && c.includes('−'))).toBe(true);
  mkdirSync(SHOTS, { recursive: true });
  await dialog.screenshot({ path: join(SHOTS, 'changes-drain.png'), fullPage: true });
  await decide(dialog, 'Reject');
  expect((await claim).rpcCode).toBe(4001);
  expect(server.walletLog.filter((e) => e.method === 'eth_sendTransaction')).toHaveLength(1);
  // Nothing was swept.
  expect(await chainReader(anvil.url).client.readContract({ address: contracts.token, abi: erc20Abi, functionName: 'balanceOf', args: [contracts.attacker] })).toBe(0n);
});

test('the confirm window lists the correct changes for a swap and a mint', async ({ openDapp, firewall, contracts }) => {
  const page = await openDapp();
  const setup = await send(page, { to: contracts.token, data: approve(contracts.token, contracts.swap, 10n * TOKEN) });
  expect(setup.ok, setup.message).toBe(true);
  // Ask about every request with something to say, so that safe requests show their window too.
  await firewall.setStorage({ sensitivity: 'info' });

  const cases = [
    {
      name: 'swap',
      tx: { to: contracts.swap, data: encodeFunctionData({ abi: swapAbi, functionName: 'swapForEth', args: [10n * TOKEN, 0n] }) },
      expected: [/^− you send 10 TST$/, new RegExp(`^\\+ you receive ${Number(10n * SWAP_WEI_PER_TOKEN) / 1e18} ETH$`)],
    },
    {
      name: 'mint',
      tx: { to: contracts.nft, data: encodeFunctionData({ abi: nftAbi, functionName: 'mint' }), value: toHex(NFT_PRICE) },
      expected: [/^− you send 0\.01 ETH$/, /^\+ you receive .*TNFT #\d+$/],
    },
  ];
  for (const { name, tx, expected } of cases) {
    const next = firewall.nextConfirmWindow();
    const pending = send(page, tx);
    const dialog = await next;
    await expect(dialog.getByTestId('asset-changes')).toHaveAttribute('data-state', 'complete');
    await expect(dialog.locator('[data-party="you"] li').first()).toBeVisible();
    const you = await dialog.locator('[data-party="you"] li').allTextContents();
    for (const pattern of expected) expect(you.some((line) => pattern.test(line)), `${name}: ${pattern} in ${JSON.stringify(you)}`).toBe(true);
    mkdirSync(SHOTS, { recursive: true });
    await dialog.screenshot({ path: join(SHOTS, `changes-${name}.png`), fullPage: true });
    await decide(dialog, 'Continue');
    expect((await pending).ok).toBe(true);
  }
});
