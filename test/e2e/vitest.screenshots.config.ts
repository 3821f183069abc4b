import { defineConfig } from 'vitest/config';

// `npm run screenshots`: regenerates media/*.png in real VS Code against the rig.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.screenshots.ts'],
    testTimeout: 300_000,
    globalSetup: ['test/e2e/build-extension.ts'],
  },
});
