// The token-code rules against a real node: anvil on a free loopback port, the trap token of
// token-code/testdata compiled with solc and deployed for real; the analysis reads its code and its
// owner() through createRpcChainReader. Nothing here is mocked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, createWalletClient, encodeFunctionData, encodeAbiParameters, http, parseAbi, type Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { deployCode, startAnvil, type Anvil } from '../../../e2e/fixtures/anvil';
import { analyzeRequest } from '../index';
import { createRpcChainReader } from '../context/chain-reader';
import { A, call } from '../fixtures/build';
import { compileRuntime, SETTINGS } from '../token-code/testdata/compile';

// anvil's first default account (public test key).
const deployer = privateKeyToAccount('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80');

let anvil: Anvil | undefined;
let url = '';
let trap: Address;

beforeAll(async () => {
  anvil = await startAnvil({ chainId: 1 });
  url = anvil.url;
  const { creation } = compileRuntime('TaxBlacklist.sol', 'TaxBlacklist', SETTINGS.find((s) => s.id === 'opt200')!);
  trap = await deployCode(url, `${creation}${encodeAbiParameters([{ type: 'address' }], [A.friend]).slice(2)}`);
}, 120_000);

afterAll(async () => {
  await anvil?.stop();
});

describe('token-code rules with a live chain', () => {
  it('an approval of the deployed trap token: its code and owner() are read, and the finding warns', async () => {
    const chain = createRpcChainReader(url);
    expect(await chain.getOwner!(trap)).toBe(deployer.address);
    const v = await analyzeRequest(
      { request: { method: 'eth_sendTransaction', params: [{ from: deployer.address, to: trap, data: call.approve(A.permit2, 1n) }] }, origin: { origin: 'https://dapp.example' }, chainId: 1, from: deployer.address },
      { chain },
    );
    const f = v.findings.find((x) => x.id === 'token.sell-blocking');
    expect(f?.evidence).toMatchObject({ ownerRenounced: false, owner: deployer.address });
    expect(v.verdict).toBe('warn');
  });

  it('after renounceOwnership the owner reads as renounced, and the warning stays', async () => {
    const wallet = createWalletClient({ account: deployer, transport: http(url), chain: undefined });
    const client = createPublicClient({ transport: http(url) });
    const hash = await wallet.sendTransaction({ to: trap, data: encodeFunctionData({ abi: parseAbi(['function renounceOwnership()']), functionName: 'renounceOwnership' }), chain: null });
    await client.waitForTransactionReceipt({ hash });
    const v = await analyzeRequest(
      { request: { method: 'eth_sendTransaction', params: [{ from: deployer.address, to: trap, data: call.approve(A.permit2, 1n) }] }, origin: { origin: 'https://dapp.example' }, chainId: 1, from: deployer.address },
      { chain: createRpcChainReader(url) },
    );
    expect(v.findings.find((x) => x.id === 'token.sell-blocking')?.evidence).toMatchObject({ ownerRenounced: true });
  });
});
