/**
 * MapStore on SQLite (better-sqlite3, synchronous under a Promise API). WAL with
 * synchronous=NORMAL: a committed row survives the process being killed (what "confirmed is
 * durable" needs); FULL would be needed for power loss. One process per file: scale-out
 * needs PostgreSQL. Store-schema migrations run at open (sqliteMigrations.ts). The logs are
 * SqliteDocumentLog's; this adds the maps, links, versions, shares and workspace settings.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { DOCUMENT_PREFIX } from "@journeymap/protocol";
import type { LastChangedSummary } from "@journeymap/schema";
import Database from "better-sqlite3";
import type {
  ArchiveReader,
  ArchiveStore,
  MapArchive,
  RestoreOptions,
} from "./archive/mapArchive.ts";
import { restoreSqliteArchive, withSqliteSnapshot } from "./archive/SqliteArchive.ts";
import type { LinkRecord } from "./linkStore.ts";
import {
  documentsOf,
  type MapQuery,
  type MapRecord,
  type NewMap,
  seedRowsOf,
} from "./mapCatalog.ts";
import type { MapStore } from "./mapStore.ts";
import { type Dialect, findMapsSql, MAP_COLUMNS } from "./mapQuerySql.ts";
import type { MapShare } from "./shareStore.ts";
import {
  LINK_COLUMNS,
  BRANCH_ROW_OF_MAP,
  MAP_OWNED_TABLES,
  type PolicyRecord,
  POLICY_SQL,
  policyOf,
  SHARE_COLUMNS,
  VERSION_COLUMNS,
} from "./sharedSql.ts";
import { lastChangedSql, toLastChanged } from "./lastChangedStore.ts";
import { SqliteDocumentLog } from "./SqliteDocumentLog.ts";
import { migrateSqlite } from "./sqliteMigrations.ts";
import { SqlVoteStore } from "./voteSql.ts";
import { SqlBranchStore } from "./branchSql.ts";
import { type HistoryCheckpointStore, SqlHistoryCheckpointStore } from "./historyCheckpointSql.ts";
import { SqlLibraryStore } from "./librarySql.ts";
import type { LibraryStore } from "./libraryStore.ts";
import { SqliteSearchStore } from "./searchSql.ts";
import type { SearchStore } from "./searchStore.ts";
import { SqlLibraryOpportunityStore } from "./libraryOpportunitySql.ts";
import type { LibraryOpportunityStore } from "./libraryOpportunityStore.ts";
import { SqlLibraryPersonaStore } from "./libraryPersonaSql.ts";
import type { LibraryPersonaStore } from "./libraryPersonaStore.ts";
import type { BranchStore } from "./branchStore.ts";
import type { VoteStore } from "./voteStore.ts";
import { SqlWebhookStore, sqliteRunner } from "./webhookSql.ts";
import type { WebhookStore } from "./webhookStore.ts";
import type { VersionRecord } from "./versionStore.ts";
import {
  DEFAULT_WORKSPACE_SETTINGS,
  type MapPolicy,
  type WorkspaceSettings,
} from "./workspaceSettings.ts";

/** A map with the time of its map document's latest row. */
const MAP_ROW = `${MAP_COLUMNS}, COALESCE((SELECT ts FROM updates u
  WHERE u.doc = '${DOCUMENT_PREFIX.map}' || m.id ORDER BY seq DESC LIMIT 1), m.created_at) AS "updatedAt"`;

const SQLITE: Dialect = {
  param: () => "?",
  inList: (column) => `${column} IN (SELECT value FROM json_each(?))`,
  listValue: (values) => JSON.stringify(values),
  // SQLite's lower() folds ASCII only; titles are in any language.
  fold: "casefold",
  position: "instr",
};

function openDatabase(file: string): Database.Database {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  db.function("casefold", { deterministic: true }, (text) => String(text).toLowerCase());
  migrateSqlite(db);
  return db;
}

function statements(db: Database.Database) {
  const sharesOfPerson = "map_id = ? AND (user_id = ? OR email = ?)";
  return {
    createMap: db.prepare(
      "INSERT INTO maps (id, title, created_at, workspace_id, created_by) VALUES (?, ?, ?, ?, ?)",
    ),
    hasMap: db.prepare("SELECT 1 FROM maps WHERE id = ?"),
    listMaps: db.prepare(`SELECT ${MAP_ROW} FROM maps m ORDER BY "updatedAt" DESC, m.id`),
    getMaps: db.prepare(
      `SELECT ${MAP_ROW} FROM maps m WHERE m.id IN (SELECT value FROM json_each(?))`,
    ),
    setTitle: db.prepare("UPDATE maps SET title = ? WHERE id = ? AND title <> ?"),
    moveMap: db.prepare("UPDATE maps SET workspace_id = ? WHERE id = ?"),
    claimMap: db.prepare(
      "UPDATE maps SET workspace_id = ?, created_by = COALESCE(created_by, ?) WHERE id = ? AND workspace_id IS NULL",
    ),
    trashMap: db.prepare("UPDATE maps SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL"),
    restoreMap: db.prepare(
      "UPDATE maps SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL",
    ),
    trashedBefore: db.prepare(
      "SELECT id FROM maps WHERE deleted_at < ? ORDER BY deleted_at, id LIMIT ?",
    ),
    purgeLogs: ["updates", "checkpoints"].map((table) =>
      db.prepare(`DELETE FROM ${table} WHERE doc IN (?, ?)`),
    ),
    purgeRows: [
      ...MAP_OWNED_TABLES.map((t) => `${t} WHERE map_id`),
      BRANCH_ROW_OF_MAP,
      "maps WHERE id",
    ].map((t) => db.prepare(`DELETE FROM ${t} = ?`)),
    listVersions: db.prepare(
      `SELECT ${VERSION_COLUMNS} FROM versions WHERE map_id = ? ORDER BY seq, created_at, id`,
    ),
    createVersion: db.prepare(
      "INSERT INTO versions (id, map_id, seq, name, created_at, created_by) VALUES (@id, @mapId, @seq, @name, @createdAt, @createdBy)",
    ),
    renameVersion: db.prepare("UPDATE versions SET name = ? WHERE map_id = ? AND id = ?"),
    deleteVersion: db.prepare("DELETE FROM versions WHERE map_id = ? AND id = ?"),
    getSecret: db.prepare("SELECT value FROM secrets WHERE name = 'signing'"),
    putSecret: db.prepare("INSERT OR IGNORE INTO secrets (name, value) VALUES ('signing', ?)"),
    createLink: db.prepare(
      "INSERT INTO links (id, map_id, role, label, created_at, expires_at, revoked_at, created_by) VALUES (@id, @mapId, @role, @label, @createdAt, @expiresAt, @revokedAt, @createdBy)",
    ),
    getLink: db.prepare(`SELECT ${LINK_COLUMNS} FROM links WHERE id = ?`),
    listLinks: db.prepare(
      `SELECT ${LINK_COLUMNS} FROM links WHERE map_id = ? ORDER BY created_at, id`,
    ),
    revokeLink: db.prepare(
      "UPDATE links SET revoked_at = ? WHERE map_id = ? AND id = ? AND revoked_at IS NULL",
    ),
    renameLink: db.prepare(
      "UPDATE links SET label = ? WHERE map_id = ? AND id = ? AND revoked_at IS NULL",
    ),
    listShares: db.prepare(
      `SELECT ${SHARE_COLUMNS} FROM map_shares WHERE map_id = ? ORDER BY created_at, id`,
    ),
    insertShare: db.prepare(
      `INSERT INTO map_shares (id, map_id, user_id, email, role, created_by, created_at)
       VALUES (@id, @mapId, @userId, @email, @role, @createdBy, @createdAt) ON CONFLICT DO NOTHING`,
    ),
    setShareRole: db.prepare(`UPDATE map_shares SET role = ? WHERE ${sharesOfPerson}`),
    shareOfPerson: db.prepare(`SELECT ${SHARE_COLUMNS} FROM map_shares WHERE ${sharesOfPerson}`),
    getShare: db.prepare(`SELECT ${SHARE_COLUMNS} FROM map_shares WHERE map_id = ? AND id = ?`),
    deleteShare: db.prepare("DELETE FROM map_shares WHERE map_id = ? AND id = ?"),
    deleteShares: db.prepare(
      "DELETE FROM map_shares WHERE map_id = ? AND id IN (SELECT value FROM json_each(?))",
    ),
    sharesWith: db.prepare(
      `SELECT ${SHARE_COLUMNS} FROM map_shares WHERE user_id = ? OR email = ? ORDER BY created_at, id`,
    ),
    claimShares: db.prepare(
      `UPDATE map_shares SET user_id = @userId, email = NULL
       WHERE email = @email AND map_id IN (SELECT value FROM json_each(@mapIds))
         AND NOT EXISTS (SELECT 1 FROM map_shares o WHERE o.map_id = map_shares.map_id AND o.user_id = @userId)`,
    ),
    dropPending: db.prepare(
      "DELETE FROM map_shares WHERE email = ? AND map_id IN (SELECT value FROM json_each(?))",
    ),
    getSettings: db.prepare(
      `SELECT default_map_role AS "defaultMapRole", guest_links AS "guestLinks"
       FROM workspace_settings WHERE workspace_id = ?`,
    ),
    putSettings: db.prepare(
      `INSERT INTO workspace_settings (workspace_id, default_map_role, guest_links) VALUES (?, ?, ?)
       ON CONFLICT (workspace_id) DO UPDATE SET
         default_map_role = excluded.default_map_role, guest_links = excluded.guest_links`,
    ),
    mapPolicy: db.prepare(`${POLICY_SQL} WHERE m.id = ?`),
  };
}

const SQLITE_LAST_CHANGED = lastChangedSql(() => "?");

export class SqliteMapStore extends SqliteDocumentLog implements MapStore, ArchiveStore {
  readonly kind = "sqlite";
  /** Made once: its statements are prepared at construction. */
  private searchStore: SearchStore | undefined;
  private readonly statements: ReturnType<typeof statements>;
  private readonly file: string;

  constructor(file: string) {
    const db = openDatabase(file);
    super(db);
    this.file = file;
    this.statements = statements(db);
  }

  webhooks(): WebhookStore {
    return new SqlWebhookStore(sqliteRunner(this.db));
  }

  historyCheckpoints(): HistoryCheckpointStore {
    return new SqlHistoryCheckpointStore(sqliteRunner(this.db));
  }

  branches(): BranchStore {
    return new SqlBranchStore(sqliteRunner(this.db));
  }

  library(): LibraryStore {
    return new SqlLibraryStore(sqliteRunner(this.db));
  }

  search(): SearchStore {
    this.searchStore ??= new SqliteSearchStore(this.db);
    return this.searchStore;
  }

  libraryOpportunities(): LibraryOpportunityStore {
    return new SqlLibraryOpportunityStore(sqliteRunner(this.db));
  }

  libraryPersonas(): LibraryPersonaStore {
    return new SqlLibraryPersonaStore(sqliteRunner(this.db));
  }

  votes(): VoteStore {
    return new SqlVoteStore(sqliteRunner(this.db), "sqlite");
  }

  async createMap(map: NewMap): Promise<void> {
    const rows = seedRowsOf(map);
    const { id, title, createdAt, workspaceId = null, createdBy = null } = map;
    this.commitQueued();
    this.db.transaction(() => {
      this.statements.createMap.run(id, title, createdAt, workspaceId, createdBy);
      for (const row of rows) this.appendSync(row);
      this.statements.createLink.run(map.owner);
    })();
  }

  async hasMap(id: string): Promise<boolean> {
    return this.statements.hasMap.get(id) !== undefined;
  }

  async listMaps(): Promise<MapRecord[]> {
    return this.statements.listMaps.all() as MapRecord[];
  }

  async getMaps(ids: readonly string[]): Promise<MapRecord[]> {
    if (ids.length === 0) return [];
    return this.statements.getMaps.all(JSON.stringify(ids)) as MapRecord[];
  }

  async findMaps(query: MapQuery): Promise<MapRecord[]> {
    const { sql, params } = findMapsSql(MAP_ROW, "", query, SQLITE);
    return this.db.prepare(sql).all(...params) as MapRecord[];
  }

  async setTitle(id: string, title: string): Promise<void> {
    this.statements.setTitle.run(title, id, title);
  }

  async moveMap(id: string, workspaceId: string): Promise<boolean> {
    return this.statements.moveMap.run(workspaceId, id).changes > 0;
  }

  async claimMap(id: string, workspaceId: string, claimedBy: string): Promise<boolean> {
    return this.statements.claimMap.run(workspaceId, claimedBy, id).changes > 0;
  }

  async trashMap(id: string, now: number): Promise<boolean> {
    return this.statements.trashMap.run(now, id).changes > 0;
  }

  async restoreMap(id: string): Promise<boolean> {
    return this.statements.restoreMap.run(id).changes > 0;
  }

  async trashedBefore(ts: number, limit: number): Promise<string[]> {
    return (this.statements.trashedBefore.all(ts, limit) as { id: string }[]).map((r) => r.id);
  }

  async purgeMap(id: string): Promise<void> {
    this.commitQueued();
    this.db.transaction(() => {
      for (const statement of this.statements.purgeLogs) statement.run(...documentsOf(id));
      for (const statement of this.statements.purgeRows) statement.run(id);
    })();
  }

  withSnapshot<T>(fn: (reader: ArchiveReader) => Promise<T>): Promise<T> {
    return withSqliteSnapshot(this.db, fn);
  }

  restoreMapArchive(archive: MapArchive, options: RestoreOptions): Promise<void> {
    return restoreSqliteArchive(this.db, archive, options, (id) => this.purgeMap(id));
  }

  async listVersions(mapId: string): Promise<VersionRecord[]> {
    return this.statements.listVersions.all(mapId) as VersionRecord[];
  }

  async createVersion(version: VersionRecord): Promise<void> {
    this.statements.createVersion.run(version);
  }

  async renameVersion(mapId: string, id: string, name: string): Promise<boolean> {
    return this.statements.renameVersion.run(name, mapId, id).changes > 0;
  }

  async deleteVersion(mapId: string, id: string): Promise<boolean> {
    return this.statements.deleteVersion.run(mapId, id).changes > 0;
  }

  async readLastChanged(mapId: string): Promise<LastChangedSummary | null> {
    const row = this.db.prepare(SQLITE_LAST_CHANGED.read).get(mapId) as
      | { summary: string }
      | undefined;
    return toLastChanged(row?.summary);
  }

  async writeLastChanged(mapId: string, summary: LastChangedSummary): Promise<void> {
    this.db.prepare(SQLITE_LAST_CHANGED.write).run(mapId, summary.uptoSeq, JSON.stringify(summary));
  }

  async getSecret(): Promise<Uint8Array> {
    this.statements.putSecret.run(randomBytes(32));
    return new Uint8Array((this.statements.getSecret.get() as { value: Uint8Array }).value);
  }

  async createLink(link: LinkRecord): Promise<void> {
    this.statements.createLink.run(link);
  }

  async getLink(id: string): Promise<LinkRecord | null> {
    return (this.statements.getLink.get(id) as LinkRecord | undefined) ?? null;
  }

  async listLinks(mapId: string): Promise<LinkRecord[]> {
    return this.statements.listLinks.all(mapId) as LinkRecord[];
  }

  async revokeLink(mapId: string, id: string, now: number): Promise<boolean> {
    return this.statements.revokeLink.run(now, mapId, id).changes > 0;
  }

  async renameLink(mapId: string, id: string, label: string): Promise<boolean> {
    return this.statements.renameLink.run(label, mapId, id).changes > 0;
  }

  async listShares(mapId: string): Promise<MapShare[]> {
    return this.statements.listShares.all(mapId) as MapShare[];
  }

  async putShare(given: MapShare): Promise<MapShare> {
    const share = { ...given, email: given.email?.toLowerCase() ?? null };
    const person = [share.mapId, share.userId, share.email] as const;
    return this.db.transaction(() => {
      if (this.statements.insertShare.run(share).changes === 0)
        this.statements.setShareRole.run(share.role, ...person);
      return this.statements.shareOfPerson.get(...person) as MapShare;
    })();
  }

  async deleteShare(mapId: string, id: string): Promise<MapShare | null> {
    return this.db.transaction(() => {
      const share = this.statements.getShare.get(mapId, id) as MapShare | undefined;
      this.statements.deleteShare.run(mapId, id);
      return share ?? null;
    })();
  }

  async deleteShares(mapId: string, ids: readonly string[]): Promise<void> {
    if (ids.length > 0) this.statements.deleteShares.run(mapId, JSON.stringify(ids));
  }

  async sharesWith(userId: string, email: string): Promise<MapShare[]> {
    return this.statements.sharesWith.all(userId, email.toLowerCase()) as MapShare[];
  }

  async claimShares(email: string, userId: string, mapIds: readonly string[]): Promise<number> {
    if (mapIds.length === 0) return 0;
    const maps = JSON.stringify(mapIds);
    const lower = email.toLowerCase();
    return this.db.transaction(() => {
      const { changes } = this.statements.claimShares.run({ email: lower, userId, mapIds: maps });
      // Left pending: the account had its own share of those maps already, which stays.
      this.statements.dropPending.run(lower, maps);
      return changes;
    })();
  }

  async getWorkspaceSettings(workspaceId: string): Promise<WorkspaceSettings> {
    const row = this.statements.getSettings.get(workspaceId) as
      | { defaultMapRole: WorkspaceSettings["defaultMapRole"]; guestLinks: number }
      | undefined;
    return row
      ? { workspaceId, defaultMapRole: row.defaultMapRole, guestLinks: row.guestLinks === 1 }
      : { workspaceId, ...DEFAULT_WORKSPACE_SETTINGS };
  }

  async putWorkspaceSettings(settings: WorkspaceSettings): Promise<void> {
    const { workspaceId, defaultMapRole, guestLinks } = settings;
    this.statements.putSettings.run(workspaceId, defaultMapRole, guestLinks ? 1 : 0);
  }

  async mapPolicy(mapId: string): Promise<MapPolicy | null> {
    const row = this.statements.mapPolicy.get(mapId) as PolicyRecord | undefined;
    return row ? policyOf(row) : null;
  }

  async storeBytes(): Promise<number> {
    if (this.file === ":memory:") return 0;
    const size = (suffix: string) =>
      statSync(this.file + suffix, { throwIfNoEntry: false })?.size ?? 0;
    return size("") + size("-wal");
  }
}
