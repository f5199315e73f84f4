/**
 * The wire vocabulary shared by the server, the web app, the CLI, bench and e2e: document
 * names, the sync path, roles and close codes. Nothing else may spell these strings or
 * numbers. The HTTP API (payload schemas, who may call what, the route table) is
 * `@journeymap/protocol/http`, apart so that code needing only names does not load zod.
 */
export * from "./closeCodes.ts";
export * from "./documentNames.ts";
export * from "./headers.ts";
export * from "./people.ts";
export * from "./roles.ts";
export * from "./syncPath.ts";
