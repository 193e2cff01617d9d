// Firefox smoke test: loads the Firefox build (.output/firefox-mv3) into a stock Firefox (Debian's
// firefox-esr) through WebDriver BiDi, which Firefox speaks natively, and checks on a local page with a
// fake wallet that
//   1. the guard (MAIN-world content script) wrapped window.ethereum and its request method;
//   2. a harmless request (personal_sign) goes guard -> bridge -> background (event page) and back, and
//      reaches the wallet;
//   3. a dangerous one (eth_sign) is held: the wallet never sees it, the confirm window opens
//      (windows.create popup) with the verdict, and closing it rejects the request with 4001.
// Playwright cannot drive a stock Firefox, and no geckodriver is needed: BiDi's webExtension.install
// loads the unpacked build as a temporary add-on.
//
//   npm run smoke:firefox            (builds first; FIREFOX=/path/to/firefox to pick another binary)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NoAnswer, delay, withTimeout } from '../../common/timeout';

const FIREFOX = process.env.FIREFOX ?? 'firefox-esr';
const EXTENSION = resolve(process.env.EXTENSION_DIR ?? '.output/firefox-mv3');
const TIMEOUT_MS = 30_000;

// The page: a fake EIP-1193 wallet assigned to window.ethereum by an inline script, as wallets do.
const PAGE = `<!doctype html><meta charset="utf-8"><title>firefox smoke</title>
<script>
  const log = [];
  const fake = {
    isFake: true,
    async request({ method, params }) {
      log.push(method);
      if (method === 'eth_chainId') return '0x7a69';
      if (method === 'eth_accounts' || method === 'eth_requestAccounts') return ['0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'];
      if (method === 'personal_sign' || method === 'eth_sign') return '0x' + 'ab'.repeat(65);
      throw Object.assign(new Error('unsupported ' + method), { code: 4200 });
    },
    on() {}, removeListener() {},
  };
  window.__fake = fake;
  window.__log = log;
  window.ethereum = fake;
</script><p>firefox smoke page</p>`;

function serve(): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      ok({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/dapp.html` });
    }),
  );
}

type BidiEvent = { method: string; params: Record<string, unknown> };

class Bidi {
  private nextId = 1;
  private waiting = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  private listeners: ((e: BidiEvent) => void)[] = [];
  private constructor(private socket: WebSocket) {
    socket.addEventListener('message', (m) => {
      const data = JSON.parse(String(m.data)) as { id?: number; type: string; result?: unknown; error?: string; message?: string } & BidiEvent;
      if (data.type === 'event') return this.listeners.forEach((l) => l(data));
      const w = data.id !== undefined ? this.waiting.get(data.id) : undefined;
      if (!w) return;
      this.waiting.delete(data.id!);
      if (data.type === 'error') w.fail(new Error(`${data.error}: ${data.message}`));
      else w.ok(data.result);
    });
  }
  static open(url: string): Promise<Bidi> {
    const socket = new WebSocket(url);
    return new Promise((ok, fail) => {
      socket.addEventListener('open', () => ok(new Bidi(socket)));
      socket.addEventListener('error', () => fail(new Error(`cannot connect to ${url}`)));
    });
  }
  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ id, method, params }));
    return new Promise((ok, fail) => this.waiting.set(id, { ok: ok as (v: unknown) => void, fail }));
  }
  on(listener: (e: BidiEvent) => void) {
    this.listeners.push(listener);
  }
  close() {
    this.socket.close();
  }
}

/** Evaluates an expression in a context and returns its value (JSON round trip through the page). */
async function evaluate<T>(bidi: Bidi, context: string, expression: string): Promise<T> {
  const result = await bidi.send<{ type: string; result?: { type: string; value?: unknown }; exceptionDetails?: { text: string } }>('script.evaluate', {
    expression: `(async () => JSON.stringify(await (${expression})))()`,
    target: { context },
    awaitPromise: true,
  });
  if (result.type === 'exception') throw new Error(`page threw: ${result.exceptionDetails?.text}`);
  return JSON.parse(String(result.result?.value)) as T;
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(200);
  }
}

function check(ok: boolean, what: string, detail?: unknown) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail === undefined ? '' : ` (${JSON.stringify(detail)})`}`);
  if (!ok) process.exitCode = 1;
}

async function main() {
  const { server, url } = await serve();
  const profile = mkdtempSync(join(tmpdir(), 'txfw-firefox-'));
  // Only what a clean profile needs to start quietly; the Remote Agent applies its own recommended prefs.
  writeFileSync(join(profile, 'user.js'), ['user_pref("browser.shell.checkDefaultBrowser", false);', 'user_pref("datareporting.policy.dataSubmissionEnabled", false);'].join('\n'));
  const firefox = spawn(FIREFOX, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port=0', 'about:blank'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const listening = new Promise<string>((ok, fail) => {
    firefox.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const found = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(stderr);
      if (found) ok(found[1]!);
    });
    firefox.on('exit', (code) => fail(new Error(`Firefox exited (${code}):\n${stderr}`)));
  });
  const wsUrl = await withTimeout(listening, TIMEOUT_MS).catch((error: unknown) => {
    throw error instanceof NoAnswer ? new Error(`Firefox did not start its Remote Agent:\n${stderr}`) : error;
  });
  const bidi = await Bidi.open(`${wsUrl}/session`);
  try {
    const session = await bidi.send<{ capabilities: { browserName: string; browserVersion: string } }>('session.new', { capabilities: {} });
    console.log(`Firefox ${session.capabilities.browserVersion} (${FIREFOX}), extension ${EXTENSION}`);
    const installed = await bidi.send<{ extension: string }>('webExtension.install', { extensionData: { type: 'path', path: EXTENSION } });
    check(!!installed.extension, 'the Firefox build installs as a temporary add-on', installed.extension);

    const created: { context: string; url: string }[] = [];
    bidi.on((e) => {
      if (e.method === 'browsingContext.contextCreated' || e.method === 'browsingContext.navigationStarted') {
        created.push({ context: String(e.params.context), url: String(e.params.url) });
      }
    });
    await bidi.send('session.subscribe', { events: ['browsingContext.contextCreated', 'browsingContext.navigationStarted'] });

    const tree = await bidi.send<{ contexts: { context: string }[] }>('browsingContext.getTree', {});
    const tab = tree.contexts[0]!.context;
    await bidi.send('browsingContext.navigate', { context: tab, url, wait: 'complete' });

    // 1. The guard is in front of the wallet.
    const wrapped = await evaluate<{ accessor: boolean; sameObject: boolean; sameRequest: boolean; isFake: boolean }>(
      bidi,
      tab,
      `(() => {
        const d = Object.getOwnPropertyDescriptor(window, 'ethereum');
        return { accessor: !!d && typeof d.get === 'function', sameObject: window.ethereum === window.__fake,
                 sameRequest: window.ethereum.request === window.__fake.request, isFake: window.ethereum.isFake === true };
      })()`,
    );
    check(wrapped.accessor && !wrapped.sameObject && !wrapped.sameRequest && wrapped.isFake, 'the guard wraps window.ethereum and its request (a Proxy in front of the wallet)', wrapped);

    // 2. A harmless request makes the round trip through bridge and background, then reaches the wallet.
    const signed = await evaluate<{ ok: boolean; result?: string; code?: number; message?: string; log: string[] }>(
      bidi,
      tab,
      `window.ethereum.request({ method: 'personal_sign', params: ['0x68656c6c6f', '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'] })
        .then((result) => ({ ok: true, result, log: window.__log }), (e) => ({ ok: false, code: e.code, message: e.message, log: window.__log }))`,
    );
    check(signed.ok && signed.log.includes('personal_sign'), 'personal_sign: bridge handshake, background verdict allow, forwarded to the wallet', signed);

    // 3. A dangerous request is held and the confirm window opens; closing it rejects.
    created.length = 0;
    await evaluate(
      bidi,
      tab,
      `(window.__pending = window.ethereum.request({ method: 'eth_sign', params: ['0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', '0x${'ab'.repeat(32)}'] })
        .then((result) => ({ ok: true, result }), (e) => ({ ok: false, code: e.code, message: e.message })), true)`,
    );
    const confirm = await until('the confirm window', async () => {
      const fromEvents = created.find((c) => c.url.includes('/confirm.html'));
      if (fromEvents) return fromEvents.context;
      const all = await bidi.send<{ contexts: { context: string; url: string }[] }>('browsingContext.getTree', {});
      return all.contexts.find((c) => c.url.includes('/confirm.html'))?.context;
    });
    check(true, 'eth_sign: the confirm window opened (windows.create popup)');
    const verdict = await until('the verdict in the confirm window', async () => {
      try {
        const text = await evaluate<string | null>(bidi, confirm, `document.querySelector('[data-testid="verdict"]')?.textContent ?? null`);
        return text ?? undefined;
      } catch {
        return undefined;
      }
    });
    check(/Dangerous/.test(verdict), 'the confirm window shows the verdict', verdict);
    // Firefox runs the background as an event page, which extension pages can reach (Chrome's worker
    // they cannot): the contract model's status tells whether onnxruntime's wasm loaded there.
    const model = await until('the contract model in the event page', async () => {
      const status = await evaluate<{ state: string; start?: string; error?: string }>(
        bidi,
        confirm,
        `browser.runtime.getBackgroundPage().then((bg) => bg.__txFirewallModel.status())`,
      );
      return status.state === 'loading' || status.state === 'idle' ? undefined : status;
    });
    check(model.state === 'ready', 'onnxruntime-web (wasm) runs the contract model in the event page', model);
    const beforeClose = await evaluate<string[]>(bidi, tab, 'window.__log');
    check(!beforeClose.includes('eth_sign'), 'the wallet has not seen eth_sign while the user decides', beforeClose);
    await bidi.send('browsingContext.close', { context: confirm });
    const outcome = await evaluate<{ ok: boolean; code?: number; message?: string }>(bidi, tab, 'window.__pending');
    const after = await evaluate<string[]>(bidi, tab, 'window.__log');
    check(!outcome.ok && outcome.code === 4001 && !after.includes('eth_sign'), 'closing the confirm window rejects with 4001; the wallet never saw eth_sign', outcome);
  } finally {
    await bidi.send('session.end').catch(() => {});
    bidi.close();
    firefox.kill();
    server.close();
    await delay(500);
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(process.exitCode ? 'Firefox smoke test FAILED' : 'Firefox smoke test passed');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
