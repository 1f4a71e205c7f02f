import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    // Workspace packages resolve to their TypeScript sources in tests, so no build is needed first.
    conditions: ['@gitlore/source'],
  },
  ssr: { resolve: { conditions: ['@gitlore/source'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'fixtures/src/**/*.test.ts',
      'scripts/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
