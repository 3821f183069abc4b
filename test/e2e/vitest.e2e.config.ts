import { defineConfig } from 'vitest/config';

// Real VS Code (code-server) in Debian's Chromium against the real rig; `npm run test:e2e`. One file at a time:
// each starts its own code-server and browser.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    globalSetup: ['test/e2e/build-extension.ts'],
  },
});
