// Token red flags in the built extension: a token deployed on the local chain whose code lets its owner
// switch trading off, tax sales and blacklist holders; approving it opens the confirm window with what
// its owner can do, read from the code the node returns.
import { createPublicClient, createWalletClient, encodeFunctionData, http, maxUint256, parseAbi, type Address, type Hex } from 'viem';
import { foundry } from 'viem/chains';
import { compileRuntime, SETTINGS } from '../../analysis/ethereum/token-code/testdata/compile';
import { DEV_ACCOUNT } from '../fixtures/anvil';
import { decide } from '../fixtures/confirm-window';
import { expect, test } from '../fixtures/test';

async function deploy(rpcUrl: string, creation: Hex): Promise<Address> {
  const chain = { ...foundry, rpcUrls: { default: { http: [rpcUrl] } } };
  const wallet = createWalletClient({ chain, transport: http(rpcUrl), account: DEV_ACCOUNT });
  const hash = await wallet.sendTransaction({ data: creation });
  const receipt = await createPublicClient({ chain, transport: http(rpcUrl) }).waitForTransactionReceipt({ hash });
  return receipt.contractAddress!;
}

test('approving a token whose owner can stop sales says so in the confirm window', async ({ openDapp, firewall, anvil, server }) => {
  const { creation } = compileRuntime('TaxBlacklist.sol', 'TaxBlacklist', SETTINGS[1]!);
  // The constructor takes the trading pair's address; any address will do for the code's powers.
  const token = await deploy(anvil.url, `${creation}${'00'.repeat(12)}${'22'.repeat(20)}`);
  const page = await openDapp();
  const confirm = firewall.nextConfirmWindow();
  const data = encodeFunctionData({ abi: parseAbi(['function approve(address,uint256)']), functionName: 'approve', args: ['0x1111111111111111111111111111111111111111', maxUint256] });
  const pending = page.evaluate((tx) => window.dapp.sendTransaction('viem', tx), { to: token, data });
  const dialog = await confirm;
  const findings = dialog.getByTestId('findings');
  await expect(findings).toContainText(/can stop you from selling/);
  await decide(dialog, 'Reject');
  expect((await pending).rpcCode).toBe(4001);
  expect(server.walletLog.filter((e) => e.method === 'eth_sendTransaction')).toHaveLength(0);
});
