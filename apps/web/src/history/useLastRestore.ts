/**
 * The live map's last whole-map restore, as the history shows it (issue 16, R5): who restored
 * what and when, where that edit is in the log, and "Undo this restore", which restores the
 * map as it was just before that edit as a new forward edit. The record travels in the
 * document, so this works after a reload, in another browser, or for someone else.
 */
import {
  findRestoreRow,
  type RestoreRecord,
  type RestoreRow,
  readRestoreRecord,
  watchRestoreRecord,
} from "@journeymap/schema";
import { useEffect, useState } from "react";
import * as Y from "yjs";
import { askToConfirm } from "../ui/confirmRequests.ts";
import type { HistoryApi } from "./HistoryApi.ts";
import { docAt } from "./replayedDoc.ts";
import type { Restore } from "./useRestore.ts";

export interface LastRestoreOptions {
  readonly api: HistoryApi;
  readonly live: Y.Doc;
  readonly liveReady: boolean;
  readonly restore: Restore;
  readonly onSeek: (seq: number) => void;
  readonly onError: (message: string) => void;
}

export interface LastRestore {
  readonly record: RestoreRecord | null;
  /** Shows the restore's edit in the replay. */
  readonly show: () => void;
  /** Asks, then brings back the map as it was just before the restore. */
  readonly undo: () => void;
}

/** The restore's row: read forward from the last row its author knew, a page at a time. */
async function locate(api: HistoryApi, record: RestoreRecord): Promise<RestoreRow | null> {
  const last = await api.lastSeq(record.afterSeq);
  const doc = record.afterSeq === 0 ? new Y.Doc() : await docAt(api, record.afterSeq);
  for (let from = record.afterSeq; from < last; ) {
    const rows = await api.rows(from + 1, last);
    if (rows.length === 0) return null;
    const found = findRestoreRow(doc, from, rows, record.id);
    if (found) return found;
    from = rows.at(-1)!.seq;
  }
  return null;
}

const NOT_FOUND = "That restore is no longer in the history, so it cannot be undone from here.";

export function useLastRestore(options: LastRestoreOptions): LastRestore {
  const { api, live, liveReady, restore, onSeek, onError } = options;
  const [record, setRecord] = useState<RestoreRecord | null>(null);
  useEffect(() => {
    if (!liveReady) return;
    setRecord(readRestoreRecord(live));
    return watchRestoreRecord(live, setRecord);
  }, [live, liveReady]);

  const show = async (shown: RestoreRecord) => {
    const row = await locate(api, shown);
    if (row) onSeek(row.seq);
    else restore.tell(NOT_FOUND);
  };

  const undo = async (undone: RestoreRecord) => {
    const yes = await askToConfirm({
      title: `Undo the restore of “${undone.versionName}”?`,
      body:
        "Everyone's map goes back to how it was just before the restore; edits made since then " +
        "are undone too. This is a new edit: the history keeps both.",
      confirmLabel: "Undo this restore",
    });
    if (!yes) return;
    const row = await locate(api, undone);
    if (!row) return restore.tell(NOT_FOUND);
    const [before, last] = await Promise.all([
      row.beforeSeq === 0 ? new Y.Doc() : docAt(api, row.beforeSeq),
      api.lastSeq(row.seq),
    ]);
    restore.restoreMap(before, undone.versionName, last, "undo");
  };

  const failed = (e: unknown) => onError((e as Error).message);
  return {
    record,
    show: () => record && void show(record).catch(failed),
    undo: () => record && void undo(record).catch(failed),
  };
}
