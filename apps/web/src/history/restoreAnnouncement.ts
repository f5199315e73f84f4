/**
 * Telling everyone on a map about a whole-map restore (issue 16, R5): the sentence, and the
 * rule for showing it once per browser. The record comes from the document
 * (schema's restoreRecord.ts); which record this browser has shown is kept in localStorage.
 */
import type { RestoreRecord } from "@journeymap/schema";
import { readPerMap } from "./perMapStorage.ts";

const KEY = "journeymap.seenRestore";
/** Older restores are not news: someone opening the map a month later is not told. */
export const ANNOUNCE_FOR_MS = 3 * 24 * 60 * 60 * 1000;

/** "Ana restored “Before the workshop”", or "Ana undid the restore of “Before the workshop”". */
export function restoreSentence(record: RestoreRecord): string {
  const what = record.versionName ? `“${record.versionName}”` : "an earlier version";
  return record.kind === "undo"
    ? `${record.by} undid the restore of ${what}`
    : `${record.by} restored ${what}`;
}

/** Whether to show `record` here: not shown before in this browser, and recent. */
export function shouldAnnounce(
  record: RestoreRecord | null,
  seenId: string | null,
  now: number,
): record is RestoreRecord {
  return record !== null && record.id !== seenId && now - record.at < ANNOUNCE_FOR_MS;
}

const readAll = (storage: Storage) => readPerMap(storage, KEY);

export function seenRestore(mapId: string, storage: Storage = localStorage): string | null {
  const id = readAll(storage)[mapId];
  return typeof id === "string" ? id : null;
}

export function rememberRestoreSeen(mapId: string, id: string, storage: Storage = localStorage) {
  const all = readAll(storage);
  all[mapId] = id;
  storage.setItem(KEY, JSON.stringify(all));
}
