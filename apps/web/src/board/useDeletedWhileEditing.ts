/**
 * Notices when the phase, step or lane of the cell we are typing in is deleted by someone
 * else (issue 15, B1), at the moment the delete arrives and before the board stops showing
 * the cell, so the editor can move into a notice instead of vanishing with the keystrokes.
 *
 * While a cell editor has focus it keeps a copy of the map that follows every update: a
 * transaction's listeners run before its update is emitted, so when the delete is seen the
 * copy is the map just before it, the state "restore in place" brings the container back from.
 * The cell's text itself is never emptied by a delete (schema INV-X5), so it comes back with
 * the container, including what was typed after the delete.
 */
import { parseElementKey, type RefOf, restoreEntity } from "@journeymap/schema";
import { useCallback, useEffect, useState } from "react";
import * as Y from "yjs";
import { useJourneyMap, useMapSession } from "../sync/useJourneyMap.ts";
import { type DeletedContainer, deletedContainerOf } from "./deletedWhileEditing.ts";

export interface DeletedWhileEditing {
  readonly cell: RefOf<"cell">;
  readonly container: DeletedContainer;
  /** The cell's lane and step names, as the board showed them. */
  readonly lane: string;
  readonly step: string;
  /** The map just before the delete. */
  readonly before: Y.Doc;
}

/** The cell whose editor has focus (its text or its toolbar), if any. */
function focusedCell(): RefOf<"cell"> | null {
  const el = document.activeElement?.closest?.("[data-presence^='cell:']");
  if (!el?.querySelector("[data-testid='board.cell-editor']")) return null;
  const ref = parseElementKey(el.getAttribute("data-presence") ?? "");
  return ref?.kind === "cell" ? ref : null;
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

export function useDeletedWhileEditing() {
  const { doc, reader, editor, undo } = useMapSession();
  const [deleted, setDeleted] = useState<DeletedWhileEditing | null>(null);

  useEffect(() => {
    let copy: Y.Doc | null = null;
    let last = reader.read();
    const follow = (update: Uint8Array) => {
      if (copy) Y.applyUpdate(copy, update);
    };
    // Only while typing in a cell: a copy of a big map is not free.
    const onFocus = () => {
      if (focusedCell()) copy ??= copyOf(doc);
      else copy = null;
    };
    const stop = reader.subscribe(() => {
      const before = last;
      last = reader.read();
      const cell = copy && focusedCell();
      if (!copy || !cell) return;
      const container = deletedContainerOf(before, last, cell);
      if (!container) return;
      const lane = before.lanes.find((l) => l.id === cell.laneId);
      const step = before.touchpoints.find((t) => t.id === cell.touchpointId);
      const names = { lane: lane?.name ?? "", step: step?.name ?? "" };
      setDeleted({ cell, container, ...names, before: copy });
      copy = null;
    });
    doc.on("update", follow);
    document.addEventListener("focusin", onFocus);
    return () => {
      stop();
      doc.off("update", follow);
      document.removeEventListener("focusin", onFocus);
    };
  }, [doc, reader]);

  const cell = deleted?.cell;
  // Undone or restored by anyone: the cell is on the board again.
  const back = useJourneyMap(
    (m) =>
      !!cell &&
      m.lanes.some((l) => l.id === cell.laneId) &&
      m.touchpoints.some((t) => t.id === cell.touchpointId),
  );

  const restore = useCallback(() => {
    if (!deleted) return;
    // Our own edit, so the board's undo can take it back.
    restoreEntity(doc, deleted.before, deleted.container.target, editor.ctx, { undo });
  }, [doc, deleted, editor, undo]);

  return { deleted, back, restore, dismiss: useCallback(() => setDeleted(null), []) };
}
