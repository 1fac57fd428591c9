// `npm run soak`: the resilience suite at full size (200 people for 60 s, …); its figures go into
// the reliability section of bench/RESULTS.md.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/resilience/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    env: { RESILIENCE_SCALE: 'soak' },
    testTimeout: 900_000,
    hookTimeout: 600_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
