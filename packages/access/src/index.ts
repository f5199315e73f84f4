/**
 * Who may do what to a map: signed tokens naming a stored link, signing keys from the
 * environment, keyed digests for identities that cannot be forged, the roles of signed-in
 * people (AccountAccess), and the creation of a map with its owner. Used by the server and the
 * CLI.
 */
export * from "./AccessService.ts";
export * from "./AccountAccess.ts";
export * from "./createOwnedMap.ts";
export * from "./keyedDigest.ts";
export * from "./mapRoles.ts";
export * from "./signingKeys.ts";
export * from "./tokens.ts";
