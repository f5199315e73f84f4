/**
 * What the SQLite and PostgreSQL stores say alike: column lists, the mapping of a log row, the
 * check of a document name, and the legacy-key part of the by-document migration. Aliases are
 * double-quoted, which both dialects read as case-preserving identifiers.
 */
import { DOCUMENT_PREFIX, parseDocumentName, type Role } from "@journeymap/protocol";
import type { LoggedUpdate } from "./documentLog.ts";
import { DEFAULT_WORKSPACE_SETTINGS, type MapPolicy } from "./workspaceSettings.ts";

export const LINK_COLUMNS = `id, map_id AS "mapId", role, label, created_at AS "createdAt", expires_at AS "expiresAt", revoked_at AS "revokedAt", created_by AS "createdBy"`;

export const SHARE_COLUMNS = `id, map_id AS "mapId", user_id AS "userId", email, role, created_by AS "createdBy", created_at AS "createdAt"`;

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

/**
 * 5: maps belong to workspaces (accounts). Maps made before have no workspace (null) until a
 * holder of their owner link claims them, no creator, and are not trashed; links made before
 * have no creator. Types every backend reads alike (SQLite takes BIGINT and BOOLEAN as names of
 * its INTEGER and NUMERIC affinities); the reference is enforced by PostgreSQL only.
 */
export const MAPS_IN_WORKSPACES = `
  ALTER TABLE maps ADD COLUMN workspace_id TEXT;
  ALTER TABLE maps ADD COLUMN created_by TEXT;
  ALTER TABLE maps ADD COLUMN deleted_at BIGINT;
  CREATE INDEX maps_by_workspace ON maps (workspace_id);
  CREATE INDEX maps_by_deleted_at ON maps (deleted_at);
  ALTER TABLE links ADD COLUMN created_by TEXT;
  CREATE TABLE map_shares (
    id TEXT PRIMARY KEY,
    map_id TEXT NOT NULL REFERENCES maps (id),
    user_id TEXT,
    email TEXT,
    role TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    CHECK ((user_id IS NULL) <> (email IS NULL))
  );
  CREATE UNIQUE INDEX map_shares_by_user ON map_shares (user_id, map_id) WHERE user_id IS NOT NULL;
  CREATE UNIQUE INDEX map_shares_by_email ON map_shares (email, map_id) WHERE email IS NOT NULL;
  CREATE INDEX map_shares_by_map ON map_shares (map_id);
  CREATE TABLE workspace_settings (
    workspace_id TEXT PRIMARY KEY,
    default_map_role TEXT NOT NULL,
    guest_links BOOLEAN NOT NULL
  );`;

/** A map's policy: the map and its workspace's settings (NULL where none were saved). */
export const POLICY_SQL = `SELECT m.id AS "mapId", m.workspace_id AS "workspaceId", m.deleted_at AS "deletedAt",
    s.default_map_role AS "defaultMapRole", s.guest_links AS "guestLinks"
  FROM maps m LEFT JOIN workspace_settings s ON s.workspace_id = m.workspace_id`;

/** A policy row as either driver returns it (SQLite: 0/1 for booleans). */
export interface PolicyRecord {
  readonly mapId: string;
  readonly workspaceId: string | null;
  readonly deletedAt: number | null;
  readonly defaultMapRole: string | null;
  readonly guestLinks: boolean | number | null;
}

export function policyOf(r: PolicyRecord): MapPolicy {
  return {
    mapId: r.mapId,
    workspaceId: r.workspaceId,
    deletedAt: r.deletedAt,
    defaultMapRole: (r.defaultMapRole as Role | null) ?? DEFAULT_WORKSPACE_SETTINGS.defaultMapRole,
    guestLinks:
      r.guestLinks === null ? DEFAULT_WORKSPACE_SETTINGS.guestLinks : Boolean(r.guestLinks),
  };
}

/**
 * A map's own row of map_branches (when it is a branch), keyed by its id: purged with it. The
 * rows of its branches (which name it as their source) stay with those maps.
 */
export const BRANCH_ROW_OF_MAP = "map_branches WHERE id";

/** Tables whose rows belong to one map (by `map_id`): purged with it. */
export const MAP_OWNED_TABLES = [
  "map_shares",
  "versions",
  "links",
  "webhooks",
  "webhook_deliveries",
  "votes",
  "vote_ballots",
  "last_changed",
  "map_summaries",
  "search_rows",
  "library_opportunity_links",
  "history_checkpoints",
] as const;
