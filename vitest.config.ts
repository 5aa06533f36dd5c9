import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Vitest owns *.test.ts; Playwright owns test/e2e/**/*.spec.ts.
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'out/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
