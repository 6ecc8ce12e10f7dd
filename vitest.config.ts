import { defineConfig } from 'vitest/config'

// Its own config, not client/vite.config.ts: vite-plugin-solid would switch every test to jsdom.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    reporters: ['default'],
  },
})
