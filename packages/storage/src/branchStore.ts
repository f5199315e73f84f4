/**
 * Branches (issue 17): a branch is a map of its own (its own documents, links and comments)
 * made from another map at one moment. This registry remembers where each came from, so the
 * original lists its branches and a branch can be compared with, and merged back into, the
 * state it started from.
 */
export interface BranchRecord {
  /** The branch's own map id. */
  readonly id: string;
  /** The map it was made from. */
  readonly sourceMapId: string;
  /** The moment of the original it starts from: the state after this row of its log. */
  readonly sourceSeq: number;
  readonly name: string;
  readonly createdAt: number;
  /** Who made it, as the server records authors (an account id or a guest author). */
  readonly createdBy: string;
  /** When it was archived (hidden from the list, kept); null: in use. */
  readonly archivedAt: number | null;
}

export interface BranchStore {
  createBranch(branch: BranchRecord): Promise<void>;
  /** The branches of a map, oldest first, archived ones included. */
  listBranches(sourceMapId: string): Promise<BranchRecord[]>;
  /** The branch record of a map, or null when the map is no branch. */
  getBranch(branchMapId: string): Promise<BranchRecord | null>;
  /** Archives (a time) or un-archives (null); false when there is no such branch of that map. */
  archiveBranch(sourceMapId: string, branchMapId: string, at: number | null): Promise<boolean>;
}
