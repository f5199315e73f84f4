import { defineConfig } from "vitest/config";

// `npm test` runs the four suites at once (turbo) on 2-core machines: vitest's 5 s default
// fails sound tests there. Tests that spawn processes or wait on the network set their own,
// larger budget.
export default defineConfig({
  test: { testTimeout: 30_000, hookTimeout: 30_000 },
});
