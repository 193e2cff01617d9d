// The path of a request from the dapp to the user's decision and back, through each client library.
import { maxUint256, parseEther, toHex } from 'viem';
import { RECIPIENT, freshAddress } from '../fixtures/addresses';
import { chainReader } from '../fixtures/chain';
import { decide } from '../fixtures/confirm-window';
import { expect, test } from '../fixtures/test';
import type { Client } from '../dapp/src/dapp';
import type { WalletLogEntry } from '../fixtures/server';

const CLIENTS: Client[] = ['viem', 'ethers', 'legacy'];
let SPENDER: `0x${string}`;
test.beforeEach(() => {
  SPENDER = freshAddress();
});
const sent = (log: WalletLogEntry[]) => log.filter((e) => e.method === 'eth_sendTransaction');

for (const client of CLIENTS) {
  test.describe(`through ${client}`, () => {
    test('a safe ETH send passes with no window and lands on chain', async ({ openDapp, context, anvil, server, firewall }) => {
      const page = await openDapp();
      const chain = chainReader(anvil.url);
      const before = await chain.balance(RECIPIENT);
      const outcome = await page.evaluate(([c, to, value]) => window.dapp.sendTransaction(c, { to, value }), [client, RECIPIENT, toHex(parseEther('1'))] as const);
      expect(outcome.ok, outcome.message).toBe(true);
      const receipt = await chain.client.waitForTransactionReceipt({ hash: outcome.result as `0x${string}` });
      expect(receipt.status).toBe('success');
      expect(await chain.balance(RECIPIENT)).toBe(before + parseEther('1'));
      expect(context.pages().some((p) => p.url().includes(firewall.extensionId))).toBe(false);
      expect(sent(server.walletLog)).toHaveLength(1);
    });

    test('a warned request opens the window; Reject gives 4001 and nothing reaches the wallet or the chain', async ({ openDapp, firewall, contracts, server, anvil }) => {
      const page = await openDapp();
      const confirm = firewall.nextConfirmWindow();
      const pending = page.evaluate(([c, token, spender]) => window.dapp.approveUnlimited(c, token, spender), [client, contracts.token, SPENDER] as const);
      const dialog = await confirm;
      await expect(dialog.getByTestId('origin')).toHaveText(new URL(server.url).origin);
      await expect(dialog.getByTestId('method')).toHaveText('eth_sendTransaction');
      await expect(dialog.getByRole('button', { name: 'Reject' })).toBeFocused();
      await decide(dialog, 'Reject');
      const outcome = await pending;
      expect(outcome.ok).toBe(false);
      expect(outcome.rpcCode).toBe(4001);
      if (client === 'ethers') expect(outcome.code).toBe('ACTION_REJECTED');
      expect(sent(server.walletLog)).toHaveLength(0);
      expect(await chainReader(anvil.url).allowance(contracts.token, SPENDER)).toBe(0n);
    });

    test('Continue sends exactly the dapp\'s request to the wallet and it lands on chain', async ({ openDapp, firewall, contracts, server, anvil }) => {
      const page = await openDapp();
      const confirm = firewall.nextConfirmWindow();
      const pending = page.evaluate(([c, token, spender]) => window.dapp.approveUnlimited(c, token, spender), [client, contracts.token, SPENDER] as const);
      const dialog = await confirm;
      const shown = JSON.parse((await dialog.getByTestId('raw').textContent()) ?? '{}');
      await decide(dialog, 'Continue');
      const outcome = await pending;
      expect(outcome.ok, outcome.message).toBe(true);
      const received = sent(server.walletLog);
      expect(received).toHaveLength(1);
      expect({ method: received[0]!.method, params: received[0]!.params }).toEqual(shown);
      expect(await chainReader(anvil.url).allowance(contracts.token, SPENDER)).toBe(maxUint256);
    });
  });
}

test('closing the confirm window rejects the request', async ({ openDapp, firewall, contracts, server }) => {
  const page = await openDapp();
  const confirm = firewall.nextConfirmWindow();
  const pending = page.evaluate(([token, spender]) => window.dapp.approveUnlimited('viem', token, spender), [contracts.token, SPENDER] as const);
  await (await confirm).close();
  const outcome = await pending;
  expect(outcome.rpcCode).toBe(4001);
  expect(sent(server.walletLog)).toHaveLength(0);
});

test('eth_sign is held as dangerous, and a signature only comes back after Continue', async ({ openDapp, firewall, server }) => {
  const page = await openDapp();
  const hash = `0x${'ab'.repeat(32)}` as const;
  const confirm = firewall.nextConfirmWindow();
  const pending = page.evaluate((h) => window.dapp.ethSign('viem', h), hash);
  const dialog = await confirm;
  await expect(dialog.getByTestId('verdict')).toHaveText('Dangerous: you could lose assets');
  expect(server.walletLog.filter((e) => e.method === 'eth_sign')).toHaveLength(0);
  await decide(dialog, 'Continue');
  const outcome = await pending;
  expect(outcome.ok, outcome.message).toBe(true);
  expect(outcome.result).toMatch(/^0x[0-9a-f]{130}$/);
});
