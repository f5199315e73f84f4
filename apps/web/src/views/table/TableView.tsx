/**
 * The whole map as an accessible data grid (ARIA grid pattern): one row per step in board
 * order, grouped by phase; one column per field and visible lane. One tab stop (roving
 * tabindex); arrows, Home/End, Ctrl+Home/End and PageUp/PageDown move the active cell;
 * Enter or F2 edits, Escape cancels, Enter commits; typing over a cell starts editing.
 * Values come from the live read model, so others' edits appear as they happen.
 */
import { elementKey } from "@journeymap/schema";
import { type CSSProperties, useContext, useEffect, useMemo, useRef, useState } from "react";
import { ProviderContext } from "../../board/ProviderContext.ts";
import { readPeers } from "../../sync/presence/presenceState.ts";
import { presenceWriter } from "../../sync/presence/presenceWriter.ts";
import { usePresence } from "../../sync/presence/usePresence.ts";
import { useJourneyMap, useMapSession } from "../../sync/useJourneyMap.ts";
import type { Move } from "./CellEditors.tsx";
import type { GridPosition } from "./gridNavigation.ts";
import { TableIntro } from "./TableIntro.tsx";
import { TableStepRow } from "./TableStepRow.tsx";
import { type TableColumn, tableColumns } from "./tableColumns.ts";
import { commitCellEdit } from "./tableEdits.ts";
import { selectionOf, tablePresenceRules } from "./tablePresence.ts";
import { type StepRow, tableRows } from "./tableRows.ts";
import { useTableCursor } from "./useTableCursor.ts";
import "../shared.css";
import "./TableView.css";

export function TableView({ hiddenPersonas }: { hiddenPersonas: ReadonlySet<string> }) {
  const session = useMapSession();
  const map = useJourneyMap((m) => m);
  const columns = useMemo(
    () => tableColumns(map.lanes, map.personas, hiddenPersonas),
    [map.lanes, map.personas, hiddenPersonas],
  );
  const { groups, rows } = useMemo(
    () => tableRows({ phases: map.phases, touchpointsByPhase: map.touchpointsByPhase }),
    [map.phases, map.touchpointsByPhase],
  );
  const visiblePersonas = map.personas.filter((p) => !hiddenPersonas.has(p.id));
  const showsCurve = columns.some((c) => c.kind === "emotion");

  const [focused, setFocused] = useState(false);
  const gridRef = useRef<HTMLTableElement>(null);
  const cursor = useTableCursor(rows, columns, session.readOnly, gridRef);
  const { at, editing } = cursor;
  const awareness = useContext(ProviderContext)?.awareness ?? null;
  const peers = usePresence(awareness, readPeers);

  // Where we are, for others: the same selection the board publishes.
  const activeRow = rows[at.row];
  const activeColumn = columns[at.col];
  const selected =
    focused && activeRow && activeColumn ? selectionOf(activeColumn, activeRow.tp) : null;
  const selectedKey = selected && elementKey(selected);
  const isEditingNow = editing !== null;
  const publish = useMemo(() => presenceWriter(awareness), [awareness]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `selectedKey` stands for `selected`
  useEffect(() => {
    if (selected) publish.select({ ref: selected, editing: isEditingNow });
  }, [publish, selectedKey, isEditingNow]);
  useEffect(() => () => publish.select(null), [publish]);

  const commit =
    (row: StepRow, column: TableColumn, pos: GridPosition) => (value: string, move?: Move) => {
      const error = commitCellEdit(session.editor, session.reader.read(), column, row.tp, value);
      if (error) return error;
      cursor.finishEditing(pos, move);
      return null;
    };

  if (rows.length === 0) {
    return (
      <div className="table-view">
        <p className="notice" data-testid="views.table-empty">
          This map has no steps yet. Add phases and steps on the board; they will be listed here.
        </p>
      </div>
    );
  }

  return (
    <div className="table-view">
      <TableIntro
        map={map}
        steps={rows.length}
        phases={groups.length}
        readOnly={session.readOnly}
        curves={showsCurve ? visiblePersonas : []}
        status={cursor.status}
      />
      <style>{tablePresenceRules(peers)}</style>
      <div className="tv-scroll">
        <table
          ref={gridRef}
          className="tv-grid"
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the APG data grid pattern is a table with role grid
          role="grid"
          aria-label="Journey map as a table"
          aria-describedby="tv-help"
          aria-rowcount={rows.length + 1}
          aria-colcount={columns.length}
          aria-readonly={session.readOnly || undefined}
          data-testid="views.table"
          onKeyDown={cursor.onKeyDown}
          onFocus={() => setFocused(true)}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
          }}
        >
          <thead>
            <tr aria-rowindex={1}>
              {columns.map((c, i) => (
                <th
                  key={c.key}
                  scope="col"
                  aria-colindex={i + 1}
                  className={`tv-head tv-col-${c.kind}`}
                >
                  {c.kind === "emotion" && (
                    <span
                      className="tv-swatch"
                      style={{ background: c.colour }}
                      aria-hidden="true"
                    />
                  )}
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          {groups.map((g) => (
            <tbody key={g.phase.id} style={{ "--phase-colour": g.phase.colour } as CSSProperties}>
              {g.rows.map((row, i) => (
                <TableStepRow
                  key={row.tp.id}
                  map={map}
                  row={row}
                  index={g.start + i}
                  columns={columns}
                  cursor={cursor}
                  readOnly={session.readOnly}
                  onCommit={commit}
                />
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </div>
  );
}
