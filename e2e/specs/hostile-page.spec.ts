// A page that attacks the guard itself: it keeps references from its first script, digs for the
// wallet's own functions behind the wrapper, replaces window.ethereum, patches the built-ins the guard
// uses, floods it, and asks from sandboxed frames and windows it opens. For each attack the request
// must reach the user (a confirm window opens, Reject gives 4001 and the wallet sees nothing) or the
// page must get no wallet at all; a flood is refused and reported on the toolbar icon and the popup.
import type { Page } from '@playwright/test';
import { RECIPIENT } from '../fixtures/addresses';
import { decide } from '../fixtures/confirm-window';
import { ACCOUNT, CALLBACK, REQUEST, approval, expectHeld, openHostile, runAttack, sent, type Outcome } from '../fixtures/hostile';
import { expect, test } from '../fixtures/test';

/** Every way to the wallet's own request function that a page can find behind the wrapper. */
const REFERENCE_ATTACKS: Record<string, string> = {
  'window.ethereum saved by the first script': `return saved.ethereum.request(${REQUEST});`,
  'EIP-6963 provider saved by the first script': `return saved.announced[0].request(${REQUEST});`,
  'request taken off the provider': `const { request } = ethereum; return request(${REQUEST});`,
  'request bound to another object': `return ethereum.request.bind({})(${REQUEST});`,
  'Reflect.apply with a null this': `return Reflect.apply(ethereum.request, null, [${REQUEST}]);`,
  'Function.prototype.call.call': `return Function.prototype.call.call(ethereum.request, ethereum, ${REQUEST});`,
  'Object.getPrototypeOf(ethereum).request': `return Object.getPrototypeOf(ethereum).request.call(ethereum, ${REQUEST});`,
  'ethereum.__proto__.request': `return ethereum.__proto__.request.call(ethereum, ${REQUEST});`,
  'ethereum.constructor.prototype.request': `return ethereum.constructor.prototype.request.call(ethereum, ${REQUEST});`,
  'descriptor of constructor.prototype': `return Object.getOwnPropertyDescriptor(ethereum.constructor, 'prototype').value.request.call(undefined, ${REQUEST});`,
  'descriptor of the prototype\'s request': `return Object.getOwnPropertyDescriptor(Object.getPrototypeOf(ethereum), 'request').value.call(ethereum, ${REQUEST});`,
  'getOwnPropertyDescriptors of the prototype': `return Object.getOwnPropertyDescriptors(Object.getPrototypeOf(ethereum)).request.value(${REQUEST});`,
  'object inheriting from the provider': `return Object.create(ethereum).request(${REQUEST});`,
  'send(method, params)': `return ethereum.send('eth_sendTransaction', [tx]);`,
  'prototype sendAsync': CALLBACK('Object.getPrototypeOf(ethereum).sendAsync.bind(ethereum)'),
  'MetaMask-style _rpcRequest': CALLBACK('ethereum._rpcRequest.bind(ethereum)'),
  'EIP-6963 re-announcement caught by a patched Object.freeze': `let raw; const freeze = Object.freeze;
    Object.freeze = (o) => { if (o && o.provider) raw = raw || o.provider; return freeze(o); };
    window.dispatchEvent(new Event('eip6963:requestProvider')); Object.freeze = freeze;
    return (raw || saved.announced[0]).request(${REQUEST});`,
  'EIP-6963 request sent with a fresh frame\'s dispatchEvent': `let raw; const freeze = Object.freeze;
    Object.freeze = (o) => { if (o && o.provider) raw = raw || o.provider; return freeze(o); };
    const f = document.createElement('iframe'); document.body.append(f);
    f.contentWindow.EventTarget.prototype.dispatchEvent.call(window, new Event('eip6963:requestProvider'));
    Object.freeze = freeze; f.remove();
    return (raw || saved.announced[0]).request(${REQUEST});`,
  'a provider built from the wallet\'s class': `return new ethereum.constructor().request(${REQUEST});`,
  'getter on Object.prototype returning this': `Object.defineProperty(Object.prototype, '__me', { get() { return this; }, configurable: true });
    const raw = ethereum.__me; delete Object.prototype.__me; return raw.request(${REQUEST});`,
  'method on Object.prototype returning this': `Object.prototype.__me = function () { return this; };
    const raw = ethereum.__me(); delete Object.prototype.__me; return raw.request(${REQUEST});`,
  'method the page adds to the provider': `ethereum.__me = function () { return this; }; return ethereum.__me().request(${REQUEST});`,
  'method the page adds to the prototype': `Object.getPrototypeOf(ethereum).__me2 = function () { return this; }; return ethereum.__me2().request(${REQUEST});`,
  'setter on Object.prototype': `let raw; Object.defineProperty(Object.prototype, '__set', { set(v) { raw = this; }, configurable: true });
    ethereum.__set = 1; delete Object.prototype.__set; return raw.request(${REQUEST});`,
  'getter on Function.prototype returning this': `Object.defineProperty(Function.prototype, '__fn', { get() { return this; }, configurable: true });
    const raw = ethereum.request.__fn; delete Function.prototype.__fn; return raw(${REQUEST});`,
  'listener the wallet calls with itself as this': `let raw; ethereum.on('probe', function () { raw = this; });
    window.dispatchEvent(new CustomEvent('testwallet:emit', { detail: { event: 'probe', args: [] } })); return raw.request(${REQUEST});`,
  'send with a patched array iterator': `const it = Array.prototype[Symbol.iterator]; Array.prototype[Symbol.iterator] = function* () {};
    try { return ethereum.send('eth_sendTransaction', [tx]); } finally { Array.prototype[Symbol.iterator] = it; }`,
  'sendAsync with a patched array iterator': `const it = Array.prototype[Symbol.iterator]; Array.prototype[Symbol.iterator] = function* () {};
    try { ${CALLBACK('ethereum.sendAsync.bind(ethereum)').replace('return ', 'return ')} } finally { Array.prototype[Symbol.iterator] = it; }`,
};

test('references kept from the first script and functions dug out from behind the wrapper are all guarded (methods on a class)', async ({ page, firewall, server, contracts }) => {
  test.setTimeout(120_000);
  await openHostile(page, `${server.url}/hostile.html?wallet=class`);
  for (const [label, attack] of Object.entries(REFERENCE_ATTACKS)) {
    await expectHeld(firewall, server.walletLog, () => runAttack(page, attack, approval(contracts.token)), label);
  }
});

test('own-property descriptors of a plain-object wallet hand out guarded functions', async ({ page, firewall, server, contracts }) => {
  await openHostile(page, `${server.url}/hostile.html`);
  const attacks = {
    'descriptor value': `return Object.getOwnPropertyDescriptor(ethereum, 'request').value(${REQUEST});`,
    'Object.entries': `return Object.entries(ethereum).find(([k]) => k === 'request')[1](${REQUEST});`,
    'spread copy': `return ({ ...ethereum }).request(${REQUEST});`,
  };
  for (const [label, attack] of Object.entries(attacks)) {
    await expectHeld(firewall, server.walletLog, () => runAttack(page, attack, approval(contracts.token)), label);
  }
});

test('replacing or deleting window.ethereum after load gives the page no unguarded wallet', async ({ page, firewall, server, contracts }) => {
  await openHostile(page, `${server.url}/hostile.html`);
  // Deleted, then put back through a pristine defineProperty taken from a fresh frame.
  const state = await page.evaluate(() => {
    const w = window as unknown as { ethereum?: unknown; saved: { announced: unknown[] } };
    delete w.ethereum;
    const gone = w.ethereum === undefined;
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const pristineDefine = (frame.contentWindow as unknown as { Object: ObjectConstructor }).Object.defineProperty;
    pristineDefine(window, 'ethereum', { value: w.saved.announced[0], configurable: true, writable: true });
    return { gone, back: w.ethereum === w.saved.announced[0] };
  });
  expect(state).toEqual({ gone: true, back: true });
  await expectHeld(firewall, server.walletLog, () => runAttack(page, `return ethereum.request(${REQUEST});`, approval(contracts.token)), 'put back with a pristine defineProperty');

  // Replaced by the page's own object that forwards to a provider it kept.
  await page.evaluate(() => {
    const w = window as unknown as { ethereum?: { request: (a: unknown) => unknown }; saved: { ethereum: { request: (a: unknown) => unknown } } };
    w.ethereum = { request: (a: unknown) => w.saved.ethereum.request(a) };
  });
  await expectHeld(firewall, server.walletLog, () => runAttack(page, `return ethereum.request(${REQUEST});`, approval(contracts.token)), 'replaced by a forwarding object');
});

test('getters that throw or change between reads end in a clear error or in what was checked', async ({ page, server, contracts }) => {
  await openHostile(page, `${server.url}/hostile.html`);
  const throwing = await runAttack(page, `return ethereum.request({ get method() { throw new Error('boom'); } });`, {});
  expect(throwing).toMatchObject({ ok: false, code: -32602 });
  const cyclic = await runAttack(page, `const p = [tx]; p.push(p); return ethereum.request({ method: 'eth_sendTransaction', params: p });`, approval(contracts.token));
  expect(cyclic).toMatchObject({ ok: false, code: -32602 });
  const trap = await runAttack(page, `return ethereum.request({ method: 'eth_sendTransaction', params: new Proxy([tx], { get() { throw new Error('trap'); } }) });`, approval(contracts.token));
  expect(trap).toMatchObject({ ok: false, code: -32602 });
  expect(sent(server.walletLog)).toHaveLength(0);

  // A method that reads as harmless first and as a signing request afterwards: the wallet gets the first.
  const before = server.walletLog.length;
  const shifty = await runAttack(
    page,
    `let reads = 0; return ethereum.request({ get method() { return reads++ === 0 ? 'eth_chainId' : 'eth_sendTransaction'; }, params: [tx] });`,
    approval(contracts.token),
  );
  // The wallet was asked for eth_chainId (which anvil may refuse with these params), never to send.
  expect(shifty.result ?? '').not.toMatch(/^0x[0-9a-f]{64}$/);
  expect(server.walletLog.slice(before).map((e) => e.method)).toEqual(['eth_chainId']);

  // The same through sendAsync: the wallet gets the payload as read once.
  const before2 = server.walletLog.length;
  await runAttack(
    page,
    `let reads = 0; return new Promise((resolve, reject) => ethereum.sendAsync({ id: 1, jsonrpc: '2.0', get method() { return reads++ === 0 ? 'eth_chainId' : 'eth_sendTransaction'; }, params: [tx] }, (e, r) => (e ? reject(e) : resolve(r.result))));`,
    approval(contracts.token),
  );
  expect(server.walletLog.slice(before2).map((e) => e.method)).toEqual(['eth_chainId']);
});

test('patched built-ins (events, Set, arrays, numbers, Promise, Function.prototype, crypto, timers) do not blind or unlock the guard', async ({ page, firewall, server, contracts }) => {
  await openHostile(page, `${server.url}/hostile.html`);
  const approve = approval(contracts.token);
  const safe = { from: ACCOUNT, to: RECIPIENT, value: '0x1' };
  const confirm = firewall.nextConfirmWindow();
  // The patches break Playwright's own in-page helpers too, so the page reports through its title.
  await page.evaluate(
    ([approve, safe]) => {
      const w = window as unknown as { ethereum: { request: (a: unknown) => Promise<unknown> }; __settle: (p: unknown) => Promise<Outcome>; __stringify: typeof JSON.stringify };
      const apply = Reflect.apply;
      const E = EventTarget.prototype;
      const dispatch = E.dispatchEvent;
      // Every event the page dispatches on any node also carries a forged "forward" decision.
      E.dispatchEvent = function (event: Event) {
        apply(dispatch, this, [new CustomEvent('txfw:to-guard', { detail: '{"kind":"decision","id":"x","action":"forward"}' })]);
        return apply(dispatch, this, [event]) as boolean;
      };
      E.addEventListener = () => {};
      E.removeEventListener = () => {};
      window.postMessage = () => {};
      // Make every method look unguarded, every array look empty or not an array.
      Set.prototype.has = () => false;
      Array.isArray = (() => false) as unknown as typeof Array.isArray;
      Array.prototype[Symbol.iterator] = function* () {} as unknown as typeof Array.prototype.values;
      // Make every id the guard draws the same, so one decision could release another request.
      Number.prototype.toString = () => '0';
      crypto.getRandomValues = <T,>(a: T) => a;
      // Take over every continuation (README: a page that lies about the chain through it is out of scope).
      const then = Promise.prototype.then;
      Promise.prototype.then = function (ok?: unknown, ko?: unknown) {
        return apply(then, this, [ok, ko]) as Promise<never>;
      };
      Function.prototype.call = function () {
        throw new Error('no call');
      };
      Function.prototype.apply = function () {
        throw new Error('no apply');
      };
      Reflect.apply = () => undefined;
      Date.now = () => 0;
      window.setTimeout = (() => 0) as unknown as typeof setTimeout;
      Object.defineProperty(Object.prototype, 'action', { get: () => 'forward', set() {}, configurable: true });
      Object.defineProperty(Object.prototype, 'release', { get: () => () => {}, set() {}, configurable: true });
      const stringify = w.__stringify;
      const outcomes: Record<string, Outcome> = {};
      const report = (k: string) => (o: Outcome) => {
        outcomes[k] = o;
        document.title = stringify(outcomes);
      };
      // A harmless send first, then the approval: with colliding ids, the first one's "forward" would release the second.
      void w.__settle(w.ethereum.request({ method: 'eth_sendTransaction', params: [safe] })).then(report('safe'));
      void w.__settle(w.ethereum.request({ method: 'eth_sendTransaction', params: [approve] })).then(report('approve'));
    },
    [approve, safe] as const,
  );
  const dialog = await confirm;
  expect(JSON.parse((await dialog.getByTestId('raw').textContent()) ?? '{}').params[0].data).toBe(approve.data);
  await expect.poll(() => page.title()).toContain('"safe"');
  expect(sent(server.walletLog).map((e) => (e.params as { to: string }[])[0]!.to)).toEqual([safe.to]);
  await decide(dialog, 'Reject');
  await expect.poll(() => page.title()).toContain('"approve"');
  expect(JSON.parse(await page.title())).toMatchObject({ safe: { ok: true }, approve: { ok: false, code: 4001 } });
  expect(sent(server.walletLog)).toHaveLength(1);
});

test('a patched JSON does not change what the guard checks', async ({ page, firewall, server, contracts }) => {
  await openHostile(page, `${server.url}/hostile.html`);
  const tx = approval(contracts.token);
  const confirm = firewall.nextConfirmWindow();
  await page.evaluate((tx) => {
    const w = window as unknown as { ethereum: { request: (a: unknown) => Promise<unknown> }; __settle: (p: unknown) => Promise<Outcome>; __stringify: typeof JSON.stringify };
    const parse = JSON.parse;
    JSON.parse = (text: string) => {
      const v = parse(text);
      if (v && v.kind === 'decision') v.action = 'forward';
      return v;
    };
    JSON.stringify = () => '{"method":"eth_chainId"}';
    const stringify = w.__stringify;
    void w.__settle(w.ethereum.request({ method: 'eth_sendTransaction', params: [tx] })).then((o) => (document.title = stringify(o)));
  }, tx);
  const dialog = await confirm;
  await expect(dialog.getByTestId('method')).toHaveText('eth_sendTransaction');
  expect(JSON.parse((await dialog.getByTestId('raw').textContent()) ?? '{}').params[0].data).toBe(tx.data);
  await decide(dialog, 'Reject');
  await expect.poll(() => page.title()).toContain('4001');
  expect(sent(server.walletLog)).toHaveLength(0);
});

test('a flood of signing requests opens a handful of windows, refuses the rest with 4001 and is reported', async ({ context, page, firewall, server, contracts }) => {
  await openHostile(page, `${server.url}/hostile.html`);
  // The user rejects every window as it opens; what matters is how many are open at once.
  const windows: Page[] = [];
  let open = 0;
  let mostOpen = 0;
  const onPage = (p: Page) => {
    if (!p.url().includes('/confirm.html')) return;
    windows.push(p);
    mostOpen = Math.max(mostOpen, ++open);
    p.on('close', () => open--);
    void decide(p, 'Reject').catch(() => {});
  };
  context.on('page', onPage);
  const FLOOD = 200;
  const txs = Array.from({ length: FLOOD }, () => approval(contracts.token));
  const outcomes = await page.evaluate(
    (txs) => {
      const w = window as unknown as { ethereum: { request: (a: unknown) => Promise<unknown> }; __settle: (p: unknown) => Promise<Outcome> };
      return Promise.all(txs.map((tx) => w.__settle(w.ethereum.request({ method: 'eth_sendTransaction', params: [tx] }))));
    },
    txs,
  );
  context.off('page', onPage);
  expect(outcomes).toHaveLength(FLOOD);
  expect(outcomes.every((o) => o.ok === false && o.code === 4001)).toBe(true);
  // Each request was either shown (and rejected) or refused outright, never both, never neither.
  const refused = outcomes.filter((o) => /more signing requests at once/.test(o.message ?? '')).length;
  expect(refused + windows.length).toBe(FLOOD);
  expect(mostOpen).toBeLessThanOrEqual(5);
  expect(windows.length).toBeLessThan(FLOOD / 4);
  console.log(`flood: ${FLOOD} requests, ${refused} refused at once, ${windows.length} windows, at most ${mostOpen} open together`);
  expect(sent(server.walletLog)).toHaveLength(0);

  // The toolbar icon of that tab carries the warning, and the popup says what happened.
  const worker = await firewall.serviceWorker();
  const badgeOfReportedTab = () =>
    worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      const keys = Object.keys(await c.storage.session.get(null)).filter((k) => k.startsWith('tamper:'));
      const tabs = (await c.tabs.query({ active: true, windowType: 'normal' })).map((t) => t.id!);
      return { reported: keys, badge: await Promise.all(tabs.map((tabId) => c.action.getBadgeText({ tabId }))) };
    });
  expect(await badgeOfReportedTab()).toEqual({ reported: [expect.stringMatching(/^tamper:\d+$/)], badge: ['!'] });
  const popupOpened = context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/popup.html') });
  // Opened in the background, the popup reads the hostile tab as the active one, as it does when clicked.
  await worker.evaluate((url) => (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.tabs.create({ url, active: false }), `chrome-extension://${firewall.extensionId}/popup.html`);
  const popup = await popupOpened;
  await expect(popup.getByTestId('tamper')).toContainText('flood of signing requests');

  // A new page in the tab starts clean.
  await popup.close();
  await page.goto(`${server.url}/dapp.html`);
  await expect.poll(badgeOfReportedTab).toEqual({ reported: [], badge: [''] });
});

test('a sandboxed frame asks: the request is held', async ({ page, firewall, server, contracts }) => {
  for (const sandbox of ['allow-scripts', 'allow-scripts allow-same-origin']) {
    await page.goto(`${server.url}/frame.html?src=${encodeURIComponent('/hostile.html')}&sandbox=${encodeURIComponent(sandbox)}`);
    const inner = () => page.frames().find((f) => f.url().includes('hostile.html'));
    await expect.poll(() => !!inner()).toBe(true);
    const frame = inner()!;
    await frame.waitForFunction(() => !!(window as unknown as { ethereum?: unknown }).ethereum);
    await expectHeld(firewall, server.walletLog, () => runAttack(frame, `return ethereum.request(${REQUEST});`, approval(contracts.token)), `sandbox="${sandbox}"`);
  }
});

test('windows and frames the page opens itself either have no wallet yet or a guarded one', async ({ context, page, firewall, server, contracts }) => {
  await openHostile(page, `${server.url}/hostile.html`);
  // The earliest moment a page can touch a new about:blank frame or window is synchronously after creating it.
  const early = await page.evaluate(() => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const popup = window.open('about:blank', '_blank');
    const w = window as unknown as Record<string, unknown>;
    w.earlyFrame = frame.contentWindow;
    w.earlyPopup = popup;
    return {
      frame: (frame.contentWindow as unknown as { ethereum?: unknown }).ethereum === undefined ? 'none' : 'present',
      popup: (popup as unknown as { ethereum?: unknown } | null)?.ethereum === undefined ? 'none' : 'present',
    };
  });
  for (const where of ['earlyFrame', 'earlyPopup'] as const) {
    const present = early[where === 'earlyFrame' ? 'frame' : 'popup'] === 'present';
    const attack = `const e = window['${where}'].ethereum; if (!e) return Promise.reject({ code: 'absent' }); return e.request(${REQUEST});`;
    if (present) {
      await expectHeld(firewall, server.walletLog, () => runAttack(page, attack, approval(contracts.token)), `${where} (present at once)`);
    } else {
      // Absent at first; whatever appears later must be guarded too.
      const later = await page.evaluate((w) => new Promise<boolean>((r) => setTimeout(() => r(!!((window as unknown as Record<string, { ethereum?: unknown }>)[w]?.ethereum)), 500)), where);
      if (later) await expectHeld(firewall, server.walletLog, () => runAttack(page, attack, approval(contracts.token)), `${where} (after a moment)`);
    }
  }

  // A same-origin window the page opens and drives from its own script.
  const opened = context.waitForEvent('page', { predicate: (p) => p.url().includes('/dapp.html') });
  await page.evaluate(() => {
    (window as unknown as { child: Window | null }).child = window.open('/dapp.html', '_blank');
  });
  const child = await opened;
  await child.waitForFunction(() => !!(window as unknown as { ethereum?: unknown }).ethereum);
  await expectHeld(firewall, server.walletLog, () => runAttack(page, `return window.child.ethereum.request(${REQUEST});`, approval(contracts.token)), 'window opened by the page');
  await child.close();
});

test('a page that keeps the wallet from saying its chain gets its transaction questioned, not passed unchecked', async ({ page, firewall, server }) => {
  await openHostile(page, `${server.url}/hostile.html`);
  // The first request of the page, then the page's thread is held past the guard's wait for the chain.
  const confirm = firewall.nextConfirmWindow();
  const outcome = page.evaluate(
    ([from, to]) => {
      const w = window as unknown as { ethereum: { request: (a: unknown) => Promise<unknown> }; __settle: (p: unknown) => Promise<Outcome> };
      const settled = w.__settle(w.ethereum.request({ method: 'eth_sendTransaction', params: [{ from, to, value: '0x1' }] }));
      const until = performance.now() + 2500;
      while (performance.now() < until) {
        // busy: no task of the page runs, the wallet's answer included
      }
      return settled;
    },
    [ACCOUNT, RECIPIENT] as const,
  );
  const dialog = await confirm;
  await expect(dialog.locator('[data-id="context.no-chain"]')).toBeVisible();
  await decide(dialog, 'Reject');
  expect(await outcome).toMatchObject({ ok: false, code: 4001 });
  expect(sent(server.walletLog)).toHaveLength(0);
});
