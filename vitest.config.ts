import { configDefaults, defineConfig } from 'vitest/config';

// Two projects: unit tests, and integration tests that share one real-server rig (test/rig/global-setup.ts).
// test/e2e runs on its own (npm run test:e2e: real VS Code). No root `include`: with `extends: true` arrays concatenate, and the integration project would pick up unit tests.
export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/integration/**', 'test/e2e/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/rig/global-setup.ts'],
        },
      },
    ],
  },
});
