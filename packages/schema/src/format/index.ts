/**
 * The open file format and the imports (@journeymap/schema/format): a separate entry point so
 * zod stays out of bundles that only edit maps.
 */
export * from "./ImportPreview.ts";
export {
  FORMAT_NAME,
  FORMAT_SCHEMA_ID,
  FORMAT_VERSION,
  type MapFile,
  mapFileSchema,
  mapSnapshotSchema,
} from "./mapFileSchema.ts";
export { mapFileJsonSchema } from "./jsonSchema.ts";
export { formatPath, MAX_JSON_DEPTH, readMapFile } from "./readMapFile.ts";
export { serializeMapFile, toMapFile } from "./writeMapFile.ts";
export { mapFileName } from "./fileNames.ts";
export { type MapFileV0, mapFileV0Schema } from "./legacyV0.ts";
export { fromFivePointScore, snapshotFromOutline } from "./outline.ts";
export { channelFromText } from "./channels.ts";
export { CSV_TOUCHPOINT_COLUMNS } from "./csvColumns.ts";
export { type CsvImportOptions, MAX_CSV_ROWS, parseTouchpointCsv } from "./csvTouchpoints.ts";
export { EMOTION_WORDS, emotionFromWord } from "./emotionWords.ts";
export { MAX_MERMAID_LINE, MAX_MERMAID_TASKS, parseMermaidJourney } from "./mermaidJourney.ts";
export { MAX_ISSUES } from "./untrustedText.ts";
export { detectImportKind, previewImport } from "./importFile.ts";
export { mapFileFromUpdates, seedFromSnapshot } from "./documents.ts";
export {
  type CommentThreadFile,
  commentThreadSchema,
  talkSeedFromThreads,
  threadsFromUpdates,
  threadsOfTalk,
  writeThreads,
} from "./comments.ts";
