import { createPublicClient, http, parseEther, type Hex } from 'viem';
import { expect, test } from '../fixtures/test';

const RECIPIENT = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as Hex;
const SPENDER = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' as Hex;

test('a safe ETH send passes with no window and lands on chain', async ({ openDapp, context, anvil, server, firewall }) => {
  const page = await openDapp();
  const chain = createPublicClient({ transport: http(anvil.url) });
  const before = await chain.getBalance({ address: RECIPIENT });
  const outcome = await page.evaluate(([to, value]) => window.dapp.sendTransaction('viem', { to, value }), [RECIPIENT, `0x${parseEther('1').toString(16)}`] as const);
  expect(outcome.ok, outcome.message).toBe(true);
  expect(await chain.getBalance({ address: RECIPIENT })).toBe(before + parseEther('1'));
  expect(context.pages().some((p) => p.url().includes(firewall.extensionId))).toBe(false);
  expect(server.walletLog.filter((e) => e.method === 'eth_sendTransaction')).toHaveLength(1);
});

test('an unlimited approval opens the window; Reject gives 4001 and nothing reaches the wallet', async ({ openDapp, firewall, contracts, server }) => {
  const page = await openDapp();
  const confirm = firewall.nextConfirmWindow();
  const pending = page.evaluate(([token, spender]) => window.dapp.approveUnlimited('viem', token, spender), [contracts.token, SPENDER] as const);
  const window = await confirm;
  await expect(window.getByTestId('origin')).toHaveText(new URL(server.url).origin);
  await expect(window.getByTestId('method')).toHaveText('eth_sendTransaction');
  await window.getByRole('button', { name: 'Reject' }).click();
  const outcome = await pending;
  expect(outcome.ok).toBe(false);
  expect(outcome.rpcCode).toBe(4001);
  expect(server.walletLog.filter((e) => e.method === 'eth_sendTransaction')).toHaveLength(0);
});
