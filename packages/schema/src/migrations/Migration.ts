import type * as Y from "yjs";

/**
 * A forward migration of the shared document. Migrations look at the document's state,
 * not at a counter: `isNeeded` inspects what is there and `run` writes only deterministic
 * values (fixed ids, keys computed from the current state), so two clients migrating the
 * same document at once write the same things and converge (INV-V2). Running a migration
 * that is not needed changes nothing (INV-V3).
 */
export interface Migration {
  readonly name: string;
  /** The schema version a document has once this migration has run. */
  readonly version: number;
  isNeeded(doc: Y.Doc): boolean;
  run(doc: Y.Doc): void;
}
