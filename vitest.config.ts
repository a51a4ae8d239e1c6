import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Schools live in Europe/Moscow, Asia/Yekaterinburg, Asia/Vladivostok: pin the process elsewhere
    // so that a deadline computed in the machine's zone instead of the school's shows up.
    env: { TZ: 'America/Los_Angeles' },
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
