// The six classes of bypass from the attacker's review (issue 15), each tried with its variants
// against the built extension and test wallets whose methods are plain (ES5-style) functions: every
// attempt must reach the user (a window opens, Reject gives 4001, the wallet sees nothing), and the
// ordinary request of the same shape must still pass.
import type { Frame, Page } from '@playwright/test';
import { RECIPIENT } from '../fixtures/addresses';
import { decide } from '../fixtures/confirm-window';
import { ACCOUNT, KEEP_SETTLE, REQUEST, approval, expectHeld, openHostile, runAttack, sent } from '../fixtures/hostile';
import { expect, test, type Firewall } from '../fixtures/test';
import type { TestServer } from '../fixtures/server';

const CALLBACK_NEW = `return new Promise((resolve, reject) => { new ethereum.sendAsync({ id: 1, jsonrpc: '2.0', method: 'eth_sendTransaction', params: [tx] }, (e, r) => (e ? reject(e) : resolve(r.result))); });`;

/** Paths to a wallet function by `new` or under another name; `plain` ones need functions with a `prototype`. */
const CONSTRUCT_ATTACKS: Record<string, { code: string; plain?: boolean }> = {
  'new ethereum.send(method, params)': { code: `return new ethereum.send('eth_sendTransaction', [tx]);` },
  'new ethereum.request(...)': { code: `return new ethereum.request(${REQUEST});` },
  'new ethereum.sendAsync(payload, callback)': { code: CALLBACK_NEW },
  'Reflect.construct(ethereum.send, ...)': { code: `return Reflect.construct(ethereum.send, ['eth_sendTransaction', [tx]]);` },
  'new on an EIP-6963 provider': { code: `return new saved.announced[0].request(${REQUEST});` },
  'send.prototype.constructor(...)': { code: `return ethereum.send.prototype.constructor('eth_sendTransaction', [tx]);`, plain: true },
  'new send.prototype.constructor(...)': { code: `return new ethereum.send.prototype.constructor('eth_sendTransaction', [tx]);`, plain: true },
  'request.prototype.constructor bound': { code: `return ethereum.request.prototype.constructor.bind(ethereum)(${REQUEST});`, plain: true },
  'descriptor of send.prototype, then constructor': { code: `return Object.getOwnPropertyDescriptor(ethereum.send, 'prototype').value.constructor('eth_sendTransaction', [tx]);`, plain: true },
  'a class extending request': { code: `class Mine extends ethereum.request {} return new Mine(${REQUEST});`, plain: true },
  'EIP-6963 provider send.prototype.constructor': { code: `return saved.announced[0].send.prototype.constructor('eth_sendTransaction', [tx]);`, plain: true },
};

/** Page code never runs with a wallet function as `this`: the receiver of a setter, a method hung on it. */
const THIS_ATTACKS: Record<string, string> = {
  'setter on Function.prototype written through a wallet function': `let raw; Object.defineProperty(Function.prototype, '__grab', { set() { raw = this; }, configurable: true });
    ethereum.send.__grab = 1; delete Function.prototype.__grab; return raw('eth_sendTransaction', [tx]);`,
  'a page method hung on a wallet function': `ethereum.request.__me = function () { return this; }; const raw = ethereum.request.__me(); return (raw.request ? raw.request(${REQUEST}) : raw(${REQUEST}));`,
};

/** The plain wallet also has its request under a second name and an internal handler of its own. */
const ALIAS_ATTACKS: Record<string, string> = {
  'the same request function under another name': `return ethereum._request(${REQUEST});`,
  'an internal function taking (method, params)': `return ethereum._handle('eth_sendTransaction', [tx]);`,
  'an internal function, constructed': `return new ethereum._handle('eth_sendTransaction', [tx]);`,
};

for (const wallet of ['plain', 'es5', 'class'] as const) {
  test(`class 1: wallet functions reached with new or under another name are gated (${wallet} wallet)`, async ({ page, firewall, server, contracts }) => {
    test.setTimeout(120_000);
    await openHostile(page, `${server.url}/hostile.html?wallet=${wallet}`);
    for (const [label, { code, plain }] of Object.entries(CONSTRUCT_ATTACKS)) {
      if (plain && wallet === 'class') continue; // concise methods have no prototype to reach
      await expectHeld(firewall, server.walletLog, () => runAttack(page, code, approval(contracts.token)), `${wallet}: ${label}`);
    }
    for (const [label, code] of Object.entries(THIS_ATTACKS)) {
      await expectHeld(firewall, server.walletLog, () => runAttack(page, code, approval(contracts.token)), `${wallet}: ${label}`);
    }
    if (wallet !== 'plain') return;
    for (const [label, code] of Object.entries(ALIAS_ATTACKS)) {
      await expectHeld(firewall, server.walletLog, () => runAttack(page, code, approval(contracts.token)), `${wallet}: ${label}`);
    }
    // The same paths with a harmless read still reach the wallet at once.
    const before = server.walletLog.length;
    const read = await runAttack(page, `return ethereum._handle('eth_chainId', []);`, {});
    expect(read).toMatchObject({ ok: true, result: '0x7a69' });
    expect(server.walletLog.slice(before).map((e) => e.method)).toEqual(['eth_chainId']);
  });
}

// In a prepared frame the wallet's own in-page code, run before the firewall's, would announce itself with
// the page's Object.freeze: out of scope (README), and the browser, not the test, decides which extension
// runs first. So the wallets of these frames start a moment later (`late=1`), after the firewall.
/**
 * Runs in the hostile page: creates a same-origin frame (or popup), and while it is still the initial
 * about:blank, patches its built-ins, shadows Reflect with a global `let`, listens for the guard's
 * handshake on its window, and for a popup cuts the opener. Everything caught lands in `window.caught`.
 */
const PREPARE = (kind: 'iframe' | 'srcdoc' | 'popup', url: string) => `
  window.caught = [];
  let w;
  if (${kind !== 'popup'}) {
    const f = document.createElement('iframe');
    if (${kind === 'srcdoc'}) f.srcdoc = '<!doctype html><title>' + ${JSON.stringify(url)} + '</title>';
    else f.src = ${JSON.stringify(url)};
    document.body.append(f);
    w = f.contentWindow;
  } else {
    w = window.open(${JSON.stringify(url)}, '_blank');
  }
  window.prepared = w;
  const caught = window.caught;
  const set = w.WeakMap.prototype.set;
  w.WeakMap.prototype.set = function (k, v) { caught.push(k); window.caughtBy = (window.caughtBy || '') + 'weakmap,'; return set.call(this, k, v); };
  const freeze = w.Object.freeze;
  w.Object.freeze = function (o) { if (o && o.provider) { caught.push(o.provider); window.caughtBy = (window.caughtBy || '') + 'freeze,'; } return freeze(o); };
  w.addEventListener('txfw:guard-hello', (e) => caught.push(e.relatedTarget), true);
  w.addEventListener('eip6963:announceProvider', (e) => caught.push(e.detail && e.detail.provider), true);
  const s = w.document.createElement('script');
  s.textContent = 'let Reflect = new Proxy(window.Reflect, { get(t, k) { return t[k]; } });';
  w.document.documentElement.append(s);
  if (${kind === 'popup'}) w.opener = null;
  return Promise.resolve(true);
`;

/** What the page caught: providers it could call, and any channel node. */
async function caughtSummary(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { caught: unknown[] };
    return w.caught.map((c) => (c && typeof c === 'object' && 'request' in c ? 'provider' : c instanceof Node ? 'node' : typeof c));
  });
}

/** Every provider the page caught, asked for the approval: each must be held (they are all wrapped). */
async function tryCaughtProviders(page: Page, firewall: Firewall, server: TestServer, token: string, label: string): Promise<void> {
  const count = await page.evaluate(() => (window as unknown as { caught: unknown[] }).caught.filter((c) => c && typeof c === 'object' && 'request' in c).length);
  label = `${label} [caught by ${await page.evaluate(() => (window as unknown as { caughtBy?: string }).caughtBy ?? 'announce listener')}]`;
  for (let i = 0; i < count; i++) {
    const attack = `const p = window.caught.filter((c) => c && typeof c === 'object' && 'request' in c)[${i}]; return p.request(${REQUEST});`;
    await expectHeld(firewall, server.walletLog, () => runAttack(page, attack, approval(token)), `${label}: caught provider ${i}`);
  }
}

/** A request from the prepared frame is held, and for its tampering. */
function expectTamperHeld(firewall: Firewall, server: TestServer, target: Frame | Page, tx: object, label: string): Promise<void> {
  return expectHeld(firewall, server.walletLog, () => runAttack(target, `return ethereum.request(${REQUEST});`, tx), label, 'context.tampered-frame');
}

test('class 2: a same-origin frame the page prepared while it was about:blank hands the page nothing, and everything from it is held', async ({ page, firewall, server, contracts }) => {
  test.setTimeout(90_000);
  await openHostile(page, `${server.url}/hostile.html?wallet=plain`);
  await runAttack(page, PREPARE('iframe', '/hostile.html?wallet=plain&late=1&inner=1'), {});
  const inner = () => page.frames().find((f) => f.url().includes('inner=1'));
  await expect.poll(() => !!inner()).toBe(true);
  const frame = inner()!;
  await frame.waitForFunction(() => !!(window as unknown as { ethereum?: unknown }).ethereum);
  await frame.evaluate(KEEP_SETTLE);
  // The realm was kept (the attack is real) and nothing the page set up saw the wallet or the channel.
  expect(await frame.evaluate(() => (window as unknown as { prepared?: unknown }).prepared === undefined && window === (window.parent as unknown as { prepared: Window }).prepared)).toBe(true);
  expect((await caughtSummary(page)).filter((c) => c === 'node')).toEqual([]);
  await tryCaughtProviders(page, firewall, server, contracts.token, 'iframe');
  // Even a harmless send from the prepared frame is held, and the dangerous one too.
  await expectTamperHeld(firewall, server, frame, { from: ACCOUNT, to: RECIPIENT, value: '0x1' }, 'harmless send from the prepared frame');
  await expectTamperHeld(firewall, server, frame, approval(contracts.token), 'approval from the prepared frame');
  expect(sent(server.walletLog)).toHaveLength(0);
});

test('class 2: an about:srcdoc frame the page prepared the same way is held too', async ({ page, firewall, server, contracts }) => {
  await openHostile(page, `${server.url}/hostile.html?wallet=plain&late=1`);
  await runAttack(page, PREPARE('srcdoc', 'inner=5'), {});
  const inner = () => page.frames().find((f) => f.url() === 'about:srcdoc');
  await expect.poll(() => !!inner()).toBe(true);
  const frame = inner()!;
  await frame.waitForFunction(() => !!(window as unknown as { ethereum?: unknown }).ethereum);
  await frame.evaluate(KEEP_SETTLE);
  expect((await caughtSummary(page)).filter((c) => c === 'node')).toEqual([]);
  await tryCaughtProviders(page, firewall, server, contracts.token, 'srcdoc');
  await expectTamperHeld(firewall, server, frame, approval(contracts.token), 'approval from the prepared srcdoc frame');
});

test('class 2: a same-origin popup the page prepared and cut from its opener is held the same way', async ({ context, page, firewall, server, contracts }) => {
  test.setTimeout(90_000);
  await openHostile(page, `${server.url}/hostile.html?wallet=plain`);
  const opened = context.waitForEvent('page', { predicate: (p) => p.url().includes('inner=2') });
  await runAttack(page, PREPARE('popup', '/hostile.html?wallet=plain&late=1&inner=2'), {});
  const popup = await opened;
  await popup.waitForFunction(() => !!(window as unknown as { ethereum?: unknown }).ethereum);
  await popup.evaluate(KEEP_SETTLE);
  expect(await popup.evaluate(() => window.opener === null)).toBe(true);
  expect((await caughtSummary(page)).filter((c) => c === 'node')).toEqual([]);
  await tryCaughtProviders(page, firewall, server, contracts.token, 'popup');
  await expectTamperHeld(firewall, server, popup, approval(contracts.token), 'approval from the prepared popup');
  await popup.close();
});

test('class 2, the other way: an ordinary same-origin frame is not called tampered and its harmless send passes', async ({ page, firewall, server, contracts }) => {
  await page.goto(`${server.url}/frame.html?src=${encodeURIComponent('/hostile.html?wallet=plain&inner=3')}`);
  const inner = () => page.frames().find((f) => f.url().includes('inner=3'));
  await expect.poll(() => !!inner()).toBe(true);
  const frame = inner()!;
  await frame.waitForFunction(() => !!(window as unknown as { ethereum?: unknown }).ethereum);
  await frame.evaluate(KEEP_SETTLE);
  const safe = await runAttack(frame, `return ethereum.request(${REQUEST});`, { from: ACCOUNT, to: RECIPIENT, value: '0x1' });
  expect(safe.ok, JSON.stringify(safe)).toBe(true);
  expect(safe.result).toMatch(/^0x[0-9a-f]{64}$/);
  // A dangerous request from it is held for what it is, not for tampering.
  const confirm = firewall.nextConfirmWindow();
  const outcome = runAttack(frame, `return ethereum.request(${REQUEST});`, approval(contracts.token));
  const dialog = await confirm;
  await dialog.getByTestId('verdict').waitFor();
  await expect(dialog.locator('[data-id="context.tampered-frame"]')).toHaveCount(0);
  await decide(dialog, 'Reject');
  expect(await outcome).toMatchObject({ ok: false, code: 4001 });
});

/** Methods outside the old guarded list: each is held (Reject gives 4001 and the wallet sees nothing). */
const UNLISTED: Record<string, string> = {
  eth_sendTransactionSync: `return ethereum.request({ method: 'eth_sendTransactionSync', params: [tx] });`,
  eth_sendUnsignedTransaction: `return ethereum.request({ method: 'eth_sendUnsignedTransaction', params: [tx] });`,
  personal_sendTransaction: `return ethereum.request({ method: 'personal_sendTransaction', params: [tx, 'passphrase'] });`,
  wallet_grantPermissions: `return ethereum.request({ method: 'wallet_grantPermissions', params: [{ chainId: '0x7a69', address: tx.from, expiry: 1893456000, signer: { type: 'account', data: { id: tx.to } }, permissions: [{ type: 'native-token-recurring-allowance', data: { allowance: '0x3635c9adc5dea00000', start: 1, period: 86400 } }] }] });`,
  wallet_requestExecutionPermissions: `return ethereum.request({ method: 'wallet_requestExecutionPermissions', params: [{ chainId: '0x7a69', address: tx.from, signer: { type: 'account', data: { address: tx.to } }, permission: { type: 'erc20-token-stream', data: { tokenAddress: tx.to } } }] });`,
  wallet_sendPreparedCalls: `return ethereum.request({ method: 'wallet_sendPreparedCalls', params: [{ type: 'user-operation-v07', data: {}, chainId: '0x7a69', signature: '0x00' }] });`,
  'wallet_requestPermissions for a snap': `return ethereum.request({ method: 'wallet_requestPermissions', params: [{ wallet_snap: { caveats: [{ type: 'snapIds', value: { 'npm:evil': {} } }] } }] });`,
  'a signing method in upper case': `return ethereum.request({ method: 'ETH_SENDTRANSACTION', params: [tx] });`,
  'send(method, params) of a new method': `return ethereum.send('eth_sendTransactionSync', [tx]);`,
};

test('class 6: methods outside the old guarded list are held; reads and a plain connection pass', async ({ page, firewall, server, contracts }) => {
  test.setTimeout(120_000);
  await openHostile(page, `${server.url}/hostile.html?wallet=plain`);
  for (const [label, code] of Object.entries(UNLISTED)) {
    await expectHeld(firewall, server.walletLog, () => runAttack(page, code, approval(contracts.token)), label);
  }
  const before = server.walletLog.length;
  for (const code of [
    `return ethereum.request({ method: 'wallet_getCapabilities', params: [tx.from] });`,
    `return ethereum.request({ method: 'wallet_requestPermissions', params: [{ eth_accounts: {} }] });`,
    `return ethereum.request({ method: 'eth_getBalance', params: [tx.from, 'latest'] });`,
  ]) {
    await runAttack(page, code, approval(contracts.token));
  }
  expect(server.walletLog.slice(before).map((e) => e.method)).toEqual(['wallet_getCapabilities', 'wallet_requestPermissions', 'eth_getBalance']);
});

test('a trusted or paused site does not lend its trust to a cross-origin frame it embeds', async ({ page, firewall, server, contracts }) => {
  const top = new URL(server.url).origin;
  await firewall.setStorage({ trustedSites: [top], pausedSites: [top] });
  await page.goto(`${server.url}/frame.html?src=${encodeURIComponent(`${server.otherOrigin}/hostile.html?wallet=plain&inner=4`)}`);
  const inner = () => page.frames().find((f) => f.url().includes('inner=4'));
  await expect.poll(() => !!inner()).toBe(true);
  const frame = inner()!;
  await frame.waitForFunction(() => !!(window as unknown as { ethereum?: unknown }).ethereum);
  await frame.evaluate(KEEP_SETTLE);
  await expectHeld(firewall, server.walletLog, () => runAttack(frame, `return ethereum.request(${REQUEST});`, approval(contracts.token)), 'cross-origin frame in a paused, trusted site');
  // The site's own page is paused, as the user asked.
  await page.evaluate(KEEP_SETTLE);
  await page.waitForFunction(() => !!(window as unknown as { ethereum?: unknown }).ethereum);
  const own = await runAttack(page, `return ethereum.request(${REQUEST});`, approval(contracts.token));
  expect(own.ok, JSON.stringify(own)).toBe(true);
});

/** EIP-2612 typed data for the test token; `extra` is merged into the message, `types` may replace the Permit fields. */
const PERMIT = (token: string, spender: string, message: Record<string, unknown>, permitFields = [
  { name: 'owner', type: 'address' }, { name: 'spender', type: 'address' }, { name: 'value', type: 'uint256' }, { name: 'nonce', type: 'uint256' }, { name: 'deadline', type: 'uint256' },
]) => JSON.stringify({
  types: { EIP712Domain: [{ name: 'name', type: 'string' }, { name: 'version', type: 'string' }, { name: 'chainId', type: 'uint256' }, { name: 'verifyingContract', type: 'address' }], Permit: permitFields },
  primaryType: 'Permit',
  domain: { name: 'Test Token', version: '1', chainId: 31337, verifyingContract: token },
  message: { owner: ACCOUNT, spender, nonce: 0, deadline: 4102444800, ...message },
});
const SIGN = (typed: string) => `return ethereum.request({ method: 'eth_signTypedData_v4', params: [${JSON.stringify(ACCOUNT)}, ${JSON.stringify(typed)}] });`;
const STRANGER = '0x8ba1f109551bD432803012645Ac136ddd64DBA72';
const UNLIMITED = `0x${'f'.repeat(64)}`;

test('classes 3, 4 and 5: a request the firewall and a wallet could read differently is held; its ordinary twin passes', async ({ page, firewall, server, contracts }) => {
  test.setTimeout(120_000);
  await openHostile(page, `${server.url}/hostile.html?wallet=plain`);
  const held: Record<string, string> = {
    'unlimited permit with an undeclared allowed: false': SIGN(PERMIT(contracts.token, STRANGER, { value: UNLIMITED, allowed: false })),
    'permit amount written in octal': SIGN(PERMIT(contracts.token, STRANGER, { value: `0o${'7'.repeat(85)}` })),
    'permit amount written in binary': SIGN(PERMIT(contracts.token, STRANGER, { value: `0b${'1'.repeat(256)}` })),
    'permit amount that cannot be read': SIGN(PERMIT(contracts.token, STRANGER, { value: 'lots' })),
    'value hidden behind an own __proto__ key': `return ethereum.request({ method: 'eth_sendTransaction', params: [JSON.parse('{"from":"${ACCOUNT}","to":"${RECIPIENT}","__proto__":{"value":"0x3635c9adc5dea00000"}}')] });`,
    'call data hidden behind an own __proto__ key': `return ethereum.request({ method: 'eth_sendTransaction', params: [JSON.parse('{"from":"${ACCOUNT}","to":"' + tx.to + '","__proto__":{"data":"' + tx.data + '"}}')] });`,
    'value in decimal digits (a wallet reading hex sends 1.15 ETH)': `return ethereum.request({ method: 'eth_sendTransaction', params: [{ from: tx.from, to: ${JSON.stringify(RECIPIENT)}, value: '1000000000000000' }] });`,
    'call data with a nibble added': `return ethereum.request({ method: 'eth_sendTransaction', params: [{ from: tx.from, to: tx.to, data: tx.data + '0' }] });`,
  };
  for (const [label, code] of Object.entries(held)) {
    await expectHeld(firewall, server.walletLog, () => runAttack(page, code, approval(contracts.token)), label);
  }
  // The same shapes as wallets and viem write them pass without a window.
  const plain: Record<string, string> = {
    'DAI-style permit that really revokes': SIGN(PERMIT(contracts.token, STRANGER, { allowed: false, expiry: 0 }, [
      { name: 'holder', type: 'address' }, { name: 'spender', type: 'address' }, { name: 'nonce', type: 'uint256' }, { name: 'expiry', type: 'uint256' }, { name: 'allowed', type: 'bool' },
    ]).replace(`"owner":"${ACCOUNT}"`, `"holder":"${ACCOUNT}"`)),
    'the 0.001 ETH in hex': `return ethereum.request({ method: 'eth_sendTransaction', params: [{ from: tx.from, to: ${JSON.stringify(RECIPIENT)}, value: '0x38d7ea4c68000' }] });`,
  };
  for (const [label, code] of Object.entries(plain)) {
    const outcome = await runAttack(page, code, approval(contracts.token));
    expect(outcome.ok, `${label}: ${JSON.stringify(outcome)}`).toBe(true);
  }
});
