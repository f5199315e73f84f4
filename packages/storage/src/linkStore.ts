/** Share links and API tokens of a map; tokens name their link so it can be revoked. */
export interface LinkRecord {
  readonly id: string;
  readonly mapId: string;
  /** owner, editor, commenter, viewer, contributor, or api. */
  readonly role: string;
  readonly label: string;
  readonly createdAt: number;
  readonly expiresAt: number | null;
  readonly revokedAt: number | null;
  /** The account that created the link; null when a link's token did (or before accounts). */
  readonly createdBy: string | null;
}

export interface LinkStore {
  createLink(link: LinkRecord): Promise<void>;
  getLink(id: string): Promise<LinkRecord | null>;
  listLinks(mapId: string): Promise<LinkRecord[]>;
  /** Names a live link anew ("Sales team link"); false if there was no such live link. */
  renameLink(mapId: string, id: string, label: string): Promise<boolean>;
  /** Marks a link revoked; false if there was no such live link. */
  revokeLink(mapId: string, id: string, now: number): Promise<boolean>;
}
