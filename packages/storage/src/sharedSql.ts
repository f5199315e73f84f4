/**
 * What the SQLite and PostgreSQL stores say alike: column lists, the mapping of a log row, the
 * check of a document name, and the legacy-key part of the by-document migration. Aliases are
 * double-quoted, which both dialects read as case-preserving identifiers.
 */
import { DOCUMENT_PREFIX, parseDocumentName } from "@journeymap/protocol";
import type { LoggedUpdate } from "./documentLog.ts";

export const LINK_COLUMNS = `id, map_id AS "mapId", role, label, created_at AS "createdAt", expires_at AS "expiresAt", revoked_at AS "revokedAt"`;

export const VERSION_COLUMNS = `id, map_id AS "mapId", seq, name, created_at AS "createdAt", created_by AS "createdBy"`;

/** A row of the `updates` table as either driver returns it. */
export interface UpdateRecord {
  readonly doc: string;
  readonly seq: number;
  readonly ts: number;
  readonly author: string;
  /** JSON text in SQLite, parsed JSONB in PostgreSQL. */
  readonly client_ids: string | number[];
  readonly origin: string;
  readonly bytes: Uint8Array;
}

export function loggedUpdateOf(r: UpdateRecord): LoggedUpdate {
  return {
    doc: r.doc,
    seq: r.seq,
    ts: r.ts,
    author: r.author,
    clientIds:
      typeof r.client_ids === "string" ? (JSON.parse(r.client_ids) as number[]) : r.client_ids,
    origin: r.origin as LoggedUpdate["origin"],
    bytes: new Uint8Array(r.bytes),
  };
}

/** Logs are kept for documents only: a bare map id (the old key) must not start a new log. */
export function requireDocumentName(doc: string): void {
  if (!parseDocumentName(doc)) throw new Error(`Not a document name: ${doc}`);
}

/**
 * Moving to logs keyed by document name: a map's log and checkpoints were kept under its bare
 * id and are renamed `map:<id>`; its talk document's were already under `talk:<id>`, which
 * had a row in `maps` (no map id contains ":"). Statements every backend runs, in its own
 * migration transaction; a key with ":" is never renamed twice.
 */
export const RENAME_LEGACY_LOG_KEYS = `
  UPDATE updates SET doc = '${DOCUMENT_PREFIX.map}' || doc WHERE doc NOT LIKE '%:%';
  UPDATE checkpoints SET doc = '${DOCUMENT_PREFIX.map}' || doc WHERE doc NOT LIKE '%:%';`;

export const DROP_TALK_MAP_ROWS = "DELETE FROM maps WHERE id LIKE '%:%';";
