// A page that tries to approve its own request: forged bridge messages, replayed decisions, guard
// entry points called in odd ways. None of it may get a request past a pending warning.
import { maxUint256 } from 'viem';
import { freshAddress } from '../fixtures/addresses';
import { chainReader } from '../fixtures/chain';
import { decide } from '../fixtures/confirm-window';
import { expect, test } from '../fixtures/test';

const EVENT_NAMES = ['txfw:guard-hello', 'txfw:bridge-hello', 'txfw:to-bridge', 'txfw:to-guard'];

test('forged and replayed decisions do not release a request that waits on the user', async ({ openDapp, firewall, contracts, server, anvil }) => {
  const page = await openDapp();
  // The attacker records every event and message it can observe, from the start of its life.
  await page.evaluate((names) => {
    const seen: { type: string; detail: unknown }[] = [];
    (window as unknown as { seen: typeof seen }).seen = seen;
    for (const target of [window, document]) {
      for (const name of [...names, 'message']) {
        target.addEventListener(name, (e) => seen.push({ type: e.type, detail: (e as CustomEvent).detail ?? (e as MessageEvent).data }), true);
      }
    }
  }, EVENT_NAMES);

  // A first request the user lets through, so there is a real decision to replay.
  const firstSpender = freshAddress();
  let confirm = firewall.nextConfirmWindow();
  const first = page.evaluate(([t, s]) => window.dapp.approveUnlimited('viem', t, s), [contracts.token, firstSpender] as const);
  await decide(await confirm, 'Continue');
  expect((await first).ok).toBe(true);

  // The request the attacker wants through.
  const victimSpender = freshAddress();
  confirm = firewall.nextConfirmWindow();
  const attempt = page.evaluate(([t, s]) => window.dapp.approveUnlimited('ethers', t, s), [contracts.token, victimSpender] as const);
  const dialog = await confirm;

  const attack = await page.evaluate(async (names) => {
    const seen = (window as unknown as { seen: { type: string; detail: unknown }[] }).seen;
    const replayed = seen.length;
    // 1. Replay everything observed.
    for (const { type, detail } of seen) {
      window.dispatchEvent(new CustomEvent(type, { detail }));
      document.dispatchEvent(new CustomEvent(type, { detail }));
      window.postMessage(detail, '*');
    }
    // 2. Forge decisions for every id shape, on every public target.
    const forged = (id: string) => JSON.stringify({ kind: 'decision', id, action: 'forward' });
    for (const id of ['0', '1', 'a'.repeat(32), '0'.repeat(32)]) {
      for (const name of names) {
        window.dispatchEvent(new CustomEvent(name, { detail: forged(id) }));
        document.dispatchEvent(new CustomEvent(name, { detail: forged(id) }));
      }
      window.postMessage({ type: 'decision', action: 'forward', guardId: id }, '*');
    }
    // 3. Ask the guard to hand over its channel again, and offer the bridge a fake one.
    let handedOver = false;
    const fake = document.createElement('span');
    window.addEventListener('txfw:guard-hello', (e) => (handedOver ||= (e as MouseEvent).relatedTarget !== fake), true);
    window.dispatchEvent(new Event('txfw:bridge-hello'));
    window.dispatchEvent(new MouseEvent('txfw:guard-hello', { relatedTarget: fake }));
    fake.dispatchEvent(new CustomEvent('txfw:to-guard', { detail: JSON.stringify({ kind: 'ack' }) }));
    // 4. Other doors into the wallet through the wrapper.
    const eth = window.ethereum as unknown as Record<string, (...a: unknown[]) => unknown>;
    const tx = { from: (await eth.request!({ method: 'eth_accounts' }) as string[])[0], to: '0x0000000000000000000000000000000000000001', data: '0x' };
    let syncThrew = false;
    try {
      eth.send!({ id: 1, jsonrpc: '2.0', method: 'eth_sendTransaction', params: [tx] });
    } catch {
      syncThrew = true;
    }
    const batch = await new Promise((resolve) =>
      eth.sendAsync!([{ id: 2, jsonrpc: '2.0', method: 'eth_sendTransaction', params: [tx] }, { id: 3, jsonrpc: '2.0', method: 'eth_sendTransaction', params: [tx] }], (e: { code?: number } | null) => resolve(e?.code)),
    );
    await new Promise((r) => setTimeout(r, 1000));
    return { replayed, handedOver, syncThrew, batch };
  }, EVENT_NAMES);

  expect(attack.handedOver).toBe(false);
  expect(attack.syncThrew).toBe(true);
  expect(attack.batch).toBe(-32602);
  // The page never saw a decision it could replay: the guard and bridge do not speak on window.
  expect(attack.replayed).toBe(0);
  // Nothing got through: the wallet saw only the first, user-approved request, and the window still waits.
  expect(server.walletLog.filter((e) => e.method === 'eth_sendTransaction')).toHaveLength(1);
  expect(dialog.isClosed()).toBe(false);
  expect(await chainReader(anvil.url).allowance(contracts.token, victimSpender)).toBe(0n);

  await decide(dialog, 'Reject');
  expect((await attempt).rpcCode).toBe(4001);
  expect(server.walletLog.filter((e) => e.method === 'eth_sendTransaction')).toHaveLength(1);
  expect(await chainReader(anvil.url).allowance(contracts.token, firstSpender)).toBe(maxUint256);
});

test('a page cannot open or frame the confirm window to answer it', async ({ openDapp, firewall, contracts, server }) => {
  const page = await openDapp();
  const confirm = firewall.nextConfirmWindow();
  const attempt = page.evaluate(([t, s]) => window.dapp.approveUnlimited('viem', t, s), [contracts.token, freshAddress()] as const);
  const dialog = await confirm;
  const requestId = new URL(dialog.url()).searchParams.get('id');
  const framed = await page.evaluate(async (url) => {
    const frame = document.createElement('iframe');
    frame.src = url;
    document.body.append(frame);
    await new Promise((r) => setTimeout(r, 500));
    try {
      return frame.contentDocument?.querySelector('button') ? 'reachable' : 'blocked';
    } catch {
      return 'blocked';
    }
  }, `chrome-extension://${firewall.extensionId}/confirm.html?id=${requestId}`);
  expect(framed).toBe('blocked');
  expect(server.walletLog.filter((e) => e.method === 'eth_sendTransaction')).toHaveLength(0);
  await decide(dialog, 'Reject');
  expect((await attempt).rpcCode).toBe(4001);
});
