import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  // WXT's plugin resolves #imports and gives tests an in-memory extension API (fakeBrowser), so code
  // that keeps state in chrome.storage (history, pending decisions) is tested as it is shipped.
  plugins: [WxtVitest()],
  test: {
    include: ['analysis/**/*.test.ts', 'common/**/*.test.ts', 'model/**/*.test.ts', 'entrypoints/**/*.test.ts', 'components/**/*.test.ts', 'scripts/**/*.test.ts', 'eval/**/*.test.ts'],
    environment: 'node',
    // browser.i18n.getMessage over the real messages file (fakeBrowser has no i18n).
    setupFiles: ['./vitest.setup.ts'],
  },
});
