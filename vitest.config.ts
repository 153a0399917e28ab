import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Generous: a test is wrong when its result is, not when a loaded machine is slow to give it.
    testTimeout: 60_000,
    // A beforeAll that makes a region of member repositories spawns the CLI a few dozen times.
    hookTimeout: 180_000,
    pool: 'forks',
    // Most tests spend their time waiting for a child process (the CLI, git, a browser), so vitest's default of one
    // worker fewer than the CPUs leaves a 2-CPU CI machine half idle: at least two files run at once.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
