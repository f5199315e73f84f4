/** The talk document: comment threads and the evidence inbox of one map. */
export * from "./Talk.ts";
export { TALK_ROOT } from "./layout.ts";
export { readTalk, readInboxItem, isValidTarget } from "./readTalk.ts";
export * from "./comments.ts";
export * from "./inbox.ts";
export * from "./triage.ts";
export * from "./mentions.ts";
export * from "./threadFilters.ts";
export * from "./csv.ts";
