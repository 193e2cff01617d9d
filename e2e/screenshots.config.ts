// The screenshots in docs/screenshots/, taken from the built extension: `npm run screenshots` builds it
// and runs e2e/screenshots/ with this config. Kept out of the e2e config (and so out of `npm test`): the
// windows they picture are checked there already, opened by the same fixture (e2e/fixtures/warning-window.ts).
import { defineConfig } from '@playwright/test';
import e2e from './playwright.config';

export default defineConfig({
  ...e2e,
  testDir: './screenshots',
  outputDir: `./.artifacts/screenshot-results/${process.pid}`,
  use: { trace: 'retain-on-failure' },
});
