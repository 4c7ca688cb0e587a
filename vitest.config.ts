import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'migrations/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'tests/node/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
    // Two cores: keep the workers lean.
    pool: 'forks',
    maxWorkers: 2,
    // Hang guards, not timings: on a shared machine at a load of 12 on two cores, opening a test
    // core in a beforeEach took over vitest's default 10 s for hooks (seen 2026-12-04).
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Every worker at the suite's one moment (FRONTDESK_TEST_NOW): docs/testing.md.
    setupFiles: ['tests/helpers/suite-moment.setup.ts'],
  },
});
