// The screenshots in docs/screenshots/, taken from the built extension: `npm run screenshots` builds it
// and runs e2e/screenshots/ with this config. Kept out of the e2e config (and so out of `npm test`): the
// windows they picture are checked there already, opened by the same fixture (e2e/fixtures/warning-window.ts).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './screenshots',
  outputDir: `./.artifacts/screenshot-results/${process.pid}`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Each worker runs its own Chromium and anvil; the machines have two cores.
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
