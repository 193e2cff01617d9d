// Token red flags in the built extension: a token deployed on the local chain whose code lets its owner
// switch trading off, tax sales and blacklist holders; approving it opens the confirm window with what
// its owner can do, read from the code the node returns.
import { encodeAbiParameters, encodeFunctionData, maxUint256, parseAbi } from 'viem';
import { compileRuntime, SETTINGS } from '../../analysis/ethereum/token-code/testdata/compile';
import { deployCode } from '../fixtures/anvil';
import { decide } from '../fixtures/confirm-window';
import { expect, test } from '../fixtures/test';

test('approving a token whose owner can stop sales says so in the confirm window', async ({ openDapp, firewall, anvil, server }) => {
  const { creation } = compileRuntime('TaxBlacklist.sol', 'TaxBlacklist', SETTINGS[1]!);
  // The constructor takes the trading pair's address; any address will do for the code's powers.
  const token = await deployCode(anvil.url, `${creation}${encodeAbiParameters([{ type: 'address' }], ['0x2222222222222222222222222222222222222222']).slice(2)}`);
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
