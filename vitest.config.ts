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
    // worker fewer than the CPUs leaves a 2-CPU CI machine idle much of the time: one file more than the CPUs runs
    // at once (on 2 CPUs the suite kept them 85% busy with two files at a time).
    maxWorkers: Math.max(3, availableParallelism() + 1),
  },
});
