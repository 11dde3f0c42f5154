import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Tiers (after Immich): fast unit tests beside the code, with no database; integration tests
// through the HTTP API against a real database cloned from a migrated template; component tests
// of the web app in jsdom; browser journeys in Debian's Chromium against the real server.
export default defineConfig({
  test: {
    pool: 'forks',
    // 2 cores: two files at a time.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    // Timeouts catch hangs, not slowness (speed is measured by the benchmarks): a shared 2-core
    // machine under load runs a 1 s test in 30 s.
    testTimeout: 90_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          // test/security (docs/security.md): access matrix, fuzz, hostile input, headers, logs, throttling.
          name: 'security',
          include: ['test/security/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: { name: 'web', include: ['web/src/**/*.test.tsx', 'web/src/**/*.test.ts'], environment: 'jsdom' },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts', 'test/browser/support/build-web.ts'],
          testTimeout: 120_000,
          // Screens settle asynchronously: expect.poll retries a reading until it matches (or 15 s).
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
  },
});
