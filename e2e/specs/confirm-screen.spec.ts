// The confirm window in five seconds: for each common warning, at 440 × 680, the verdict's sentence,
// what would move and both buttons show without scrolling, and no two visible findings share a title.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { ROOT } from '../fixtures/browser';
import { COMMON_WARNINGS, type WarningEnv } from '../fixtures/common-warnings';
import { decide } from '../fixtures/confirm-window';
import { countVisibleLines, type LineCount } from '../fixtures/visible-lines';
import { expect, test } from '../fixtures/test';

// Mainnet's id, so that the well-known tokens the requests name are the ones the token list names.
test.use({ anvilChainId: 1 });

const WINDOW = { width: 440, height: 680 };
const COUNTS = join(ROOT, 'e2e', '.artifacts', 'confirm-lines.json');

/** Kept across runs and workers, so a before/after comparison can read every warning's count. */
function record(name: string, count: LineCount): void {
  mkdirSync(dirname(COUNTS), { recursive: true });
  const counts = (existsSync(COUNTS) ? JSON.parse(readFileSync(COUNTS, 'utf8')) : {}) as Record<string, LineCount>;
  writeFileSync(COUNTS, `${JSON.stringify({ ...counts, [name]: count }, null, 2)}\n`);
}

for (const warning of COMMON_WARNINGS) {
  test(`${warning.name}: one screen`, async ({ context, openDapp, firewall, contracts, server }) => {
    const env: WarningEnv = {
      contracts,
      openDapp,
      newPage: () => context.newPage(),
      otherOrigin: server.otherOrigin,
      setStorage: firewall.setStorage,
      chainId: 1,
      async continueThrough(page: Page, send) {
        const next = firewall.nextConfirmWindow();
        const pending = send();
        await decide(await next, 'Continue');
        expect((await pending).ok).toBe(true);
      },
    };
    const page = await warning.open(env);
    const next = firewall.nextConfirmWindow();
    const pending = warning.send(page, env);
    const dialog = await next;
    await dialog.setViewportSize(WINDOW);
    await dialog.getByTestId('verdict').waitFor();
    await expect(dialog.locator('[data-testid="asset-changes"][data-state="late"]')).toHaveCount(0);
    record(warning.name, await countVisibleLines(dialog));
    if (process.env.DUMP_WINDOW) console.log(`=== ${warning.name}\n${await dialog.locator('main').innerText()}`);
    await decide(dialog, 'Reject');
    expect((await pending).rpcCode).toBe(4001);
  });
}
