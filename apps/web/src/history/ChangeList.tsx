import type { ChangedEntity, ChangeKind, MapChange } from "@journeymap/schema";
import {
  ArrowRightLeft,
  Gauge,
  Link,
  Minus,
  PencilLine,
  Plus,
  RotateCcw,
  Type,
  Unlink,
} from "lucide-react";
import { CHANGE_NOUN, type ChangeContext, changeSentence } from "./changeSentence.ts";
import "./historySections.css";
import "./ChangeList.css";

const ICON: Record<ChangeKind, typeof Plus> = {
  added: Plus,
  removed: Minus,
  moved: ArrowRightLeft,
  renamed: Type,
  edited: PencilLine,
  rescored: Gauge,
  linked: Link,
  unlinked: Unlink,
};

/** Things that can be restored on their own from the moment the list compares against. */
export const RESTORABLE: ReadonlySet<ChangedEntity> = new Set([
  "phase",
  "touchpoint",
  "card",
  "lane",
  "persona",
]);

export interface ChangeListProps {
  readonly changes: readonly MapChange[];
  readonly empty: string;
  readonly testId?: string;
  /** Offered on removed things (brings them back from the compared moment). */
  readonly onRestore?: (change: MapChange) => void;
  readonly onSelect?: (change: MapChange) => void;
  /** Who made the changes, when and where, for the sentences (when known). */
  readonly context?: ChangeContext;
  /** Most rows shown; the rest are counted. */
  readonly limit?: number;
}

/** A readable list of changes, one sentence each: "Ana removed the phase “Decide” [Restore]". */
export function ChangeList({
  changes,
  empty,
  testId,
  onRestore,
  onSelect,
  context,
  limit = 200,
}: ChangeListProps) {
  if (changes.length === 0) {
    return (
      <p className="history-empty" data-testid={testId}>
        {empty}
      </p>
    );
  }
  const shown = changes.slice(0, limit);
  return (
    <ul className="row-list change-list" data-testid={testId}>
      {shown.map((c) => {
        const Icon = ICON[c.change];
        const restorable = onRestore && c.change === "removed" && RESTORABLE.has(c.entity);
        return (
          <li
            key={`${c.target}-${c.change}`}
            className={`change change--${c.change}`}
            data-testid="history.change"
            data-change={`${c.entity}:${c.change}`}
          >
            <span className="change-icon" aria-hidden="true">
              <Icon size={13} />
            </span>
            <button
              type="button"
              className="change-text"
              onClick={() => onSelect?.(c)}
              disabled={!onSelect}
            >
              {changeSentence(c, context)}
            </button>
            {restorable && (
              <button
                type="button"
                className="btn btn--ghost change-restore"
                data-testid="history.restore-one"
                onClick={() => onRestore(c)}
                title={`Bring this ${CHANGE_NOUN[c.entity]} back, in place`}
              >
                <RotateCcw size={13} /> Restore
              </button>
            )}
          </li>
        );
      })}
      {changes.length > shown.length && (
        <li className="history-empty">and {changes.length - shown.length} more</li>
      )}
    </ul>
  );
}
