// MetaMask's own test dapp (npm @metamask/test-dapp), clicked through as a new user would use it: the
// built firewall with no RPC node set for the chain (its default public node is unreachable offline),
// the test wallet on anvil with chain id 1 (so the dapp's malicious section uses its mainnet
// addresses), and every flow of e2e/fixtures/test-dapp.ts in order. Issue 16's target: every benign
// flow passes with no window, and every flow of the dapp's malicious section opens one. The per-flow
// table goes to stdout and to e2e/.artifacts/metamask-test-dapp.json.
import type { Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decide } from '../fixtures/confirm-window';
import { TEST_DAPP_FLOWS, clickFlow, offlineOnly, openTestDapp, settle, type TestDappFlow } from '../fixtures/test-dapp';
import { expect, test } from '../fixtures/test';

interface FlowOutcome {
  flow: TestDappFlow;
  clicked: boolean;
  /** One entry per confirm window the flow opened: its verdict and the ids of its warn/danger findings. */
  windows: { verdict: string; findings: string[] }[];
  reachedWallet: number;
}

async function readWindow(dialog: Page): Promise<{ verdict: string; findings: string[] }> {
  const verdict = (await dialog.getByTestId('verdict').textContent()) ?? '';
  const findings = await dialog.locator('[data-testid="findings"] li[data-severity="warn"], [data-testid="findings"] li[data-severity="danger"]').evaluateAll((items) => items.map((li) => li.getAttribute('data-id') ?? '?'));
  return { verdict: verdict.trim(), findings: [...new Set(findings)] };
}

// Top level: a worker option (the chain id) needs a worker of its own.
test.use({ anvilChainId: 1, firewallRpc: 'none' });

test.describe("MetaMask's test dapp with no node configured", () => {
  test('benign flows pass without a window; the malicious section opens one for each flow', async ({ context, firewall, server }) => {
    test.setTimeout(15 * 60_000);
    await offlineOnly(context);
    const page = await context.newPage();
    await openTestDapp(page, server.url);

    const outcomes: FlowOutcome[] = [];
    for (const flow of TEST_DAPP_FLOWS) {
      const outcome: FlowOutcome = { flow, clicked: false, windows: [], reachedWallet: 0 };
      let open = 0;
      const onPage = (dialog: Page) => {
        if (!dialog.url().startsWith(`chrome-extension://${firewall.extensionId}/confirm.html`)) return;
        open++;
        void (async () => {
          try {
            await dialog.getByTestId('verdict').waitFor();
            outcome.windows.push(await readWindow(dialog));
            // Continue on the dapp's own flows so that later ones find their contracts deployed.
            await decide(dialog, flow.class === 'malicious' ? 'Reject' : 'Continue');
          } finally {
            open--;
          }
        })();
      };
      context.on('page', onPage);
      const from = server.walletLog.length;
      outcome.clicked = await clickFlow(page, flow);
      if (outcome.clicked) outcome.reachedWallet = (await settle(server.walletLog, from, { firstMs: 8_000, quietMs: 800, busy: () => open > 0 })).length;
      context.off('page', onPage);
      outcomes.push(outcome);
    }

    const lines = outcomes.map((o) => {
      const seen = !o.clicked ? 'not run' : o.windows.length ? `window: ${o.windows.map((w) => `${w.verdict} [${w.findings.join(', ')}]`).join('; ')}` : o.reachedWallet ? 'no window' : 'no window, nothing reached the wallet';
      return `${o.flow.class.padEnd(9)} ${o.flow.label.padEnd(50)} ${seen}`;
    });
    const count = (cls: string, windowed: boolean) => outcomes.filter((o) => o.flow.class === cls && o.clicked && (o.windows.length > 0) === windowed).length;
    console.log(
      [
        "MetaMask's test dapp, no node configured:",
        ...lines,
        `benign: ${count('benign', true)} of ${count('benign', true) + count('benign', false)} opened a window; malicious: ${count('malicious', true)} of ${count('malicious', true) + count('malicious', false)}; negative: ${count('negative', true)} of ${count('negative', true) + count('negative', false)}`,
      ].join('\n'),
    );
    const dir = join(import.meta.dirname, '..', '.artifacts');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'metamask-test-dapp.json'), `${JSON.stringify(outcomes.map((o) => ({ button: o.flow.button, class: o.flow.class, clicked: o.clicked, reachedWallet: o.reachedWallet, windows: o.windows })), null, 1)}\n`);

    for (const o of outcomes.filter((o) => o.flow.class !== 'negative')) {
      expect.soft(o.clicked, `${o.flow.label}: the flow could be run`).toBe(true);
      if (!o.clicked) continue;
      if (o.flow.class === 'benign') expect.soft(o.windows, `${o.flow.label}: no confirm window`).toEqual([]);
      else expect.soft(o.windows.length, `${o.flow.label}: a confirm window`).toBeGreaterThan(0);
    }
  });
});
