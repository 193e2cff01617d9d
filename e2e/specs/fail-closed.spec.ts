// Fail closed. When the firewall cannot finish checking a request that it would otherwise pass without
// a word (a plain small ETH send), the request is not forwarded unseen: a confirm window says in plain
// words what could not be checked, Reject gives the dapp 4001 with nothing reaching the wallet, and
// Continue forwards exactly the dapp's request. And whatever happens to the extension meanwhile, the
// dapp gets an answer (the wallet's or 4001); it is never left waiting.
//
// A node that fails is not the end of the check: the chain is then read through the wallet's own
// connection. "Could not be checked" is for when that fails too, which the test wallet's `no-reads`
// mode plays (it knows its chain, but no read of the chain comes back).
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeFunctionData, parseAbi, parseEther, toHex } from 'viem';
import type { Page } from '@playwright/test';
import type { Outcome } from '../dapp/src/dapp';
import { RECIPIENT, freshAddress } from '../fixtures/addresses';
import { startBadRpc, type BadRpc } from '../fixtures/bad-rpc';
import { FIREWALL_DIR } from '../fixtures/browser';
import { chainReader } from '../fixtures/chain';
import { NFT_PRICE } from '../fixtures/contracts';
import { decide } from '../fixtures/confirm-window';
import { freePort } from '../fixtures/free-port';
import type { TestServer } from '../fixtures/server';
import { expect, test, type Firewall } from '../fixtures/test';
import { MODEL_FILES } from '../../common/model-files';

const SMALL = toHex(parseEther('0.01'));
/** Far more than any path takes; only a hang reaches it. */
const ANSWER_WITHIN_MS = 30_000;

type Send = (page: Page) => Promise<Outcome>;
const sent = (server: TestServer) => server.walletLog.filter((e) => e.method === 'eth_sendTransaction');
/** What the firewall passes without a window when it can check it: a plain small ETH send. */
const sendSmall: Send = (page) => page.evaluate(([to, value]) => window.dapp.sendTransaction('viem', { to, value }), [RECIPIENT, SMALL] as const);

/** The confirm window; fails at once if the dapp got its answer without one (forwarded unseen, or dropped). */
async function windowBeforeAnswer(pending: Promise<Outcome>, confirm: Promise<Page>): Promise<Page> {
  const first = await Promise.race([confirm.then((dialog) => ({ dialog })), pending.then((outcome) => ({ outcome }))]);
  if ('outcome' in first) throw new Error(`the dapp got an answer without a confirm window: ${JSON.stringify(first.outcome)}`);
  return first.dialog;
}

/** Resolves with the dapp's answer, or fails when there is none long after every deadline: a hang. */
async function answerOf(pending: Promise<Outcome>): Promise<Outcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`the dapp got no answer within ${ANSWER_WITHIN_MS / 1000} s`)), ANSWER_WITHIN_MS)));
  try {
    return await Promise.race([pending, hang]);
  } finally {
    clearTimeout(timer);
  }
}

interface Case {
  /** What the window must say could not be checked. */
  told: RegExp;
  send?: Send;
  /** Runs while each request is on its way (it is called before the firewall can have seen it). */
  meanwhile?: () => Promise<void>;
}

/**
 * The whole contract for one failure, asked twice: the window says `told` both times; Reject gives the
 * dapp 4001 and the wallet nothing, Continue gives the wallet exactly the dapp's request, which lands.
 */
async function userDecides(page: Page, firewall: Firewall, server: TestServer, anvilUrl: string, { told, send = sendSmall, meanwhile }: Case): Promise<void> {
  const rejecting = firewall.nextConfirmWindow();
  const rejected = send(page);
  await meanwhile?.();
  const first = await windowBeforeAnswer(rejected, rejecting);
  await expect(first.getByTestId('findings')).toContainText(told);
  await decide(first, 'Reject');
  const no = await answerOf(rejected);
  expect(no.ok).toBe(false);
  expect(no.rpcCode).toBe(4001);
  expect(sent(server)).toHaveLength(0);

  const continuing = firewall.nextConfirmWindow();
  const continued = send(page);
  await meanwhile?.();
  const second = await windowBeforeAnswer(continued, continuing);
  await expect(second.getByTestId('findings')).toContainText(told);
  const shown = JSON.parse((await second.getByTestId('raw').textContent()) ?? '{}');
  await decide(second, 'Continue');
  const yes = await answerOf(continued);
  expect(yes.ok, yes.message).toBe(true);
  const received = sent(server);
  expect(received).toHaveLength(1);
  expect({ method: received[0]!.method, params: received[0]!.params }).toEqual(shown);
  const receipt = await chainReader(anvilUrl).client.waitForTransactionReceipt({ hash: yes.result as `0x${string}` });
  expect(receipt.status).toBe('success');
}

/** The plain send reached the wallet exactly as the dapp sent it: to the recipient, 0.01 ETH. */
function expectSmallSendForwarded(server: TestServer): void {
  expect(sent(server)[0]!.params).toEqual([expect.objectContaining({ to: RECIPIENT, value: SMALL })]);
}

let bad: BadRpc | undefined;
test.afterEach(async () => {
  await bad?.stop();
  bad = undefined;
});

const closedPort = async () => `http://127.0.0.1:${await freePort()}`;
/** The dapp with a wallet whose own node is down too. */
const NO_READS = '/dapp.html?wallet=no-reads';
const CHAIN_READS = ['eth_getCode', 'eth_getTransactionCount', 'eth_simulateV1', 'eth_call', 'debug_traceCall'];

/** With the node failing, the chain is read through the wallet: the plain send passes, read there. */
async function readThroughWallet(page: Page, server: TestServer): Promise<void> {
  const outcome = await answerOf(sendSmall(page));
  expect(outcome.ok, outcome.message).toBe(true);
  expect(server.walletLog.filter((e) => CHAIN_READS.includes(e.method)).length, 'reads through the wallet').toBeGreaterThan(0);
  expectSmallSendForwarded(server);
}

/** A request that warns anyway says in its window that the chain was read through the wallet. */
async function windowSaysWallet(page: Page, firewall: Firewall, token: `0x${string}`): Promise<void> {
  const confirm = firewall.nextConfirmWindow();
  const pending = page.evaluate(([token, spender]) => window.dapp.approveUnlimited('viem', token, spender), [token, freshAddress()] as const);
  const dialog = await windowBeforeAnswer(pending, confirm);
  await expect(dialog.getByTestId('checked-on')).toHaveAttribute('data-kind', 'wallet');
  await decide(dialog, 'Reject');
  expect((await answerOf(pending)).rpcCode).toBe(4001);
}

test('the node is down: the chain is read through the wallet; when the wallet cannot read it either, the window says so', async ({ openDapp, firewall, server, anvil, contracts }) => {
  await firewall.setStorage({ rpcUrls: { '31337': await closedPort() } });
  const page = await openDapp();
  await readThroughWallet(page, server);
  await windowSaysWallet(page, firewall, contracts.token);
  server.walletLog.length = 0;
  await userDecides(await openDapp(NO_READS), firewall, server, anvil.url, { told: /did not answer, so this request was not checked on chain/ });
  expectSmallSendForwarded(server);
});

test('the node says it serves another chain: its answers are never used', async ({ openDapp, firewall, server, anvil }) => {
  bad = await startBadRpc({ kind: 'lying-chain', chainId: 1 }, anvil.url);
  await firewall.setStorage({ rpcUrls: { '31337': bad.url } });
  await readThroughWallet(await openDapp(), server);
  // Asked which chain it serves, and nothing else.
  expect([...new Set(bad.methods)]).toEqual(['eth_chainId']);
  server.walletLog.length = 0;
  await userDecides(await openDapp(NO_READS), firewall, server, anvil.url, { told: /did not answer, so this request was not checked on chain/ });
  expect([...new Set(bad.methods)]).toEqual(['eth_chainId']);
});

test('the node never answers: the analysis gives up on it, reads through the wallet, or says it could not', async ({ openDapp, firewall, server, anvil }) => {
  bad = await startBadRpc({ kind: 'silent' }, anvil.url);
  await firewall.setStorage({ rpcUrls: { '31337': bad.url } });
  await readThroughWallet(await openDapp(), server);
  server.walletLog.length = 0;
  await userDecides(await openDapp(NO_READS), firewall, server, anvil.url, { told: /did not answer/ });
  expectSmallSendForwarded(server);
});

test.describe('the model file is damaged', () => {
  const damaged = join(tmpdir(), `txfw-damaged-model-${process.pid}`);
  test.use({ firewallDir: damaged });
  test.beforeAll(() => {
    rmSync(damaged, { recursive: true, force: true });
    cpSync(FIREWALL_DIR, damaged, { recursive: true });
    writeFileSync(join(damaged, MODEL_FILES.model), 'this is not an ONNX model');
  });
  test.afterAll(() => rmSync(damaged, { recursive: true, force: true }));

  // The model scores contract calls (a plain ETH send never reaches it), so the request that would pass
  // unseen here is the NFT mint of the normal flow (asset-changes.spec.ts).
  test('the model does not load: a mint that would pass unseen opens the window, which says so', async ({ openDapp, firewall, server, anvil, contracts }) => {
    const data = encodeFunctionData({ abi: parseAbi(['function mint() payable returns (uint256)']), functionName: 'mint' });
    const mint: Send = (page) => page.evaluate((tx) => window.dapp.sendTransaction('viem', tx), { to: contracts.nft, data, value: toHex(NFT_PRICE) });
    const page = await openDapp();
    await userDecides(page, firewall, server, anvil.url, { told: /contract model is not working/, send: mint });
    expect(sent(server)[0]!.params).toEqual([expect.objectContaining({ to: contracts.nft, data, value: toHex(NFT_PRICE) })]);
  });
});

test('the service worker is stopped while the request is being analysed: it is analysed again, and the user decides', async ({ openDapp, firewall, server, anvil }) => {
  const node = (bad = await startBadRpc({ kind: 'silent' }, anvil.url));
  await firewall.setStorage({ rpcUrls: { '31337': node.url } });
  const page = await openDapp(NO_READS);
  const meanwhile = async () => {
    const asked = node.methods.length;
    // The analysis is under way once the firewall asks the node something; the window is not open yet.
    await expect.poll(() => node.methods.length).toBeGreaterThan(asked);
    await firewall.stopServiceWorker();
  };
  await userDecides(page, firewall, server, anvil.url, { told: /Your node did not answer/, meanwhile });
  expectSmallSendForwarded(server);
});

type ChromeGlobal = { chrome: { runtime: { reload(): void } } };

// Chromium does not bring back an extension loaded from the command line after runtime.reload(), so what
// follows an update (the page reloaded, the new firewall in it) cannot be tested here.
test('the extension is reloaded while the window is open: the dapp gets 4001 and the page stays fail-closed', async ({ openDapp, firewall, server }) => {
  await firewall.setStorage({ rpcUrls: { '31337': await closedPort() } });
  const page = await openDapp(NO_READS);
  const confirm = firewall.nextConfirmWindow();
  const pending = sendSmall(page);
  await windowBeforeAnswer(pending, confirm);
  const worker = await firewall.serviceWorker();
  // The worker dies with the reload, so the evaluation may not come back.
  await worker.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.runtime.reload()).catch(() => {});
  const outcome = await answerOf(pending);
  expect(outcome.rpcCode).toBe(4001);
  expect(sent(server)).toHaveLength(0);
  // This page's firewall is cut off from the reloaded one: what it asks now is refused, never passed on.
  expect((await answerOf(sendSmall(page))).rpcCode).toBe(4001);
  expect(sent(server)).toHaveLength(0);
});

test('the extension is reloaded while the request is being analysed: the dapp gets 4001, never a hang', async ({ openDapp, firewall, server, anvil }) => {
  const node = (bad = await startBadRpc({ kind: 'silent' }, anvil.url));
  await firewall.setStorage({ rpcUrls: { '31337': node.url } });
  const page = await openDapp(NO_READS);
  const worker = await firewall.serviceWorker();
  const pending = sendSmall(page);
  await expect.poll(() => node.methods.length).toBeGreaterThan(0);
  await worker.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.runtime.reload()).catch(() => {});
  const outcome = await answerOf(pending);
  expect(outcome.ok).toBe(false);
  expect(outcome.rpcCode).toBe(4001);
  expect(sent(server)).toHaveLength(0);
});
