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
import { memo, useState } from "react";
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
  /** Most rows shown at first; the rest are counted, and a button shows them all. */
  readonly limit?: number;
}

/**
 * How many changes a list shows before "Show all": a random moment of a long history lists
 * 60–140 changes, and building and dropping them all was a fifth of a jump's DOM work
 * (bench/src/history/historyMutations.ts); nobody reads past the first screenful without asking.
 */
export const CHANGES_SHOWN = 25;

/**
 * A readable list of changes, one sentence each: "Ana removed the phase “Decide” [Restore]".
 * Memoized: the history view re-renders on every scrubber input, and its list changes only
 * when the moment shown does.
 */
export const ChangeList = memo(function ChangeList({
  changes,
  empty,
  testId,
  onRestore,
  onSelect,
  context,
  limit = CHANGES_SHOWN,
}: ChangeListProps) {
  // "Show all" holds for the list it was asked on; another moment's list starts short again.
  const [allOf, setAllOf] = useState<readonly MapChange[] | null>(null);
  if (changes.length === 0) {
    return (
      <p className="history-empty" data-testid={testId}>
        {empty}
      </p>
    );
  }
  const shown = allOf === changes ? changes : changes.slice(0, limit);
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
        <li className="change-more">
          <button
            type="button"
            className="btn btn--ghost"
            data-testid="history.changes-all"
            onClick={() => setAllOf(changes)}
          >
            Show all {changes.length} changes
          </button>
        </li>
      )}
    </ul>
  );
});
