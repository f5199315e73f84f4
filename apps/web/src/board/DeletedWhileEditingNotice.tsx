/**
 * "Ana deleted this phase · Restore", for the person typing in one of its cells (issue 15,
 * B1). Their editor moves into this notice, still on the cell's text, with focus, so nothing
 * typed is lost: what they type is kept with the cell, and Restore (or Ana's undo) puts the
 * phase back with all of it, where they go on typing in place.
 */
import { elementKey } from "@journeymap/schema";
import { RotateCcw, X } from "lucide-react";
import { lazy, Suspense, useContext, useEffect, useRef } from "react";
import type { Awareness } from "y-protocols/awareness";
import { readRemovedBy } from "../sync/presence/presenceState.ts";
import { usePresence } from "../sync/presence/usePresence.ts";
import { useMapSession } from "../sync/useJourneyMap.ts";
import { CONTAINER_NOUN } from "./deletedWhileEditing.ts";
import { ProviderContext } from "./ProviderContext.ts";
import { useAnnounceRemovals } from "./useAnnounceRemovals.ts";
import { useDeletedWhileEditing } from "./useDeletedWhileEditing.ts";
import { useTypeAhead } from "./useTypeAhead.ts";
import "./DeletedWhileEditingNotice.css";

const CellEditor = lazy(() => import("./CellEditor.tsx"));

/** Opens the cell's editor on the board again (the board's cells open on a press). */
function editInPlace(cellKey: string): void {
  const cell = document.querySelector(`[data-presence="${CSS.escape(cellKey)}"]`);
  cell?.querySelector<HTMLElement>("[data-testid='board.cell']")?.click();
}

export function DeletedWhileEditingNotice({ awareness }: { awareness: Awareness | null }) {
  const { doc, editor } = useMapSession();
  useAnnounceRemovals(doc, awareness);
  const { deleted, back, restore, dismiss } = useDeletedWhileEditing();
  const provider = useContext(ProviderContext);
  const typedAhead = useTypeAhead(deleted !== null);
  const root = useRef<HTMLDivElement>(null);
  const key = deleted?.container.key ?? "";
  const by = usePresence(awareness, (states, self) => readRemovedBy(states, self, key)?.name);

  // The cell's editor left the page with the focus: give it to this one, caret at the end,
  // unless the person has already moved on to something else.
  useEffect(() => {
    if (!deleted) return;
    let frame = requestAnimationFrame(function focusHere() {
      const text = root.current?.querySelector<HTMLElement>(".ProseMirror");
      if (!text) {
        frame = requestAnimationFrame(focusHere);
        return;
      }
      if (document.activeElement && document.activeElement !== document.body) return;
      text.focus();
      document.getSelection()?.selectAllChildren(text);
      document.getSelection()?.collapseToEnd();
    });
    return () => cancelAnimationFrame(frame);
  }, [deleted]);

  useEffect(() => {
    if (!deleted || !back) return;
    const typing = root.current?.contains(document.activeElement) ?? false;
    dismiss();
    // Go on typing where the text is again, after the board has drawn the cell.
    if (typing) requestAnimationFrame(() => editInPlace(elementKey(deleted.cell)));
  }, [deleted, back, dismiss]);

  if (!deleted) return null;
  const noun = CONTAINER_NOUN[deleted.container.target.kind];
  return (
    <div
      ref={root}
      className="notice deleted-while-editing"
      role="alert"
      data-testid="board.deleted-while-editing"
    >
      <div className="deleted-while-editing__head">
        <strong>
          {by ?? "Someone"} deleted this {noun}
        </strong>
        <button type="button" className="btn btn--primary" onClick={restore}>
          <RotateCcw size={15} aria-hidden="true" /> Restore
        </button>
        <button type="button" className="icon-btn" aria-label="Close" onClick={dismiss}>
          <X size={15} />
        </button>
      </div>
      <p className="panel-note">
        Your text in {deleted.lane} at {`“${deleted.step}”`} is kept: go on typing here. Restore
        brings back the {noun} {`“${deleted.container.name}”`} with it.
      </p>
      <Suspense fallback={null}>
        <CellEditor
          fragment={editor.cellFragment(deleted.cell.laneId, deleted.cell.touchpointId)}
          provider={provider}
          label={`${deleted.lane} at ${deleted.step}`}
          takeTypedAhead={typedAhead}
          onDone={() => {}}
        />
      </Suspense>
    </div>
  );
}
