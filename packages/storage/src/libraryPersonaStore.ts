/**
 * The workspace persona library (issue 19): personas made once per workspace and used in many
 * maps. A map's persona that is linked to one carries its id (schema PERSONA.libraryPersonaId);
 * the server writes library edits into those maps. Demographics and psychographics are kept as
 * one JSON object of plain texts: the store does not know their names (schema does).
 */
export interface LibraryPersonaRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly role: string;
  readonly quote: string;
  /** `#rrggbb`, or "" for none. */
  readonly colour: string;
  /** Demographic and psychographic fields by name (schema's DEMOGRAPHIC/PSYCHOGRAPHIC_FIELDS). */
  readonly fields: Readonly<Record<string, string>>;
  readonly createdBy: string;
  readonly createdAt: number;
  readonly updatedBy: string;
  readonly updatedAt: number;
  /** When it was archived (hidden from the list, its links kept); null: in use. */
  readonly archivedAt: number | null;
}

export interface LibraryPersonaStore {
  createPersona(persona: LibraryPersonaRecord): Promise<void>;
  /** The workspace's persona, or null (no such persona, or another workspace's). */
  getPersona(workspaceId: string, id: string): Promise<LibraryPersonaRecord | null>;
  /** The workspace's personas by name, archived ones included; at most `limit`. */
  listPersonas(workspaceId: string, limit: number): Promise<LibraryPersonaRecord[]>;
  /** Replaces a persona's content (all but id, workspace and creation); false when there is none. */
  updatePersona(persona: LibraryPersonaRecord): Promise<boolean>;
  /** Archives (a time) or brings back (null); false when the workspace has no such persona. */
  archivePersona(workspaceId: string, id: string, at: number | null): Promise<boolean>;
}
