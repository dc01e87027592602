import { defineConfig } from 'vitest/config';

/**
 * The unit tests of src/data alone, in Node: what the mutation run (`npm run mutation`) measures
 * src/data against. src/data is plain TypeScript with no DOM, so its tests need neither jsdom nor
 * the component tests' setup.
 */
export default defineConfig({
  test: {
    environment: 'node',
    globals: true,
    include: ['test/data/**/*.test.ts'],
    setupFiles: ['test/helpers/mutation-setup.ts'],
    // Properties run a few hundred cases per mutant, not thousands (see property-runs.ts).
    env: { MUTATION_RUN: '1' },
    restoreMocks: true,
    // Property tests run thousands of cases, and slower still with the mutation run's coverage
    // counters in every branch: on a busy machine they need minutes.
    testTimeout: 300_000,
  },
});
