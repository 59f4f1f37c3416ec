import { defineConfig } from 'vitest/config';

// Under CI the run also writes a JSON report, from which .ci/run prints its closing tally.
const ci = process.env['CI'] === 'true';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    reporters: ci ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]] : ['default'],
  },
});
