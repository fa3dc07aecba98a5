import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup-fast-check.ts'],
    // The parse cache of the tests' own, never the user's (docs/scenario-format.md, "Parse cache").
    env: { SIGNATORY_CACHE_DIR: path.join(root, 'node_modules', '.cache', 'signatory-test') },
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
