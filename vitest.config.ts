import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['analysis/**/*.test.ts', 'model/**/*.test.ts', 'entrypoints/**/*.test.ts', 'components/**/*.test.ts', 'lib/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
