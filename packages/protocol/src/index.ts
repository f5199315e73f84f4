/**
 * The wire vocabulary shared by the server, the web app, the CLI, bench and e2e: document
 * names, the sync path, roles, close codes and the HTTP API's payloads. Nothing else may
 * spell these strings or numbers.
 */
export * from "./closeCodes.ts";
export * from "./documentNames.ts";
export * from "./roles.ts";
export * from "./syncPath.ts";
