/**
 * The whole map as an accessible data grid (ARIA grid pattern): one row per step in board
 * order, grouped by phase; one column per field and visible lane. One tab stop (roving
 * tabindex); arrows, Home/End, Ctrl+Home/End and PageUp/PageDown move the active cell;
 * Enter or F2 edits, Escape cancels, Enter commits; typing over a cell starts editing.
 * Values come from the live read model, so others' edits appear as they happen.
 */
import { elementKey, type Phase, type Touchpoint, type TouchpointId } from "@journeymap/schema";
import {
  type KeyboardEvent,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { ProviderContext } from "../../board/ProviderContext.ts";
import { readPeers } from "../../sync/presence/presenceState.ts";
import { presenceWriter } from "../../sync/presence/presenceWriter.ts";
import { usePresence } from "../../sync/presence/usePresence.ts";
import { useJourneyMap, useMapSession } from "../../sync/useJourneyMap.ts";
import { CellEditor, type Move } from "./CellEditors.tsx";
import { curveSummary } from "./curveText.ts";
import { type GridPosition, navigate } from "./gridNavigation.ts";
import { TableCellContent } from "./TableCellContent.tsx";
import { commitCellEdit, editableValue } from "./tableEdits.ts";
import { presenceAttribute, selectionOf, tablePresenceRules } from "./tablePresence.ts";
import { editKindOf, type TableColumn, tableColumns } from "./tableColumns.ts";
import "../../styles/views.css";

interface Row {
  readonly tp: Touchpoint;
  readonly phase: Phase;
  readonly firstInPhase: boolean;
}

interface Active {
  readonly rowId: TouchpointId | null;
  readonly colKey: string;
  /** Where it was, for when its row or column disappears (deleted by someone else). */
  readonly fallback: GridPosition;
}

interface Editing {
  readonly rowId: TouchpointId;
  readonly colKey: string;
  readonly seed: string | null;
}

const cellSelector = (pos: GridPosition) => `[data-cell="${pos.row}:${pos.col}"]`;

export function TableView({ hiddenPersonas }: { hiddenPersonas: ReadonlySet<string> }) {
  const session = useMapSession();
  const map = useJourneyMap((m) => m);
  const columns = useMemo(
    () => tableColumns(map.lanes, map.personas, hiddenPersonas),
    [map.lanes, map.personas, hiddenPersonas],
  );
  const { groups, rows } = useMemo(() => {
    const groups: { phase: Phase; start: number; rows: Row[] }[] = [];
    const rows: Row[] = [];
    for (const phase of map.phases) {
      const touchpoints = map.touchpointsByPhase.get(phase.id) ?? [];
      if (touchpoints.length === 0) continue;
      const group = touchpoints.map((tp, i) => ({ tp, phase, firstInPhase: i === 0 }));
      groups.push({ phase, start: rows.length, rows: group });
      rows.push(...group);
    }
    return { groups, rows };
  }, [map.phases, map.touchpointsByPhase]);
  const visiblePersonas = map.personas.filter((p) => !hiddenPersonas.has(p.id));
  const showsCurve = columns.some((c) => c.kind === "emotion");

  const [active, setActive] = useState<Active>({
    rowId: null,
    colKey: "name",
    fallback: { row: 0, col: 1 },
  });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [status, setStatus] = useState("");
  const [focused, setFocused] = useState(false);
  const gridRef = useRef<HTMLTableElement>(null);
  const awareness = useContext(ProviderContext)?.awareness ?? null;
  const peers = usePresence(awareness, readPeers);

  const position = useCallback((): GridPosition => {
    const rowIndex = rows.findIndex((r) => r.tp.id === active.rowId);
    const colIndex = columns.findIndex((c) => c.key === active.colKey);
    const clamp = (n: number, size: number) => Math.max(0, Math.min(size - 1, n));
    return {
      row: rowIndex >= 0 ? rowIndex : clamp(active.fallback.row, rows.length),
      col: colIndex >= 0 ? colIndex : clamp(active.fallback.col, columns.length),
    };
  }, [rows, columns, active]);
  const at = position();

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

  const moveTo = (pos: GridPosition, focus = true) => {
    const row = rows[pos.row];
    const col = columns[pos.col];
    if (!row || !col) return;
    setActive({ rowId: row.tp.id, colKey: col.key, fallback: pos });
    if (focus) gridRef.current?.querySelector<HTMLElement>(cellSelector(pos))?.focus();
  };

  const startEditing = (pos: GridPosition, seed: string | null) => {
    const row = rows[pos.row];
    const col = columns[pos.col];
    if (!row || !col) return;
    if (session.readOnly) {
      setStatus("This link can only view the map.");
      return;
    }
    if (!editKindOf(col)) {
      setStatus(`${col.label} is edited on the board.`);
      return;
    }
    setStatus("");
    setEditing({ rowId: row.tp.id, colKey: col.key, seed });
  };

  const finishEditing = (pos: GridPosition, move?: Move) => {
    setEditing(null);
    // Focus already went where the person clicked.
    if (move === "away") return;
    const next =
      move === "next"
        ? { row: pos.row, col: Math.min(columns.length - 1, pos.col + 1) }
        : move === "previous"
          ? { row: pos.row, col: Math.max(0, pos.col - 1) }
          : pos;
    moveTo(next);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (editing) return;
    const target = e.target as HTMLElement;
    if (!target.hasAttribute("data-cell")) return;
    const pos = position();
    const next = navigate(pos, e.key, e.ctrlKey || e.metaKey, {
      rows: rows.length,
      cols: columns.length,
    });
    if (next) {
      e.preventDefault();
      moveTo(next);
      return;
    }
    if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      startEditing(pos, null);
      return;
    }
    const column = columns[pos.col];
    const typed = e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
    if (typed && column && !session.readOnly) {
      const kind = editKindOf(column);
      if (kind === "line" || kind === "text" || kind === "score") {
        // Typing over a cell replaces it, as in a spreadsheet (and is not a board shortcut).
        e.preventDefault();
        e.stopPropagation();
        startEditing(pos, e.key);
      }
    }
  };

  const commit =
    (row: Row, column: TableColumn, pos: GridPosition) => (value: string, move?: Move) => {
      const error = commitCellEdit(session.editor, session.reader.read(), column, row.tp, value);
      if (error) return error;
      finishEditing(pos, move);
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
      <div className="tv-intro">
        <p id="tv-help" className="tv-help">
          {rows.length} steps in {groups.length} phases. Arrow keys move between cells;
          {session.readOnly
            ? " this link can only view the map."
            : " Enter or F2 edits a cell, Enter saves, Escape cancels. Typing over a cell replaces it."}
        </p>
        {showsCurve && visiblePersonas.length > 0 && (
          <section className="tv-curves" aria-label="Emotion curves in words">
            <h2 className="tv-subtitle">Emotion curves in words</h2>
            <ul data-testid="views.curve-text">
              {visiblePersonas.map((p) => (
                <li key={p.id}>
                  <span className="tv-swatch" style={{ background: p.colour }} aria-hidden="true" />
                  {curveSummary(p, map.touchpoints, map.emotions)}
                </li>
              ))}
            </ul>
          </section>
        )}
        <p className="visually-hidden" role="status" aria-live="polite">
          {status}
        </p>
      </div>
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
          onKeyDown={onKeyDown}
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
            <tbody
              key={g.phase.id}
              style={{ "--phase-colour": g.phase.colour } as React.CSSProperties}
            >
              {g.rows
                .map((row, i) => ({ row, index: g.start + i }))
                .map(({ row, index }) => (
                  <tr key={row.tp.id} aria-rowindex={index + 2} data-touchpoint-id={row.tp.id}>
                    {columns.map((column, colIndex) => {
                      const pos = { row: index, col: colIndex };
                      const isActive = at.row === index && at.col === colIndex;
                      const isEditing =
                        editing?.rowId === row.tp.id && editing.colKey === column.key;
                      const kind = session.readOnly ? null : editKindOf(column);
                      const Cell = column.kind === "name" ? "th" : "td";
                      return (
                        <Cell
                          key={column.key}
                          role={column.kind === "name" ? "rowheader" : "gridcell"}
                          scope={column.kind === "name" ? "row" : undefined}
                          aria-colindex={colIndex + 1}
                          aria-readonly={kind ? undefined : true}
                          tabIndex={isActive && !isEditing ? 0 : -1}
                          className={`tv-cell tv-col-${column.kind} ${isActive ? "tv-cell--active" : ""} ${isEditing ? "tv-cell--editing" : ""}`}
                          data-cell={`${index}:${colIndex}`}
                          data-col={column.key}
                          data-presence={presenceAttribute(column, row.tp)}
                          data-testid="views.cell"
                          onFocus={(e) => {
                            if (e.target === e.currentTarget && !isActive) moveTo(pos, false);
                          }}
                          onClick={() => {
                            if (!isActive) moveTo(pos);
                          }}
                          onDoubleClick={() => startEditing(pos, null)}
                        >
                          {isEditing && kind ? (
                            <CellEditor
                              kind={kind}
                              label={`${column.label} at ${row.tp.name}`}
                              initial={editableValue(map, column, row.tp)}
                              seed={editing.seed}
                              onCommit={commit(row, column, pos)}
                              onCancel={(move) => finishEditing(pos, move)}
                            />
                          ) : (
                            <TableCellContent
                              map={map}
                              column={column}
                              tp={row.tp}
                              phase={row.phase}
                              firstInPhase={row.firstInPhase}
                            />
                          )}
                        </Cell>
                      );
                    })}
                  </tr>
                ))}
            </tbody>
          ))}
        </table>
      </div>
    </div>
  );
}
