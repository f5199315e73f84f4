/**
 * The SQLite store's schema, as migrations run at open in order (PRAGMA user_version counts
 * those applied). Each runs in one transaction with its version bump, so a process killed
 * mid-migration leaves the previous version, and the next open runs it again.
 */
import type Database from "better-sqlite3";
import { DROP_TALK_MAP_ROWS, MAPS_IN_WORKSPACES, RENAME_LEGACY_LOG_KEYS } from "./sharedSql.ts";
import { VOTE_TABLES } from "./voteSql.ts";
import { BRANCH_TABLES } from "./branchSql.ts";
import { LIBRARY_TABLES } from "./librarySql.ts";
import { SQLITE_SEARCH_TABLES } from "./searchSql.ts";
import { SQLITE_HISTORY_CHECKPOINT_TABLES } from "./historyCheckpointSql.ts";
import { LIBRARY_OPPORTUNITY_TABLES } from "./libraryOpportunitySql.ts";
import { LIBRARY_PERSONA_TABLES } from "./libraryPersonaSql.ts";
import { WEBHOOK_TABLES } from "./webhookSql.ts";
import { LAST_CHANGED_TABLE } from "./lastChangedStore.ts";

const STORE_MIGRATIONS: readonly string[] = [
  `CREATE TABLE maps (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE updates (
     doc TEXT NOT NULL,
     seq INTEGER NOT NULL,
     ts INTEGER NOT NULL,
     author TEXT NOT NULL,
     client_ids TEXT NOT NULL,
     origin TEXT NOT NULL,
     bytes BLOB NOT NULL,
     PRIMARY KEY (doc, seq)
   ) WITHOUT ROWID;
   CREATE TABLE checkpoints (
     doc TEXT NOT NULL,
     upto_seq INTEGER NOT NULL,
     state BLOB NOT NULL,
     created_at INTEGER NOT NULL,
     PRIMARY KEY (doc, upto_seq)
   ) WITHOUT ROWID;`,
  `CREATE TABLE secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL);
   CREATE TABLE links (
     id TEXT PRIMARY KEY,
     map_id TEXT NOT NULL,
     role TEXT NOT NULL,
     label TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     expires_at INTEGER,
     revoked_at INTEGER
   );
   CREATE INDEX links_by_map ON links (map_id);`,
  `CREATE TABLE versions (
     id TEXT PRIMARY KEY,
     map_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     name TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     created_by TEXT NOT NULL
   );
   CREATE INDEX versions_by_map ON versions (map_id, seq);`,
  // 4: logs keyed by document name; `maps` holds maps only.
  `${RENAME_LEGACY_LOG_KEYS}
   ${DROP_TALK_MAP_ROWS}`,
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
  SQLITE_SEARCH_TABLES,
  // 14: exact history states, kept so a restart replays no log (historyCheckpointSql.ts).
  SQLITE_HISTORY_CHECKPOINT_TABLES,
];

/**
 * Runs the migrations this file lacks. The version is read inside each write transaction
 * (IMMEDIATE), so a server and the CLI opening one file at once never run a step twice.
 */
/** The schema version a store has once every migration ran. */
export const SQLITE_STORE_VERSION = STORE_MIGRATIONS.length;

export function migrateSqlite(db: Database.Database): void {
  const step = db.transaction((): boolean => {
    const version = db.pragma("user_version", { simple: true }) as number;
    const migration = STORE_MIGRATIONS[version];
    if (migration === undefined) return false;
    db.exec(migration);
    db.pragma(`user_version = ${version + 1}`);
    return true;
  });
  while (step.immediate()) {}
}
