import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const SERVER = process.env.JOURNEYMAP_SERVER ?? "http://localhost:8080";

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      "/api": SERVER,
      "/healthz": SERVER,
      "/sync": { target: SERVER.replace(/^http/, "ws"), ws: true },
    },
  },
  build: {
    target: "es2022",
    sourcemap: true,
    rolldownOptions: {
      // Required by the inlining below (the entry's exports are nobody's API).
      preserveEntrySignatures: false,
      output: {
        codeSplitting: {
          // What every page loads (React, the router, the account) in one chunk, not twenty.
          groups: [{ name: "app", tags: ["$initial"] }],
          // Automatic splitting made a chunk of every set of pages sharing a few modules: a
          // board link loaded 53 files, six at a time over HTTP/1.1, and that, not their size,
          // held the first paint (board-performance.md, "Fourth round"). Common chunks under
          // 16 KB are copied into the chunks that use them instead (one module state still:
          // Rolldown's runtime keeps a registry): 30 files, 8 % more bytes. Chunks holding
          // styles stay files: Vite's CSS plugin would emit their CSS once per copy.
          experimentalInlineCommonChunks: { maxSize: 16 * 1024, exclude: /\.css(\?|$)/ },
        },
      },
    },
  },
  // Budgets hold when `npm test` runs the four suites at once on a 2-core machine.
  test: {
    environment: "node",
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
