/**
 * The record of the last whole-map restore, written by `restoreMap` in the restore's own
 * transaction, so it reaches everyone exactly when the restore does (offline clients included)
 * and is in the update log with it. Other boards show it once ("Ana restored “Before the
 * workshop” · See what changed"); the history finds the restore's row by the record's id and
 * offers "Undo this restore", which restores the state just before that row as a new forward
 * edit. A server broadcast would tell only those online, and would not say which edit to undo.
 *
 * One plain value under meta (last writer wins): only the latest restore is announced.
 */
import * as Y from "yjs";
import { isValidId } from "../ids.ts";
import { META, ROOT } from "../layout.ts";
import { MAX_SHORT_TEXT, toInt, toText } from "../read/coerce.ts";
import type { RowFrame } from "./rowFrames.ts";

export interface RestoreRecord {
  /** New for every restore: how boards know they showed it, and how the history finds it. */
  readonly id: string;
  /** "restore": a named version was restored; "undo": a restore was undone. */
  readonly kind: "restore" | "undo";
  /** The version restored (for an undo: the version whose restore was undone). */
  readonly versionName: string;
  /** Who restored, as the board names them. */
  readonly by: string;
  readonly at: number;
  /**
   * The last logged row the restorer's history knew: the restore is a later row. The history
   * searches from here, so it never reads the whole log.
   */
  readonly afterSeq: number;
}

const KINDS = ["restore", "undo"] as const;

/** The record as untrusted data: null unless it has a valid id. */
export function toRestoreRecord(value: unknown): RestoreRecord | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.id !== "string" || !isValidId(v.id)) return null;
  return {
    id: v.id,
    kind: KINDS.find((k) => k === v.kind) ?? "restore",
    versionName: toText(v.versionName, "", MAX_SHORT_TEXT),
    by: toText(v.by, "", MAX_SHORT_TEXT).trim() || "Someone",
    at: toInt(v.at, 0, Number.MAX_SAFE_INTEGER, 0),
    afterSeq: toInt(v.afterSeq, 0, Number.MAX_SAFE_INTEGER, 0),
  };
}

export function readRestoreRecord(doc: Y.Doc): RestoreRecord | null {
  return toRestoreRecord(doc.getMap(ROOT.meta).get(META.lastRestore));
}

/** Writes the record; call inside the restore's transaction. */
export function writeRestoreRecord(doc: Y.Doc, record: RestoreRecord): void {
  doc.getMap(ROOT.meta).set(META.lastRestore, { ...record });
}

/** Calls `listener` with the record each time another one arrives (local or remote). */
export function watchRestoreRecord(
  doc: Y.Doc,
  listener: (record: RestoreRecord | null) => void,
): () => void {
  const meta = doc.getMap(ROOT.meta);
  const observer = (event: Y.YMapEvent<unknown>) => {
    if (event.keysChanged.has(META.lastRestore)) listener(readRestoreRecord(doc));
  };
  meta.observe(observer);
  return () => meta.unobserve(observer);
}

/** Where a restore is in the log: its row, and the row before it (whose state it replaced). */
export interface RestoreRow {
  readonly seq: number;
  readonly beforeSeq: number;
}

/**
 * Finds the row that wrote the restore record `id`, applying `rows` (in order, the rows after
 * `fromSeq`) to `doc`, the state at `fromSeq`. Null if no row among them wrote it.
 */
export function findRestoreRow(
  doc: Y.Doc,
  fromSeq: number,
  rows: Iterable<RowFrame>,
  id: string,
): RestoreRow | null {
  let beforeSeq = fromSeq;
  for (const row of rows) {
    Y.applyUpdate(doc, row.bytes);
    if (readRestoreRecord(doc)?.id === id) return { seq: row.seq, beforeSeq };
    beforeSeq = row.seq;
  }
  return null;
}
