/**
 * Library opportunities (issue 19): workspace-level opportunities prioritised on a value/effort
 * matrix, each linked to opportunity cards in one or more maps. The cards carry the
 * opportunity's id in the map documents (the truth of which cards are linked, so undoing a
 * card's creation unlinks it); the link rows record which cards the server linked, so a rename
 * reaches a card linked a moment ago, before the map's summary caught up.
 */
export interface LibraryOpportunityRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly title: string;
  /** 0 (low) to 100 (high); null while the opportunity is not placed on the matrix. */
  readonly value: number | null;
  /** 0 (little) to 100 (a lot); null while not placed. */
  readonly effort: number | null;
  readonly status: string;
  readonly createdBy: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly updatedBy: string;
}

export type LibraryOpportunityChange = Partial<
  Pick<LibraryOpportunityRecord, "title" | "value" | "effort" | "status">
> & {
  readonly updatedAt: number;
  readonly updatedBy: string;
};

export interface LibraryOpportunityLink {
  readonly opportunityId: string;
  readonly mapId: string;
  readonly cardId: string;
  readonly createdAt: number;
}

export interface LibraryOpportunityStore {
  createOpportunity(record: LibraryOpportunityRecord): Promise<void>;
  getOpportunity(id: string): Promise<LibraryOpportunityRecord | null>;
  /** A workspace's opportunities, oldest first. */
  listOpportunities(workspaceId: string): Promise<LibraryOpportunityRecord[]>;
  /** Writes the given fields (last write wins); false when there is no such opportunity. */
  updateOpportunity(id: string, change: LibraryOpportunityChange): Promise<boolean>;
  /** Deletes the opportunity and its links. */
  deleteOpportunity(id: string): Promise<boolean>;
  /** Records a link (again: nothing changes). */
  addLink(link: LibraryOpportunityLink): Promise<void>;
  removeLink(opportunityId: string, mapId: string, cardId: string): Promise<boolean>;
  /** The links of these opportunities, oldest first. */
  linksOf(opportunityIds: readonly string[]): Promise<LibraryOpportunityLink[]>;
}
