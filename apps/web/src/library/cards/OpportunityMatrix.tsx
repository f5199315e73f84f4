/**
 * The value/effort matrix of the workspace's library opportunities (issue 19): each a chip
 * placed by dragging it (pointer) or moving it with the arrow keys once focused (Shift: finer;
 * Delete: back to the tray), unplaced ones waiting in a tray. Everyone watching sees a
 * placement within about a second (useLibraryOpportunities polls); the last write wins.
 * Choosing a chip opens its details: rename, status, the cards it is linked to in maps, and
 * linking it to a step of another map.
 */
import type { LibraryOpportunity } from "@journeymap/protocol/http";
import { Plus } from "lucide-react";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { createLibraryOpportunity } from "../../api/libraryCardsApi.ts";
import { useAccount } from "../../account/accountStore.ts";
import { FormError } from "../../ui/FormError.tsx";
import { useAction } from "../../ui/useAction.ts";
import {
  CENTRE,
  movedBy,
  type Placement,
  positionOf,
  QUADRANTS,
  quadrantOf,
} from "./matrixGeometry.ts";
import { OpportunityDetails } from "./OpportunityDetails.tsx";
import { useChipDrag } from "./useChipDrag.ts";
import { useLibraryOpportunities } from "./useLibraryOpportunities.ts";
import { useMoveAnnouncements } from "./useMoveAnnouncements.ts";

/** Keys nudging a chip are saved once they stop for this long (one write, not one per key). */
const SAVE_AFTER_KEYS_MS = 400;

const placementOf = (o: LibraryOpportunity): Placement | null =>
  o.value === null || o.effort === null ? null : { value: o.value, effort: o.effort };

function chipLabel(o: LibraryOpportunity): string {
  const at = placementOf(o);
  const maps = new Set(o.links.map((l) => l.mapId)).size;
  const where = at
    ? `value ${at.value}, effort ${at.effort}, ${QUADRANTS.find((q) => q.id === quadrantOf(at))?.label}`
    : "not placed";
  return `${o.title}: ${where}; linked in ${maps} map${maps === 1 ? "" : "s"}`;
}

function NewOpportunity({ workspaceId, onMade }: { workspaceId: string; onMade: () => void }) {
  const [title, setTitle] = useState("");
  const making = useAction();
  return (
    <form
      className="matrix-new"
      onSubmit={(e) => {
        e.preventDefault();
        if (!title.trim()) return;
        void making.run(async () => {
          await createLibraryOpportunity(workspaceId, { title: title.trim() });
          setTitle("");
          onMade();
        });
      }}
    >
      <label className="visually-hidden" htmlFor="matrix-new-title">
        New opportunity
      </label>
      <input
        id="matrix-new-title"
        value={title}
        maxLength={200}
        placeholder="New opportunity…"
        onChange={(e) => setTitle(e.target.value)}
        data-testid="matrix.new-title"
      />
      <button type="submit" className="btn" disabled={making.busy || !title.trim()}>
        <Plus size={14} aria-hidden="true" /> Add
      </button>
      <FormError error={making.error} />
    </form>
  );
}

export function OpportunityMatrix({ workspaceId }: { workspaceId: string }) {
  const live = useLibraryOpportunities(workspaceId);
  const said = useMoveAnnouncements(live.list, useAccount().me?.user.name ?? null);
  const mayEdit = live.list?.mayEdit ?? false;
  const area = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const keyTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const press = useChipDrag(area, mayEdit, {
    onPreview: (id, at) => {
      setDragging(id);
      live.preview(id, at);
    },
    onDrop: (id, at) => {
      setDragging(null);
      void live.place(id, at);
    },
    onCancel: (id) => {
      setDragging(null);
      live.forget(id);
    },
    onClick: (id) => setSelected(id),
  });

  // A chip moved between the tray and the matrix is a new element: focus follows it.
  useEffect(() => {
    if (!focusId) return;
    const chip = document.querySelector<HTMLElement>(`[data-chip="${CSS.escape(focusId)}"]`);
    if (chip && document.activeElement !== chip) chip.focus();
  });

  const nudge = (o: LibraryOpportunity, event: KeyboardEvent) => {
    if (!mayEdit) return;
    const at = placementOf(o);
    let next: Placement | null | undefined;
    if (event.key === "Delete" || event.key === "Backspace") next = null;
    else if (!at && (event.key.startsWith("Arrow") || event.key === " ")) next = CENTRE;
    else if (at) next = movedBy(at, event.key, event.shiftKey) ?? undefined;
    if (next === undefined) return;
    event.preventDefault();
    setFocusId(o.id);
    live.preview(o.id, next);
    const timers = keyTimers.current;
    clearTimeout(timers.get(o.id));
    timers.set(
      o.id,
      setTimeout(() => {
        timers.delete(o.id);
        void live.place(o.id, next);
      }, SAVE_AFTER_KEYS_MS),
    );
  };

  const chip = (o: LibraryOpportunity, placed: boolean) => {
    const at = placementOf(o);
    const maps = new Set(o.links.map((l) => l.mapId)).size;
    return (
      <button
        key={o.id}
        type="button"
        className={`matrix-chip ${placed ? "is-placed" : ""} ${dragging === o.id ? "is-dragging" : ""} ${selected === o.id ? "is-selected" : ""}`}
        style={placed && at ? positionOf(at) : undefined}
        aria-label={chipLabel(o)}
        aria-pressed={selected === o.id}
        title={o.title}
        data-chip={o.id}
        data-testid="matrix.chip"
        data-value={at?.value ?? ""}
        data-effort={at?.effort ?? ""}
        onPointerDown={press(o.id)}
        onKeyDown={(e) => {
          if (e.key === "Enter") setSelected(o.id);
          else nudge(o, e);
        }}
        onBlur={() => setFocusId((f) => (f === o.id ? null : f))}
      >
        <span className="matrix-chip-title">{o.title}</span>
        {maps > 0 && <span className="matrix-chip-maps">{maps}</span>}
      </button>
    );
  };

  const placed = live.opportunities.filter((o) => placementOf(o) !== null);
  const tray = live.opportunities.filter((o) => placementOf(o) === null);
  const chosen = live.opportunities.find((o) => o.id === selected) ?? null;

  return (
    <div className="matrix-view">
      <div className="matrix-main">
        <p className="matrix-help">
          {mayEdit
            ? "Drag an opportunity onto the matrix, or focus it and use the arrow keys (Shift: finer, Delete: back to the tray). Everyone here sees it move."
            : "The workspace's members place opportunities here; you see their moves as they make them."}
        </p>
        <FormError error={live.error} />
        <p className="visually-hidden" aria-live="polite" data-testid="matrix.said">
          {said}
        </p>
        <section className="matrix-tray" aria-label="Not placed yet" data-testid="matrix.tray">
          <div className="matrix-tray-head">
            <h2 className="matrix-tray-title">Not placed yet</h2>
            {mayEdit && (
              <NewOpportunity workspaceId={workspaceId} onMade={() => void live.refresh()} />
            )}
          </div>
          <div className="matrix-tray-chips">
            {tray.map((o) => chip(o, false))}
            {live.list && tray.length === 0 && (
              <p className="matrix-tray-empty">
                {live.opportunities.length === 0
                  ? "No library opportunities yet: add one here, or from an opportunity card in the table."
                  : "Every opportunity is on the matrix."}
              </p>
            )}
          </div>
        </section>
        <div className="matrix-frame">
          <span className="matrix-axis matrix-axis--value" aria-hidden="true">
            Value ↑
          </span>
          {/* biome-ignore lint/a11y/useSemanticElements: a drawing area, not a form's fieldset */}
          <div
            className="matrix"
            ref={area}
            data-testid="matrix"
            role="group"
            aria-label="Value / effort matrix"
          >
            {QUADRANTS.map((q) => (
              <div key={q.id} className={`matrix-quadrant matrix-quadrant--${q.id}`}>
                <span className="matrix-quadrant-label">{q.label}</span>
                <span className="matrix-quadrant-hint">{q.hint}</span>
              </div>
            ))}
            {placed.map((o) => chip(o, true))}
          </div>
          <span className="matrix-axis matrix-axis--effort" aria-hidden="true">
            Effort →
          </span>
        </div>
      </div>
      {chosen && (
        <OpportunityDetails
          key={chosen.id}
          workspaceId={workspaceId}
          opportunity={chosen}
          mayEdit={mayEdit}
          onChanged={() => void live.refresh()}
          onClose={() => setSelected(null)}
        />
      )}
    </div>
  );
}
