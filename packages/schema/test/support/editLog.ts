/** A log of real rows for the history player's tests: a seeded map and many small edits. */
import * as Y from "yjs";
import { readJourneyMap } from "../../src/index.ts";
import { seededMap } from "./seededMap.ts";

/** The rows of the seeded map (its state as the first) and `edits` edits, one row each. */
export function editLog(edits: number): Uint8Array[] {
  const { doc, editor, map } = seededMap(() => 1);
  const rows = [Y.encodeStateAsUpdate(doc)];
  doc.on("update", (u: Uint8Array) => rows.push(u));
  const phase = map().phases[0]!.id;
  for (let i = 0; i < edits; i++) {
    if (i % 3 === 0) editor.addTouchpoint({ phaseId: phase, name: `Step ${i}` });
    else editor.updatePhase(phase, { name: `Phase ${i}` });
  }
  return rows;
}

/** The map after the first `seq` rows, replayed from row 1. */
export function mapAt(rows: Uint8Array[], seq: number) {
  const doc = new Y.Doc();
  for (const row of rows.slice(0, seq)) Y.applyUpdate(doc, row);
  return readJourneyMap(doc);
}
