/**
 * What the test suites, e2e specs and benchmarks share to reach the real server from outside:
 * its process, its HTTP API's first calls, providers, and the browser. In-process servers stay
 * with the server's own tests (packages never import apps).
 */
export * from "./chromium.ts";
export * from "./freePort.ts";
export * from "./mapsApi.ts";
export * from "./providers.ts";
export * from "./serverProcess.ts";
export * from "./services.ts";
