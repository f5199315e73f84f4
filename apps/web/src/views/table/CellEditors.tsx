/**
 * The editors that open inside a table cell. Each one commits with Enter (and on leaving the
 * cell), cancels with Escape, and reports a bad value without closing. Keys they handle do
 * not reach the grid, so arrows move the caret or the choice, not the active cell.
 */
import { CHANNEL_LABELS, CHANNELS, EMOTION_MAX, EMOTION_MIN } from "@journeymap/schema";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { parseScore, SCORE_HINT } from "../scores.ts";
import type { EditKind } from "./tableColumns.ts";
import "./CellEditors.css";

/** Where focus goes after the edit: the next or previous cell (Tab), or elsewhere (a click away). */
export type Move = "next" | "previous" | "away";

export interface EditorProps {
  readonly kind: EditKind;
  readonly label: string;
  readonly initial: string;
  /** A key typed on the cell that opened the editor: it replaces the value. */
  readonly seed: string | null;
  /** Returns an error message to show, or null when the value was written. */
  readonly onCommit: (value: string, move?: Move) => string | null;
  readonly onCancel: (move?: Move) => void;
}

export function CellEditor(props: EditorProps) {
  return props.kind === "channel" ? <ChannelEditor {...props} /> : <TextEditor {...props} />;
}

function useFinish(onCommit: EditorProps["onCommit"], onCancel: EditorProps["onCancel"]) {
  const done = useRef(false);
  const [error, setError] = useState<string | null>(null);
  return {
    error,
    commit: (value: string, move?: Move) => {
      if (done.current) return;
      const problem = onCommit(value, move);
      if (problem) setError(problem);
      else done.current = true;
    },
    cancel: () => {
      if (done.current) return;
      done.current = true;
      onCancel();
    },
    /** Leaving the cell keeps a good value and drops a bad one (there is nowhere to show why). */
    leave: (value: string) => {
      if (done.current) return;
      done.current = true;
      if (onCommit(value, "away")) onCancel("away");
    },
  };
}

function TextEditor({ kind, label, initial, seed, onCommit, onCancel }: EditorProps) {
  const [draft, setDraft] = useState(seed ?? initial);
  const { error, commit, cancel, leave } = useFinish(onCommit, onCancel);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const hintId = useId();
  const errorId = useId();
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    // Typing over a cell continues after the typed key; Enter/F2 selects the whole value.
    if (seed === null) el.select();
    else el.setSelectionRange(el.value.length, el.value.length);
  }, [seed]);

  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === "Escape") {
      e.preventDefault();
      cancel();
    } else if (e.key === "Enter" && !(kind === "text" && e.shiftKey)) {
      e.preventDefault();
      commit(draft);
    } else if (e.key === "Tab") {
      e.preventDefault();
      commit(draft, e.shiftKey ? "previous" : "next");
    } else if (kind === "score" && (e.key === "ArrowUp" || e.key === "ArrowDown")) {
      e.preventDefault();
      const parsed = parseScore(draft);
      const current = parsed.ok && parsed.score !== null ? parsed.score : 0;
      const next = Math.max(
        EMOTION_MIN,
        Math.min(EMOTION_MAX, current + (e.key === "ArrowUp" ? 1 : -1)),
      );
      setDraft(String(next));
    }
  };
  const common = {
    className: `tv-input ${error ? "tv-input--invalid" : ""}`,
    "aria-label": label,
    "aria-invalid": error ? true : undefined,
    "aria-describedby":
      `${kind === "score" || kind === "text" ? hintId : ""} ${error ? errorId : ""}`.trim() ||
      undefined,
    "data-testid": "views.cell-editor",
    value: draft,
    onKeyDown,
    onBlur: () => leave(draft),
  } as const;
  return (
    <div className="tv-editor">
      {kind === "text" ? (
        <textarea
          {...common}
          ref={ref}
          rows={Math.min(6, Math.max(2, draft.split("\n").length))}
          onChange={(e) => setDraft(e.target.value)}
        />
      ) : (
        <input
          {...common}
          ref={ref}
          inputMode={kind === "score" ? "numeric" : undefined}
          onChange={(e) => setDraft(e.target.value)}
        />
      )}
      {kind === "score" && (
        <span id={hintId} className="tv-hint">
          {SCORE_HINT} Arrow keys step.
        </span>
      )}
      {kind === "text" && (
        <span id={hintId} className="tv-hint">
          Shift+Enter for a new line. Saved as plain text.
        </span>
      )}
      {error && (
        <span id={errorId} className="tv-error" role="alert" data-testid="views.cell-error">
          {error}
        </span>
      )}
    </div>
  );
}

/** A list box (not a drop-down): arrows choose without closing, Enter or a click commits. */
function ChannelEditor({ label, initial, onCommit, onCancel }: EditorProps) {
  const [draft, setDraft] = useState(initial);
  const { error, commit, cancel, leave } = useFinish(onCommit, onCancel);
  const ref = useRef<HTMLSelectElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="tv-editor tv-editor--popup">
      <select
        ref={ref}
        className="tv-select"
        size={Math.min(8, CHANNELS.length)}
        aria-label={label}
        data-testid="views.cell-editor"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onClick={(e) => {
          // A click on an option (not on the scrollbar) picks it.
          if ((e.target as Element).tagName === "OPTION")
            commit((e.target as HTMLOptionElement).value);
        }}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === "Escape") {
            e.preventDefault();
            cancel();
          } else if (e.key === "Enter") {
            e.preventDefault();
            commit(draft);
          } else if (e.key === "Tab") {
            e.preventDefault();
            commit(draft, e.shiftKey ? "previous" : "next");
          }
        }}
        onBlur={() => leave(draft)}
      >
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {CHANNEL_LABELS[c]}
          </option>
        ))}
      </select>
      {error && (
        <span className="tv-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
