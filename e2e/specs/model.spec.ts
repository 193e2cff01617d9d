// The ONNX model inside the built extension: onnxruntime-web in the real MV3 service worker gives the
// training side's probabilities, and its reasons reach the confirm window for a drainer-like contract.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import solc from 'solc';
import { encodeFunctionData, maxUint256, parseAbi, parseEther, toHex, type Hex } from 'viem';
import { deployCode } from '../fixtures/anvil';
import { decide } from '../fixtures/confirm-window';
import { ROOT } from '../fixtures/browser';
import { expect, test } from '../fixtures/test';
import { extractFeatures, type FeatureInput } from '../../model/features';
import { predictProbability } from '../../model/predictor';
import { modelFromOnnx } from '../../model/train/export-onnx';
import type { ModelProbe } from '../../entrypoints/background/contract-model';
import { FAKE_AIRDROP_SOURCE } from '../../model/testdata/fake-airdrop';

const require = createRequire(import.meta.url);
const fixture = JSON.parse(readFileSync(join(ROOT, 'model', 'parity-fixture.json'), 'utf8')) as { vectors: number[][]; probabilities: number[] };
const onnxBytes = readFileSync(join(ROOT, 'model', 'contract-model.onnx'));
const TOLERANCE = 1e-5;


function compile(source: string, name: string): { creation: Hex; runtime: Hex } {
  const input = {
    language: 'Solidity',
    sources: { [`${name}.sol`]: { content: source } },
    settings: { optimizer: { enabled: true, runs: 200 }, outputSelection: { '*': { '*': ['evm.bytecode.object', 'evm.deployedBytecode.object'] } } },
  };
  const out = JSON.parse(solc.compile(JSON.stringify(input))) as { contracts: Record<string, Record<string, { evm: { bytecode: { object: string }; deployedBytecode: { object: string } } }>> };
  const c = out.contracts[`${name}.sol`]![name]!;
  return { creation: `0x${c.evm.bytecode.object}`, runtime: `0x${c.evm.deployedBytecode.object}` };
}

function artifactCode(path: string): string {
  const json = JSON.parse(readFileSync(require.resolve(path), 'utf8')) as { deployedBytecode: string };
  return json.deployedBytecode;
}

type ProbeGlobal = typeof globalThis & { __txFirewallModel: ModelProbe };

test('the model in the service worker gives the training side\'s probabilities (1e-5)', async ({ firewall }) => {
  const trained = modelFromOnnx(onnxBytes, fixture.vectors[0]!.length);
  const weth = artifactCode('canonical-weth/build/contracts/WETH9.json');
  const drainer = compile(FAKE_AIRDROP_SOURCE, 'Airdrop').runtime;
  const approve = encodeFunctionData({ abi: parseAbi(['function approve(address,uint256)']), functionName: 'approve', args: ['0x1111111111111111111111111111111111111111', maxUint256] });
  const claim = encodeFunctionData({ abi: parseAbi(['function Claim() payable']), functionName: 'Claim' });
  const fresh: FeatureInput[] = [
    { bytecode: weth, calldata: approve, value: 0 },
    { bytecode: drainer, calldata: claim, value: parseEther('0.05') },
    { bytecode: '0x', calldata: '0x', value: parseEther('0.5') },
  ];
  const vectors = [...fixture.vectors, ...fresh.map((f) => Array.from(extractFeatures(f)))];
  const expected = [...fixture.probabilities, ...fresh.map((f) => predictProbability(trained, extractFeatures(f)))];

  const worker = await firewall.serviceWorker();
  const got = await worker.evaluate((v) => (globalThis as ProbeGlobal).__txFirewallModel.scoreVectors(v), vectors);
  expect(got).toHaveLength(expected.length);
  const worst = Math.max(...got.map((p, i) => Math.abs(p - expected[i]!)));
  expect(worst).toBeLessThan(TOLERANCE);
  // The fixture's probabilities are the trainer's own, so the decoded trees must agree with them too.
  fixture.probabilities.forEach((p, i) => expect(Math.abs(predictProbability(trained, Float32Array.from(fixture.vectors[i]!)) - p)).toBeLessThan(TOLERANCE));

  const status = await worker.evaluate(() => (globalThis as ProbeGlobal).__txFirewallModel.status());
  expect(status).toMatchObject({ state: 'ready', start: 'first-request' });
});

test('after a service-worker restart the first request is scored (the predictor over the same trees until onnxruntime is ready) and onnxruntime loads beside it', async ({ openDapp, firewall, anvil }) => {
  const { creation } = compile(FAKE_AIRDROP_SOURCE, 'Airdrop');
  const drainer = await deployCode(anvil.url, creation);
  await firewall.stopServiceWorker();
  const page = await openDapp();
  const confirm = firewall.nextConfirmWindow();
  const data = encodeFunctionData({ abi: parseAbi(['function Claim() payable']), functionName: 'Claim' });
  const pending = page.evaluate((tx) => window.dapp.sendTransaction('viem', tx), { to: drainer, data, value: toHex(parseEther('0.01')) });
  const dialog = await confirm;
  // Scored, never "could not be scored": onnxruntime if it was ready in time, else the predictor over the same trees.
  await expect(dialog.getByTestId('findings')).toContainText(/looks like (known scam|the requests scam)/);
  const worker = await firewall.serviceWorker();
  await expect.poll(() => worker.evaluate(() => (globalThis as ProbeGlobal).__txFirewallModel.status().state)).toBe('ready');
  await decide(dialog, 'Reject');
  expect((await pending).rpcCode).toBe(4001);
});

test('a navigation starts the worker for the list check without loading the model', async ({ context, firewall, server }) => {
  await firewall.stopServiceWorker();
  const page = await context.newPage();
  await page.goto(`${server.url}/index.html`);
  const worker = await firewall.serviceWorker();
  type StartupGlobal = typeof globalThis & { __txFirewallStartup: { timing(): { listsReadyAt?: number } } };
  // The navigation's list check loaded the lists in this worker life…
  await expect.poll(() => worker.evaluate(() => (globalThis as StartupGlobal).__txFirewallStartup.timing().listsReadyAt)).toBeGreaterThan(0);
  // …and nothing asked for the model: a page that asks for no signature never pays for its wasm.
  expect(await worker.evaluate(() => (globalThis as ProbeGlobal).__txFirewallModel.status().state)).toBe('idle');
  await page.close();
});

test('a drainer-like contract gets the model\'s reasons in the confirm window', async ({ openDapp, firewall, anvil, server }) => {
  const { creation } = compile(FAKE_AIRDROP_SOURCE, 'Airdrop');
  const drainer = await deployCode(anvil.url, creation);
  const page = await openDapp();
  const confirm = firewall.nextConfirmWindow();
  const data = encodeFunctionData({ abi: parseAbi(['function Claim() payable']), functionName: 'Claim' });
  const pending = page.evaluate((tx) => window.dapp.sendTransaction('viem', tx), { to: drainer, data, value: toHex(parseEther('0.05')) });
  const dialog = await confirm;
  const findings = dialog.getByTestId('findings');
  await expect(findings).toContainText(/looks like (known scam|the requests scam)/);
  await expect(findings).toContainText('What weighed most:');
  await decide(dialog, 'Reject');
  expect((await pending).rpcCode).toBe(4001);
  expect(server.walletLog.filter((e) => e.method === 'eth_sendTransaction')).toHaveLength(0);
});
