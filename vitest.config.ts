import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // PGlite boots a WASM Postgres per store; give those suites room without hiding real hangs.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // In CI, list every test so the log shows the store suites ran on both engines.
    reporters: process.env['CI'] === 'true' ? ['verbose'] : ['default'],
  },
});
