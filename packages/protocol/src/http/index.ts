/**
 * The HTTP API's vocabulary: payloads as zod schemas (zod/mini, so the web app's first bundle
 * stays small), who may call what, and the route table. Imported as `@journeymap/protocol/http`
 * so code that needs only names and codes does not load zod.
 */
export * from "./access.ts";
export * from "./accounts.ts";
export * from "./errors.ts";
export * from "./format.ts";
export * from "./history.ts";
export * from "./links.ts";
export * from "./maps.ts";
export * from "./route.ts";
export * from "./routes.ts";
export * from "./sharing.ts";
export * from "./talk.ts";
export * from "./votes.ts";
export * from "./branches.ts";
export * from "./events.ts";
export * from "./webhooks.ts";
export * from "./freshness.ts";
export * from "./libraryHierarchy.ts";
export * from "./library.ts";
export * from "./libraryCards.ts";
export * from "./metrics.ts";
export * from "./libraryPersonas.ts";
