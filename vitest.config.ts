import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['node_modules', 'web/**'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    // 2 cores: two files at a time, each on its own database cloned from the migrated template.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
