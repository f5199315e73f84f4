import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  createMapFromTemplate,
  findRestoreRow,
  LOCAL_ORIGIN,
  MapEditor,
  type RestoreRecord,
  readJourneyMap,
  readRestoreRecord,
  restoreMap,
  type RowFrame,
  sequentialIds,
  toRestoreRecord,
  watchRestoreRecord,
} from "../src/index.ts";

const ctx = { origin: LOCAL_ORIGIN };

function record(id: string, kind: RestoreRecord["kind"] = "restore"): RestoreRecord {
  return { id, kind, versionName: "Before the workshop", by: "Ana", at: 5, afterSeq: 0 };
}

/** A map whose every update is logged as a row, as the server does. */
function loggedMap() {
  const doc = new Y.Doc();
  const rows: RowFrame[] = [];
  doc.on("update", (bytes: Uint8Array) => rows.push({ seq: rows.length + 1, bytes }));
  createMapFromTemplate(doc, "default", { ids: sequentialIds("t"), now: () => 1 });
  const editor = new MapEditor(doc, { origin: LOCAL_ORIGIN, ids: sequentialIds("e") });
  const stateAt = (seq: number) => {
    const at = new Y.Doc();
    for (const row of rows.slice(0, seq)) Y.applyUpdate(at, row.bytes);
    return at;
  };
  return { doc, rows, editor, stateAt };
}

const phaseNames = (doc: Y.Doc) => readJourneyMap(doc).phases.map((p) => p.name);

describe("the restore record (issue 16, R5)", () => {
  it("is written by a whole-map restore in the restore's own update, and only when it changed something", () => {
    const { doc, rows, editor, stateAt } = loggedMap();
    const version = rows.length;
    const first = readJourneyMap(doc).phases[0]!;
    editor.updatePhase(first.id, { name: "Discover" });
    const before = rows.length;
    const heard: (RestoreRecord | null)[] = [];
    const stop = watchRestoreRecord(doc, (r) => heard.push(r));

    expect(
      restoreMap(doc, stateAt(version), ctx, { record: record("rstAAAAAAAAA") }),
    ).toBeGreaterThan(0);
    // One update (one logged row) holds the restore and its record.
    expect(rows.length).toBe(before + 1);
    expect(readRestoreRecord(doc)).toEqual(record("rstAAAAAAAAA"));
    expect(heard.map((r) => r?.id)).toEqual(["rstAAAAAAAAA"]);

    // Nothing to restore: no edit, no record, nobody told.
    expect(restoreMap(doc, stateAt(version), ctx, { record: record("rstBBBBBBBBB") })).toBe(0);
    expect(readRestoreRecord(doc)?.id).toBe("rstAAAAAAAAA");
    expect(rows.length).toBe(before + 1);
    stop();
  });

  it("reads untrusted values without throwing", () => {
    expect(toRestoreRecord(null)).toBeNull();
    expect(toRestoreRecord({ id: "" })).toBeNull();
    expect(toRestoreRecord({ id: 7 })).toBeNull();
    expect(
      toRestoreRecord({ id: "rstAAAAAAAAA", kind: "explode", by: 3, at: -9, afterSeq: "12" }),
    ).toEqual({
      id: "rstAAAAAAAAA",
      kind: "restore",
      versionName: "",
      by: "3",
      at: 0,
      afterSeq: 12,
    });
  });

  it("lets the history find the restore's row and bring back the map just before it", () => {
    const { doc, rows, editor, stateAt } = loggedMap();
    const version = rows.length;
    const map = readJourneyMap(doc);
    editor.updatePhase(map.phases[0]!.id, { name: "Discover" });
    editor.deletePhase(map.phases[1]!.id);
    const afterSeq = rows.length;
    const preRestore = phaseNames(doc);
    // Someone else edits between what the restorer's history knew and the restore.
    editor.addPhase({ name: "Late phase" });
    const withLate = phaseNames(doc);
    restoreMap(doc, stateAt(version), ctx, { record: { ...record("rstCCCCCCCCC"), afterSeq } });
    editor.addPhase({ name: "After the restore" });
    expect(phaseNames(doc)).toEqual([...phaseNames(stateAt(version)), "After the restore"]);

    const found = findRestoreRow(stateAt(afterSeq), afterSeq, rows.slice(afterSeq), "rstCCCCCCCCC");
    expect(found).toEqual({ seq: afterSeq + 2, beforeSeq: afterSeq + 1 });
    const before = stateAt(found!.beforeSeq);
    expect(phaseNames(before)).toEqual(withLate);
    expect(withLate).toEqual([...preRestore, "Late phase"]);

    // Undoing the restore is a restore of that state: a new forward edit, with its own record.
    restoreMap(doc, before, ctx, { record: record("rstDDDDDDDDD", "undo") });
    expect(phaseNames(doc)).toEqual(withLate);
    expect(readRestoreRecord(doc)?.kind).toBe("undo");
    expect(
      findRestoreRow(stateAt(afterSeq), afterSeq, rows.slice(afterSeq), "rstNOPE00000"),
    ).toBeNull();
  });
});
