import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    // The host's worker thread, bundled once per run (see the file).
    globalSetup: ['test/setup/build-worker.ts'],
  },
});
