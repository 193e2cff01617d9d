import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './specs',
  // One folder per run: runs from several shells must not clobber each other's artifacts.
  outputDir: `./.artifacts/test-results/${process.pid}`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Each worker runs its own Chromium and anvil; the machines have two cores.
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
