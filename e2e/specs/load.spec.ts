// Load: 20 tabs each send 50 guarded requests in sequence, all tabs at once, while a "user" answers
// every warning window as it opens. Every request must end in the state the plan says, nothing may be
// left waiting anywhere (storage, windows, the bridge's and the guard's maps), and the popup's counts
// must add up. Figures (latencies, heaps) are printed, not asserted, except that the structures that
// could leak are checked to be empty.
import type { Page } from '@playwright/test';
import { encodeFunctionData, erc20Abi, getAddress, maxUint256, toHex, type Address, type Hex } from 'viem';
import { freshAddress } from '../fixtures/addresses';
import { chainReader } from '../fixtures/chain';
import { decide } from '../fixtures/confirm-window';
import { countLiveObjects, pageHeapProbe, workerHeapProbe, type HeapProbe } from '../fixtures/heap';
import { expect, test } from '../fixtures/test';
import type { Client } from '../dapp/src/dapp';

// The firewall's extension APIs, as code evaluated in its service worker sees them.
declare const chrome: typeof import('wxt/browser').browser;

const TABS = 20;
/** LOAD_PER_TAB=10 gives a quick run while working on this spec; the test is meant for 50. */
const PER_TAB = Number(process.env.LOAD_PER_TAB ?? 50);
/** The run takes 1 to 3 minutes on two shared cores; far past that something is stuck. */
const HANG_MS = 200_000;
const CLIENTS: Client[] = ['viem', 'ethers', 'legacy'];

type Kind = 'allow' | 'warn' | 'block';
type Choice = 'Continue' | 'Reject';

/** One request of the plan. `tag` is unique per request and is readable back from the request itself. */
interface Planned {
  tab: number;
  index: number;
  tag: number;
  kind: Kind;
  /** What the user answers; undefined for requests that must pass with no window. */
  choice?: Choice;
  method: string;
  params: unknown[];
}

// The tag rides in the request: as the wei sent (allow), in the allowance just under 2^256 (warn: still
// "unlimited"), or in the spender's address (block). The user reads it from the window's raw JSON.
const TAG_BASE = 1_000;
const BLOCK_SPENDER_PREFIX = 'b10c';

function kindOf(index: number): Kind {
  // 8 in 10 pass silently, 1 in 10 is a warning, 1 in 10 a block-level danger.
  return index % 10 === 4 ? 'warn' : index % 10 === 9 ? 'block' : 'allow';
}

function choiceOf(tab: number, index: number): Choice {
  // Alternates per tab, per window and per round of ten, so both answers come from every tab for both kinds.
  return (tab + index + Math.floor(index / 10)) % 2 === 0 ? 'Continue' : 'Reject';
}

function blockSpender(tag: number): Address {
  return getAddress(`0x${BLOCK_SPENDER_PREFIX}${tag.toString(16).padStart(36, '0')}`);
}

function approve(token: Address, spender: Address, amount: bigint): Hex {
  return encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [spender, amount] });
}

interface TabSetup {
  /** The tab's own account: anvil assigns nonces per account, so concurrent sends need one each. */
  from: Address;
  recipient: Address;
}

function plan(round: number, tab: number, index: number, kind: Kind, token: Address, warnSpender: Address, { from, recipient }: TabSetup): Planned {
  const tag = (round * TABS + tab) * TAG_BASE + index + 1;
  const base = { tab, index, tag, kind, method: 'eth_sendTransaction' };
  if (kind === 'allow') return { ...base, params: [{ from, to: recipient, value: toHex(tag) }] };
  const data = kind === 'warn' ? approve(token, warnSpender, maxUint256 - BigInt(tag)) : approve(token, blockSpender(tag), maxUint256);
  return { ...base, choice: choiceOf(tab, index), params: [{ from, to: token, data }] };
}

/** Reads the tag back from a request as the window or the wallet shows it. */
function tagOf(params: unknown): number | undefined {
  const tx = (params as { value?: string; data?: string }[] | undefined)?.[0];
  if (!tx) return undefined;
  if (!tx.data || tx.data === '0x') return tx.value ? Number(BigInt(tx.value)) : undefined;
  const spender = BigInt(`0x${tx.data.slice(10, 74)}`);
  const amount = BigInt(`0x${tx.data.slice(74, 138)}`);
  if (amount !== maxUint256) return Number(maxUint256 - amount);
  const hex = spender.toString(16);
  return hex.startsWith(BLOCK_SPENDER_PREFIX) ? Number.parseInt(hex.slice(BLOCK_SPENDER_PREFIX.length), 16) : undefined;
}

interface Result {
  tag: number;
  ok: boolean;
  rpcCode?: number;
  result?: unknown;
  message?: string;
  ms: number;
}

/** Runs one tab's requests in sequence, each awaited, as a dapp does; progress is kept on the page. */
function runTab(page: Page, client: Client, requests: Planned[]): Promise<Result[]> {
  return page.evaluate(
    async ([c, list]) => {
      const w = window as unknown as { loadProgress: number };
      w.loadProgress = 0;
      const results: Result[] = [];
      for (const r of list) {
        const started = performance.now();
        const outcome = await window.dapp.request(c, r.method, r.params);
        results.push({ tag: r.tag, ok: outcome.ok, rpcCode: outcome.rpcCode, result: outcome.result, message: outcome.message, ms: performance.now() - started });
        w.loadProgress += 1;
      }
      return results;
    },
    [client, requests.map(({ tag, method, params }) => ({ tag, method, params }))] as const,
  );
}

const VERDICT_TEXT: Record<Exclude<Kind, 'allow'>, string> = {
  warn: 'Careful: check this before you continue',
  block: 'Dangerous: you could lose assets',
};

interface Seen {
  choice: Choice;
  verdict: string | null;
  findings: string[];
  /** When the window opened and when the user's click was done (ms since epoch). */
  openedAt: number;
  answeredAt?: number;
}

/**
 * A block-level request whose on-chain lookups timed out under load is shown as a warning that says
 * so (a context.* finding: the spender could not be checked for code): still asked, never silently
 * passed. Counted and printed apart.
 */
function isDegraded(p: Planned, seen: Seen): boolean {
  return p.kind === 'block' && seen.verdict === VERDICT_TEXT.warn && seen.findings.some((id) => id.startsWith('context.'));
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);

test.use({ trace: 'off', screenshot: 'off' });

test('20 tabs x 50 guarded requests while the user answers every warning', async ({ context, firewall, openDapp, contracts, server, anvil }) => {
  test.setTimeout(300_000);
  const sw = () => firewall.serviceWorker();
  const confirmPrefix = `chrome-extension://${firewall.extensionId}/confirm.html`;
  const setups: TabSetup[] = Array.from({ length: TABS }, () => ({ from: freshAddress(), recipient: freshAddress() }));
  const chain = chainReader(anvil.url).client;
  for (const { from } of setups) {
    await chain.request({ method: 'anvil_impersonateAccount' as never, params: [from] as never });
    await chain.request({ method: 'anvil_setBalance' as never, params: [from, toHex(10n ** 20n)] as never });
  }
  const byTag = new Map<number, Planned>();
  const makeRound = (round: number, kinds: Kind[]) =>
    Array.from({ length: TABS }, (_, tab) =>
      kinds.map((kind, index) => {
        const p = plan(round, tab, index, kind, contracts.token, contracts.swap, setups[tab]!);
        byTag.set(p.tag, p);
        return p;
      }),
    );

  // ---- the user: answers every confirm window as it opens, from what the window shows.
  const answered = new Map<number, Seen>();
  const userErrors: string[] = [];
  let unexpectedWindows = 0;
  let userActive = false;
  context.on('page', (dialog) => {
    if (!userActive || !dialog.url().startsWith(confirmPrefix)) return;
    const openedAt = Date.now();
    void (async () => {
      const raw = JSON.parse((await dialog.getByTestId('raw').textContent()) ?? '{}') as { params?: unknown };
      const tag = tagOf(raw.params);
      const planned = tag === undefined ? undefined : byTag.get(tag);
      if (!planned) throw new Error(`a window for a request not in the plan: ${JSON.stringify(raw).slice(0, 200)}`);
      if (answered.has(planned.tag)) throw new Error(`a second window for request ${planned.tag}`);
      const verdict = await dialog.getByTestId('verdict').textContent();
      const findings = await dialog.locator('[data-id]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id ?? ''));
      // A request planned to pass that still asks (e.g. a late simulation) is let through and reported.
      const choice = planned.choice ?? 'Continue';
      if (!planned.choice) unexpectedWindows += 1;
      const seen: Seen = { choice, verdict, findings, openedAt };
      answered.set(planned.tag, seen);
      await decide(dialog, choice);
      seen.answeredAt = Date.now();
    })().catch((error: Error) => {
      if (!dialog.isClosed()) userErrors.push(error.message);
    });
  });

  // ---- the tabs
  const tabs: Page[] = [];
  for (let tab = 0; tab < TABS; tab++) tabs.push(await openDapp(`/dapp.html?tab=${tab}`));
  const clientOf = (tab: number) => CLIENTS[tab % CLIENTS.length]!;
  const runRound = (round: Planned[][]) => Promise.all(round.map((requests, tab) => runTab(tabs[tab]!, clientOf(tab), requests)));

  // ---- warm-up: every path once per tab (allow, warn, block), so caches and JIT are in before measuring.
  const warmUp = makeRound(1, ['allow', 'warn', 'allow', 'block']);
  // While a window is open, the probes must see the waiting request; otherwise "0 after the run" proves nothing.
  const openOne = firewall.nextConfirmWindow();
  const held = tabs[0]!.evaluate(([t, s]) => window.dapp.approveUnlimited('viem', t, s), [contracts.token, freshAddress()] as const);
  const heldWindow = await openOne;
  await heldWindow.getByTestId('verdict').waitFor();
  expect(await bridgeWaiting(tabs[0]!)).toBe(1);
  expect(await guardWaiting(tabs[0]!)).toBe(1);
  expect(await pendingKeys()).toHaveLength(1);
  await decide(heldWindow, 'Reject');
  expect((await held).rpcCode).toBe(4001);
  userActive = true;
  const warmResults = (await runRound(warmUp)).flat();
  expect(warmResults.filter((r) => byTag.get(r.tag)!.kind === 'allow' && !r.ok)).toEqual([]);

  const swProbe = await workerHeapProbe(context, tabs[0]!, '/background.js');
  const tabProbes: HeapProbe[] = [];
  for (const page of tabs) tabProbes.push(await pageHeapProbe(context, page));
  const swBefore = (await swProbe.heap()).used;
  const tabsBefore = await Promise.all(tabProbes.map(async (p) => (await p.heap()).used));
  // Decisions are written up to a moment after their answers (gathered, common/decision-history.ts):
  // the counts are read once every decision so far has landed (the held one and the warm-up).
  await expect.poll(async () => (await storedCounts()).checked).toBe(1 + warmUp.flat().length);
  const countsBefore = await storedCounts();
  server.walletLog.length = 0;
  answered.clear();
  unexpectedWindows = 0;

  // ---- the run
  const load = makeRound(2, Array.from({ length: PER_TAB }, (_, index) => kindOf(index)));
  const started = Date.now();
  const running = runRound(load);
  // A hang is reported with each tab's progress rather than as a bare test timeout.
  let hangTimer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    hangTimer = setTimeout(async () => {
      const progress = await Promise.all(tabs.map((t) => t.evaluate(() => (window as unknown as { loadProgress: number }).loadProgress).catch(() => -1)));
      reject(new Error(`requests did not settle within ${HANG_MS / 1000} s; requests done per tab: ${progress.join(',')}`));
    }, HANG_MS);
  });
  const results = (await Promise.race([running, hang]).finally(() => clearTimeout(hangTimer))).flat();
  const duration = Date.now() - started;

  // ---- memory after the run (pages with a pending window would hold more; none should be left by now)
  await expect.poll(() => context.pages().filter((p) => p.url().startsWith(confirmPrefix)).length).toBe(0);
  const swAfter = (await swProbe.heap()).used;
  const tabsAfter = await Promise.all(tabProbes.map(async (p) => (await p.heap()).used));
  await expect.poll(async () => (await storedCounts()).checked).toBe(countsBefore.checked + load.flat().length);
  const countsAfter = await storedCounts();
  const planned = load.flat();
  const degraded = planned.filter((p) => answered.has(p.tag) && isDegraded(p, answered.get(p.tag)!));
  const userMs = [...answered.values()].filter((a) => a.answeredAt).map((a) => a.answeredAt! - a.openedAt);

  // ---- figures
  const ms = (kind: 'allow' | 'asked') => results.filter((r) => (byTag.get(r.tag)!.kind === 'allow') === (kind === 'allow')).map((r) => r.ms);
  const tabSum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  const rows = {
    requests: `${results.length} (${planned.filter((p) => p.kind === 'allow').length} allowed, ${planned.filter((p) => p.kind === 'warn').length} warn, ${planned.filter((p) => p.kind === 'block').length} block; ${answered.size} windows)`,
    duration: `${(duration / 1000).toFixed(1)} s (${(results.length / (duration / 1000)).toFixed(1)} req/s)`,
    'allowed p50 / p95': `${percentile(ms('allow'), 50).toFixed(0)} / ${percentile(ms('allow'), 95).toFixed(0)} ms`,
    'warned p50 / p95': `${percentile(ms('asked'), 50).toFixed(0)} / ${percentile(ms('asked'), 95).toFixed(0)} ms (includes the user's answer)`,
    "user's time per window p50 / p95": `${percentile(userMs, 50).toFixed(0)} / ${percentile(userMs, 95).toFixed(0)} ms (window shown to click done)`,
    'block shown as warn (node slow)': `${degraded.length}`,
    'worker heap before / after': `${mb(swBefore)} / ${mb(swAfter)} MB (x${(swAfter / swBefore).toFixed(2)})`,
    'tab heaps before / after (sum)': `${mb(tabSum(tabsBefore))} / ${mb(tabSum(tabsAfter))} MB (x${(tabSum(tabsAfter) / tabSum(tabsBefore)).toFixed(2)})`,
    'worst tab before / after': (() => {
      const ratios = tabsAfter.map((a, i) => a / tabsBefore[i]!);
      const i = ratios.indexOf(Math.max(...ratios));
      return `${mb(tabsBefore[i]!)} / ${mb(tabsAfter[i]!)} MB (x${ratios[i]!.toFixed(2)}, tab ${i})`;
    })(),
    'counts before / after': `${JSON.stringify(countsBefore)} / ${JSON.stringify(countsAfter)}`,
  };
  console.log(`\nLoad test\n${Object.entries(rows).map(([k, v]) => `  ${k.padEnd(32)} ${v}`).join('\n')}\n`);

  // ---- every request ended in the planned state
  expect(results).toHaveLength(TABS * PER_TAB);
  expect(userErrors).toEqual([]);
  const sentTags = new Map<number, number>();
  for (const entry of server.walletLog) {
    if (entry.method !== 'eth_sendTransaction') continue;
    const tag = tagOf(entry.params);
    if (tag !== undefined) sentTags.set(tag, (sentTags.get(tag) ?? 0) + 1);
  }
  const wrong: string[] = [];
  for (const r of results) {
    const p = byTag.get(r.tag)!;
    const seen = answered.get(r.tag);
    const forwarded = p.kind === 'allow' || p.choice === 'Continue';
    const label = `tab ${p.tab} #${p.index} (${p.kind}${p.choice ? `, ${p.choice}` : ''})`;
    if (p.kind === 'allow' && seen) wrong.push(`${label}: opened a window (${seen.verdict})`);
    if (p.kind !== 'allow' && !seen) wrong.push(`${label}: no window was seen`);
    if (p.kind !== 'allow' && seen && seen.verdict !== VERDICT_TEXT[p.kind] && !isDegraded(p, seen)) wrong.push(`${label}: window said "${seen.verdict}" (${seen.findings.join(', ')})`);
    if (forwarded && !(r.ok && typeof r.result === 'string' && /^0x[0-9a-f]{64}$/.test(r.result))) wrong.push(`${label}: dapp got ${JSON.stringify(r)}`);
    if (!forwarded && !(r.ok === false && r.rpcCode === 4001)) wrong.push(`${label}: dapp got ${JSON.stringify(r)}`);
    const reached = sentTags.get(r.tag) ?? 0;
    if (reached !== (forwarded ? 1 : 0)) wrong.push(`${label}: reached the wallet ${reached} times`);
  }
  expect(wrong).toEqual([]);
  expect(unexpectedWindows).toBe(0);

  // ---- nothing left waiting: pending store, windows, the bridge's map, the guard's waiters
  expect(await pendingKeys()).toEqual([]);
  await expect.poll(() => context.pages().filter((p) => p.url().startsWith(confirmPrefix)).length).toBe(0);
  await expect.poll(() => sw().then((w) => w.evaluate(async () => (await chrome.windows.getAll({ windowTypes: ['popup'] })).length))).toBe(0);
  const leftInBridges = await Promise.all(tabs.map(bridgeWaiting));
  const leftInGuards = await Promise.all(tabs.map(guardWaiting));
  expect(leftInBridges.every((n) => n === 0), `bridge maps: ${leftInBridges}`).toBe(true);
  expect(leftInGuards.every((n) => n === 0), `guard waiters: ${leftInGuards}`).toBe(true);

  // ---- every allowed send's recipient is remembered (address-poisoning checks compare against them)
  const remembered = await (await sw()).evaluate(async () => ((await chrome.storage.local.get('sentTo')).sentTo ?? []) as string[]);
  expect(setups.map((s) => s.recipient.toLowerCase()).filter((r) => !remembered.includes(r))).toEqual([]);

  // ---- the counts: what the plan says, what the popup shows, what the history holds
  const expected = {
    checked: planned.length,
    warned: planned.filter((p) => p.kind === 'warn').length + degraded.length,
    blocked: planned.filter((p) => p.kind === 'block').length - degraded.length,
    rejected: planned.filter((p) => p.choice === 'Reject').length,
  };
  const delta = Object.fromEntries(Object.entries(countsAfter).map(([k, v]) => [k, v - countsBefore[k as keyof typeof countsBefore]]));
  expect(delta).toEqual(expected);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${firewall.extensionId}/popup.html`);
  for (const [k, v] of Object.entries(countsAfter)) await expect(popup.locator(`[data-count="${k}"]`)).toHaveText(String(v));
  const history = await storedHistory();
  // The history keeps the newest 500 decisions with their details; each must be the planned outcome,
  // and no details record may outlive its entry (storage would grow with every decision).
  expect(history.entries.length).toBe(Math.min(500, countsAfter.checked));
  expect(new Set(history.entries.map((e) => e.requestId)).size).toBe(history.entries.length);
  expect(history.detailKeys.sort()).toEqual(history.entries.filter((e) => e.hasDetails).map((e) => e.requestId).sort());
  // The run made the newest 500 decisions, so every entry kept is one of its requests, each once.
  const isRun = (tag: number | undefined) => tag !== undefined && tag >= 2 * TABS * TAG_BASE && byTag.has(tag);
  if (planned.length >= 500) expect(history.entries.filter((e) => isRun(e.tag))).toHaveLength(500);
  const wrongInHistory: string[] = [];
  for (const e of history.entries) {
    if (!isRun(e.tag)) continue; // warm-up and the held request
    const p = byTag.get(e.tag!)!;
    const outcome = p.kind === 'allow' || p.choice === 'Continue' ? 'forwarded' : 'rejected';
    const decidedBy = p.kind === 'allow' ? 'verdict' : 'user';
    const seen = answered.get(p.tag);
    const verdict = seen && isDegraded(p, seen) ? 'warn' : p.kind;
    if (e.outcome !== outcome || e.decidedBy !== decidedBy || e.verdict !== verdict) wrongInHistory.push(`${p.tag}: ${JSON.stringify(e)}`);
  }
  expect(wrongInHistory).toEqual([]);

  // Only a bound that a real leak would break: after a full GC the worker must not keep what the run allocated.
  expect(swAfter / swBefore).toBeLessThan(1.5);

  await swProbe.close();
  for (const p of tabProbes) await p.close();

  // ---- helpers that read the firewall's state
  async function pendingKeys(): Promise<string[]> {
    return (await sw()).evaluate(async () => Object.keys(await chrome.storage.session.get(null)).filter((k) => k.startsWith('pending:')));
  }
  async function storedCounts() {
    return (await sw()).evaluate(async () => {
      const { counts } = await chrome.storage.local.get('counts');
      return { checked: 0, warned: 0, blocked: 0, rejected: 0, ...(counts as object) } as { checked: number; warned: number; blocked: number; rejected: number };
    });
  }
  async function storedHistory() {
    const stored = await (await sw()).evaluate(async () => {
      const all = await chrome.storage.local.get(null);
      const entries = (all.history ?? []) as { requestId: string; outcome: string; decidedBy: string; verdict: string; hasDetails?: boolean }[];
      const details = Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('historyDetails:')).map(([k, v]) => [k.slice('historyDetails:'.length), (v as { requestJson: string }).requestJson]));
      return { entries, details };
    });
    return {
      detailKeys: Object.keys(stored.details),
      entries: stored.entries.map((e) => {
        const json = stored.details[e.requestId];
        return { ...e, tag: json ? tagOf((JSON.parse(json) as { params?: unknown }).params) : undefined };
      }),
    };
  }
  /** Requests the bridge (isolated world) still tracks: entries of its requestId -> {guardId, timer} map. */
  function bridgeWaiting(page: Page): Promise<number> {
    return countLiveObjects(context, page, { isolatedOf: firewall.extensionId }, 'Map.prototype',
      '(m) => { let n = 0; for (const v of m.values()) if (v && typeof v === "object" && "guardId" in v && "timer" in v) n++; return n; }');
  }
  /** Requests the guard (MAIN world) still holds: its {release, refuse, read} waiters. */
  function guardWaiting(page: Page): Promise<number> {
    return countLiveObjects(context, page, 'main', 'Object.prototype',
      '(o) => { const k = Object.keys(o); return k.length === 3 && k[0] === "release" && k[1] === "refuse" && k[2] === "read" ? 1 : 0; }');
  }
});
