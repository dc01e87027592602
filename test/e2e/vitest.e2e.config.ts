// Browser tests: `npm run test:e2e` (after `npm run build`). They drive the production build in
// dist/ with the system Chromium; see test/e2e/global-setup.ts and test/harness/.
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: path.resolve(import.meta.dirname, '../..'),
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    // The longest tests (a load, a reload, a comparison and a dozen screenshots) take 20 s on a
    // quiet machine and over 60 s on a busy one.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    restoreMocks: true,
    // A page on a busy 2-core machine can take longer than the default second to render after a
    // click: a poll waits for what the page will show, not for how fast the machine is today.
    expect: { poll: { timeout: 10_000 } },
  },
});
