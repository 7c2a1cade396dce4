import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Five projects: pure domain code, the server against a real database (SQLite file, or PostgreSQL when
// TEST_DATABASE_URL is set), the web app in jsdom, the browser tests in Debian's Chromium, and the deployment
// tests (a production install, several server processes, a streaming replica) that start whole processes.
export default defineConfig({
  test: {
    globals: true,
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'domain',
          include: ['domain/**/*.test.ts'],
          environment: 'node',
          globals: true,
          // Property tests run hundreds of cases: on a shared, busy machine that can pass vitest's 5 s default.
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'server',
          include: ['server/**/*.test.ts'],
          environment: 'node',
          globals: true,
          // Limits catch a hung test, not a slow one: the machine is shared, and a test must not fail because
          // another run made it wait (speed is measured by `mektep bench`, never asserted here).
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'web',
          include: ['web/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          globals: true,
          // As for the server: a limit catches a hung test; a busy machine only makes it slower.
          testTimeout: 120_000,
          setupFiles: ['web/src/test/setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          globals: true,
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'deploy',
          include: ['deploy/**/*.test.ts'],
          environment: 'node',
          globals: true,
          testTimeout: 180_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
