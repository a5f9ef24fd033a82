/**
 * Two projects: `unit` (server, shared, API tests on SQLite and PostgreSQL) and `e2e` (the real
 * server driven by Chromium, one file at a time). The root global setup starts PostgreSQL once.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['tests/support/global-setup.ts'],
    // The CI machines have 2 cores; PostgreSQL and the server under test need some too.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'server/**/*.test.ts',
            'shared/**/*.test.ts',
            'web/**/*.test.ts',
            'tests/api/**/*.test.ts',
            'tests/support/**/*.test.ts',
          ],
          exclude: ['tests/support/browser.test.ts', '**/node_modules/**'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts', 'tests/support/browser.test.ts'],
          globalSetup: ['tests/support/e2e-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
