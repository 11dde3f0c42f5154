import { defineConfig } from 'vitest/config';

// Two tiers (after Immich): fast unit tests beside the code, with no database; and integration
// tests through the HTTP API against a real database cloned from a migrated template.
export default defineConfig({
  test: {
    pool: 'forks',
    // 2 cores: two files at a time.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/**/*.test.ts'], globalSetup: ['test/support/global-setup.ts'] } },
    ],
  },
});
