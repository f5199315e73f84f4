/** The vocabulary of a map diff: what changed, how, and where on the board. */

export type ChangedEntity =
  | "meta"
  | "persona"
  | "phase"
  | "touchpoint"
  | "lane"
  | "card"
  | "emotion"
  | "cell";
/**
 * `linked` / `unlinked`: a step's sub-journey, a persona's library persona or a card's library
 * opportunity was set (or replaced) / cleared; the detail is the id linked or let go.
 */
export type ChangeKind =
  | "added"
  | "removed"
  | "moved"
  | "renamed"
  | "edited"
  | "rescored"
  | "linked"
  | "unlinked";

export interface MapChange {
  readonly entity: ChangedEntity;
  readonly change: ChangeKind;
  readonly id: string;
  /** A readable name of the thing (its name now, or its last name if removed). */
  readonly label: string;
  /** e.g. "−1 → +2", "“Sign up” → “Register”", "to phase “Onboard”", a linked id. */
  readonly detail?: string;
  /**
   * The board element it concerns, as in the board's `data-presence` attribute
   * (`phase:<id>`, `touchpoint:<id>`, `card:<id>`, `cell:<root>`, `point:<key>`), or
   * `lane:<id>` / `persona:<id>` / `meta`.
   */
  readonly target: string;
}

/** A change with `detail` only when there is one (absent, not undefined). */
export function mapChange(
  entity: ChangedEntity,
  change: ChangeKind,
  id: string,
  label: string,
  target: string,
  detail?: string,
): MapChange {
  return detail === undefined
    ? { entity, change, id, label, target }
    : { entity, change, id, label, detail, target };
}

/** Counts per change kind, for summaries ("3 added, 1 removed"). */
export function countChanges(changes: readonly MapChange[]): Record<ChangeKind, number> {
  const counts: Record<ChangeKind, number> = {
    added: 0,
    removed: 0,
    moved: 0,
    renamed: 0,
    edited: 0,
    rescored: 0,
    linked: 0,
    unlinked: 0,
  };
  for (const c of changes) counts[c.change]++;
  return counts;
}
