/**
 * The map archive file (`journeymap archive`): its line shapes, version and bounds. Apart from
 * the main entry, like `./http`, so that code needing only names does not load zod.
 */
export * from "./mapArchiveLines.ts";
