import { defineConfig } from "vitest/config";

// Browser tests: one file at a time (2-core machines), generous timeouts for Chromium.
export default defineConfig({
  test: {
    include: ["**/*.spec.ts"],
    exclude: ["node_modules/**"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // Most polls wait for another browser context to receive an edit through the server:
    // vitest's default of 1 s is too tight on a loaded 2-core machine.
    expect: { poll: { timeout: 10_000 } },
  },
});
