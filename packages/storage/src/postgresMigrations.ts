/**
 * The PostgreSQL store's schema, as migrations run at open in order. Every instance runs
 * them under one advisory lock and in one transaction with the version row
 * (journeymap_store_version), so instances starting together migrate once, and a process
 * killed mid-migration leaves the previous version for the next start to migrate again.
 */
import { DOCUMENT_PREFIX } from "@journeymap/protocol";
import type pg from "pg";
import { inTransaction } from "./postgresTransaction.ts";
import { DROP_TALK_MAP_ROWS, MAPS_IN_WORKSPACES, RENAME_LEGACY_LOG_KEYS } from "./sharedSql.ts";
import { VOTE_TABLES } from "./voteSql.ts";
import { BRANCH_TABLES } from "./branchSql.ts";
import { LIBRARY_TABLES } from "./librarySql.ts";
import { POSTGRES_SEARCH_TABLES } from "./searchSql.ts";
import { POSTGRES_HISTORY_CHECKPOINT_TABLES } from "./historyCheckpointSql.ts";
import { LIBRARY_OPPORTUNITY_TABLES } from "./libraryOpportunitySql.ts";
import { LIBRARY_PERSONA_TABLES } from "./libraryPersonaSql.ts";
import { WEBHOOK_TABLES } from "./webhookSql.ts";
import { LAST_CHANGED_TABLE } from "./lastChangedStore.ts";

/** Any constant: the key of the advisory lock migrators take. */
const MIGRATION_LOCK = 727274;

/** Append-only: a database runs those it lacks, so a migration once released never changes. */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `CREATE TABLE maps (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     last_seq BIGINT NOT NULL DEFAULT 0,
     updated_at BIGINT NOT NULL
   );
   CREATE TABLE updates (
     doc TEXT NOT NULL REFERENCES maps (id),
     seq BIGINT NOT NULL,
     ts BIGINT NOT NULL,
     author TEXT NOT NULL,
     client_ids JSONB NOT NULL,
     origin TEXT NOT NULL,
     bytes BYTEA NOT NULL,
     PRIMARY KEY (doc, seq)
   );
   CREATE TABLE checkpoints (
     doc TEXT NOT NULL REFERENCES maps (id),
     upto_seq BIGINT NOT NULL,
     state BYTEA NOT NULL,
     created_at BIGINT NOT NULL,
     PRIMARY KEY (doc, upto_seq)
   );`,
  `CREATE TABLE secrets (name TEXT PRIMARY KEY, value BYTEA NOT NULL);
   CREATE TABLE links (
     id TEXT PRIMARY KEY,
     map_id TEXT NOT NULL REFERENCES maps (id),
     role TEXT NOT NULL,
     label TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     expires_at BIGINT,
     revoked_at BIGINT
   );
   CREATE INDEX links_by_map ON links (map_id);`,
  `CREATE TABLE versions (
     id TEXT PRIMARY KEY,
     map_id TEXT NOT NULL REFERENCES maps (id),
     seq BIGINT NOT NULL,
     name TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     created_by TEXT NOT NULL
   );
   CREATE INDEX versions_by_map ON versions (map_id, seq);`,
  // 4: logs keyed by document name. The per-log counter (last_seq) moves from `maps` to a
  // row per document, so `maps` holds maps only and a talk document needs no map row.
  `CREATE TABLE documents (
     name TEXT PRIMARY KEY,
     last_seq BIGINT NOT NULL,
     updated_at BIGINT NOT NULL
   );
   INSERT INTO documents (name, last_seq, updated_at)
     SELECT CASE WHEN id LIKE '%:%' THEN id ELSE '${DOCUMENT_PREFIX.map}' || id END, last_seq, updated_at
     FROM maps;
   ALTER TABLE updates DROP CONSTRAINT updates_doc_fkey;
   ALTER TABLE checkpoints DROP CONSTRAINT checkpoints_doc_fkey;
   ${RENAME_LEGACY_LOG_KEYS}
   ${DROP_TALK_MAP_ROWS}
   ALTER TABLE updates ADD CONSTRAINT updates_doc_fkey FOREIGN KEY (doc) REFERENCES documents (name);
   ALTER TABLE checkpoints ADD CONSTRAINT checkpoints_doc_fkey FOREIGN KEY (doc) REFERENCES documents (name);
   ALTER TABLE maps DROP COLUMN last_seq, DROP COLUMN updated_at;`,
  // 5: maps belong to workspaces; shares with people; workspace settings.
  MAPS_IN_WORKSPACES,
  // 6: outgoing webhooks and their delivery queue (webhookSql.ts).
  WEBHOOK_TABLES,
  // 7: what each thing of a map last changed before retention compacted it (lastChangedStore.ts).
  LAST_CHANGED_TABLE,
  // 8: live emotion votes and their ballots (voteSql.ts).
  VOTE_TABLES,
  // 9: branches of maps and where they came from (branchSql.ts).
  BRANCH_TABLES,
  // 10: the journey library's summary of each map (librarySql.ts).
  LIBRARY_TABLES,
  // 11: the workspace persona library (libraryPersonaSql.ts).
  LIBRARY_PERSONA_TABLES,
  // 12: library opportunities and the cards linked to them (libraryOpportunitySql.ts).
  LIBRARY_OPPORTUNITY_TABLES,
  // 13: search across maps: rows and their full-text index (searchSql.ts).
  POSTGRES_SEARCH_TABLES,
  // 14: exact history states, kept so a restart replays no log (historyCheckpointSql.ts).
  POSTGRES_HISTORY_CHECKPOINT_TABLES,
];

export async function migratePostgres(pool: pg.Pool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query(
      "CREATE TABLE IF NOT EXISTS journeymap_store_version (version INT NOT NULL)",
    );
    const { rows } = await client.query<{ version: number }>(
      "SELECT version FROM journeymap_store_version",
    );
    if (rows.length === 0) await client.query("INSERT INTO journeymap_store_version VALUES (0)");
    for (let version = rows[0]?.version ?? 0; version < POSTGRES_MIGRATIONS.length; version++) {
      await client.query(POSTGRES_MIGRATIONS[version]!);
      await client.query("UPDATE journeymap_store_version SET version = $1", [version + 1]);
    }
  });
}
