import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/soak/**', 'node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    // Every dev tenant of the run checks what its Graph serves against the v1.0 schema (global-setup fails the run on a violation).
    env: { DEVTENANT_SCHEMA_CHECK: '1' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
