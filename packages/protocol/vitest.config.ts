import { defineConfig } from "vitest/config";

// `npm test` runs the four suites at once (turbo) on 2-core machines: vitest's 5 s default
// fails sound tests there. Tests that spawn processes or wait on the network set their own,
// larger budget.
export default defineConfig({
  // Hooks create and drop databases and start servers: 30 s was seen too short at a load of 21.
  test: { testTimeout: 30_000, hookTimeout: 120_000 },
});
