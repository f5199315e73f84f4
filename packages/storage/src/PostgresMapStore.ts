/**
 * MapStore on PostgreSQL (node-postgres). The logs are PostgresDocumentLog's; this adds the
 * maps, links, versions, shares and workspace settings. Store-schema migrations run at open
 * (postgresMigrations.ts).
 */
import { randomBytes } from "node:crypto";
import { DOCUMENT_PREFIX } from "@journeymap/protocol";
import type { LastChangedSummary } from "@journeymap/schema";
import pg from "pg";
import type {
  ArchiveReader,
  ArchiveStore,
  MapArchive,
  RestoreOptions,
} from "./archive/mapArchive.ts";
import { restorePostgresArchive, withPostgresSnapshot } from "./archive/PostgresArchive.ts";
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
import { lastChangedSql, toLastChanged } from "./lastChangedStore.ts";
import { PostgresDocumentLog } from "./PostgresDocumentLog.ts";
import { migratePostgres } from "./postgresMigrations.ts";
import { inTransaction } from "./postgresTransaction.ts";
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
import type { VersionRecord } from "./versionStore.ts";
import { SqlVoteStore } from "./voteSql.ts";
import { SqlBranchStore } from "./branchSql.ts";
import { type HistoryCheckpointStore, SqlHistoryCheckpointStore } from "./historyCheckpointSql.ts";
import { SqlLibraryStore } from "./librarySql.ts";
import type { LibraryStore } from "./libraryStore.ts";
import { PostgresSearchStore } from "./searchSql.ts";
import type { SearchStore } from "./searchStore.ts";
import { SqlLibraryOpportunityStore } from "./libraryOpportunitySql.ts";
import type { LibraryOpportunityStore } from "./libraryOpportunityStore.ts";
import { SqlLibraryPersonaStore } from "./libraryPersonaSql.ts";
import type { LibraryPersonaStore } from "./libraryPersonaStore.ts";
import type { BranchStore } from "./branchStore.ts";
import type { VoteStore } from "./voteStore.ts";
import { postgresRunner, SqlWebhookStore } from "./webhookSql.ts";
import type { WebhookStore } from "./webhookStore.ts";
import {
  DEFAULT_WORKSPACE_SETTINGS,
  type MapPolicy,
  type WorkspaceSettings,
} from "./workspaceSettings.ts";

// BIGINT columns come back as strings by default; our values fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** A map with the time of its map document's latest row (the log's counter row keeps it). */
const MAP_ROW = `${MAP_COLUMNS}, COALESCE(d.updated_at, m.created_at) AS "updatedAt"`;
const WITH_LOG = `LEFT JOIN documents d ON d.name = '${DOCUMENT_PREFIX.map}' || m.id`;
const MAPS = `SELECT ${MAP_ROW} FROM maps m ${WITH_LOG}`;

const POSTGRES: Dialect = {
  param: (n) => `$${n}`,
  inList: (column, n) => `${column} = ANY($${n}::text[])`,
  listValue: (values) => [...values],
  fold: "lower",
  position: "strpos",
};

/** The share of the person a share names (its user id or email), on its map. */
const SHARE_OF_PERSON = "map_id = $1 AND (user_id = $2 OR email = $3)";

/** Deletes a map for good, its documents' logs and what hangs off it, in the client's transaction. */
async function purgeMapWith(client: pg.PoolClient, id: string): Promise<void> {
  const docs = documentsOf(id);
  await client.query("DELETE FROM updates WHERE doc = ANY($1::text[])", [docs]);
  await client.query("DELETE FROM checkpoints WHERE doc = ANY($1::text[])", [docs]);
  await client.query("DELETE FROM documents WHERE name = ANY($1::text[])", [docs]);
  for (const table of MAP_OWNED_TABLES)
    await client.query(`DELETE FROM ${table} WHERE map_id = $1`, [id]);
  await client.query(`DELETE FROM ${BRANCH_ROW_OF_MAP} = $1`, [id]);
  await client.query("DELETE FROM maps WHERE id = $1", [id]);
}

const POSTGRES_LAST_CHANGED = lastChangedSql((n) => `$${n}`);

export class PostgresMapStore extends PostgresDocumentLog implements MapStore, ArchiveStore {
  readonly kind = "postgres";
  /** Made once: its statements are prepared at construction. */
  private searchStore: SearchStore | undefined;

  static async open(connectionString: string): Promise<PostgresMapStore> {
    const pool = new pg.Pool({ connectionString, max: 10 });
    // An idle client dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it and the next query reports any real outage.
    pool.on("error", () => {});
    await migratePostgres(pool);
    return new PostgresMapStore(pool);
  }

  webhooks(): WebhookStore {
    return new SqlWebhookStore(postgresRunner(this.pool));
  }

  historyCheckpoints(): HistoryCheckpointStore {
    return new SqlHistoryCheckpointStore(postgresRunner(this.pool));
  }

  branches(): BranchStore {
    return new SqlBranchStore(postgresRunner(this.pool));
  }

  library(): LibraryStore {
    return new SqlLibraryStore(postgresRunner(this.pool));
  }

  search(): SearchStore {
    this.searchStore ??= new PostgresSearchStore(this.pool);
    return this.searchStore;
  }

  libraryOpportunities(): LibraryOpportunityStore {
    return new SqlLibraryOpportunityStore(postgresRunner(this.pool));
  }

  libraryPersonas(): LibraryPersonaStore {
    return new SqlLibraryPersonaStore(postgresRunner(this.pool));
  }

  votes(): VoteStore {
    return new SqlVoteStore(postgresRunner(this.pool), "postgres");
  }

  async createMap(map: NewMap): Promise<void> {
    const rows = seedRowsOf(map);
    await inTransaction(this.pool, async (client) => {
      await client.query(
        "INSERT INTO maps (id, title, created_at, workspace_id, created_by) VALUES ($1, $2, $3, $4, $5)",
        [map.id, map.title, map.createdAt, map.workspaceId ?? null, map.createdBy ?? null],
      );
      for (const row of rows) await this.appendWith(client, row);
      await this.insertLink(client, map.owner);
    });
  }

  async hasMap(id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query("SELECT 1 FROM maps WHERE id = $1", [id]);
    return (rowCount ?? 0) > 0;
  }

  async listMaps(): Promise<MapRecord[]> {
    return (await this.pool.query<MapRecord>(`${MAPS} ORDER BY "updatedAt" DESC, m.id`)).rows;
  }

  async getMaps(ids: readonly string[]): Promise<MapRecord[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.pool.query<MapRecord>(`${MAPS} WHERE m.id = ANY($1::text[])`, [
      ids,
    ]);
    return rows;
  }

  async findMaps(query: MapQuery): Promise<MapRecord[]> {
    const { sql, params } = findMapsSql(MAP_ROW, WITH_LOG, query, POSTGRES);
    return (await this.pool.query<MapRecord>(sql, params)).rows;
  }

  async setTitle(id: string, title: string): Promise<void> {
    await this.pool.query("UPDATE maps SET title = $2 WHERE id = $1 AND title <> $2", [id, title]);
  }

  async moveMap(id: string, workspaceId: string): Promise<boolean> {
    return this.changed("UPDATE maps SET workspace_id = $2 WHERE id = $1", [id, workspaceId]);
  }

  async claimMap(id: string, workspaceId: string, claimedBy: string): Promise<boolean> {
    return this.changed(
      `UPDATE maps SET workspace_id = $2, created_by = COALESCE(created_by, $3)
       WHERE id = $1 AND workspace_id IS NULL`,
      [id, workspaceId, claimedBy],
    );
  }

  async trashMap(id: string, now: number): Promise<boolean> {
    return this.changed("UPDATE maps SET deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL", [
      id,
      now,
    ]);
  }

  async restoreMap(id: string): Promise<boolean> {
    return this.changed(
      "UPDATE maps SET deleted_at = NULL WHERE id = $1 AND deleted_at IS NOT NULL",
      [id],
    );
  }

  async trashedBefore(ts: number, limit: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      "SELECT id FROM maps WHERE deleted_at < $1 ORDER BY deleted_at, id LIMIT $2",
      [ts, limit],
    );
    return rows.map((r) => r.id);
  }

  async purgeMap(id: string): Promise<void> {
    await inTransaction(this.pool, (client) => purgeMapWith(client, id));
  }

  withSnapshot<T>(fn: (reader: ArchiveReader) => Promise<T>): Promise<T> {
    return withPostgresSnapshot(this.pool, fn);
  }

  restoreMapArchive(archive: MapArchive, options: RestoreOptions): Promise<void> {
    return restorePostgresArchive(this.pool, archive, options, purgeMapWith);
  }

  async listVersions(mapId: string): Promise<VersionRecord[]> {
    const { rows } = await this.pool.query<VersionRecord>(
      `SELECT ${VERSION_COLUMNS} FROM versions WHERE map_id = $1 ORDER BY seq, created_at, id`,
      [mapId],
    );
    return rows;
  }

  async createVersion(v: VersionRecord): Promise<void> {
    await this.pool.query(
      "INSERT INTO versions (id, map_id, seq, name, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6)",
      [v.id, v.mapId, v.seq, v.name, v.createdAt, v.createdBy],
    );
  }

  async renameVersion(mapId: string, id: string, name: string): Promise<boolean> {
    return this.changed("UPDATE versions SET name = $3 WHERE map_id = $1 AND id = $2", [
      mapId,
      id,
      name,
    ]);
  }

  async deleteVersion(mapId: string, id: string): Promise<boolean> {
    return this.changed("DELETE FROM versions WHERE map_id = $1 AND id = $2", [mapId, id]);
  }

  async readLastChanged(mapId: string): Promise<LastChangedSummary | null> {
    const { rows } = await this.pool.query<{ summary: string }>(POSTGRES_LAST_CHANGED.read, [
      mapId,
    ]);
    return toLastChanged(rows[0]?.summary);
  }

  async writeLastChanged(mapId: string, summary: LastChangedSummary): Promise<void> {
    await this.pool.query(POSTGRES_LAST_CHANGED.write, [
      mapId,
      summary.uptoSeq,
      JSON.stringify(summary),
    ]);
  }

  async getSecret(): Promise<Uint8Array> {
    await this.pool.query(
      "INSERT INTO secrets (name, value) VALUES ('signing', $1) ON CONFLICT DO NOTHING",
      [randomBytes(32)],
    );
    const { rows } = await this.pool.query<{ value: Buffer }>(
      "SELECT value FROM secrets WHERE name = 'signing'",
    );
    return new Uint8Array(rows[0]!.value);
  }

  private async insertLink(client: pg.PoolClient | pg.Pool, link: LinkRecord): Promise<void> {
    await client.query(
      `INSERT INTO links (id, map_id, role, label, created_at, expires_at, revoked_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        link.id,
        link.mapId,
        link.role,
        link.label,
        link.createdAt,
        link.expiresAt,
        link.revokedAt,
        link.createdBy,
      ],
    );
  }

  async createLink(link: LinkRecord): Promise<void> {
    await this.insertLink(this.pool, link);
  }

  async getLink(id: string): Promise<LinkRecord | null> {
    const { rows } = await this.pool.query<LinkRecord>(
      `SELECT ${LINK_COLUMNS} FROM links WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async listLinks(mapId: string): Promise<LinkRecord[]> {
    const { rows } = await this.pool.query<LinkRecord>(
      `SELECT ${LINK_COLUMNS} FROM links WHERE map_id = $1 ORDER BY created_at, id`,
      [mapId],
    );
    return rows;
  }

  async revokeLink(mapId: string, id: string, now: number): Promise<boolean> {
    return this.changed(
      "UPDATE links SET revoked_at = $1 WHERE map_id = $2 AND id = $3 AND revoked_at IS NULL",
      [now, mapId, id],
    );
  }

  async renameLink(mapId: string, id: string, label: string): Promise<boolean> {
    return this.changed(
      "UPDATE links SET label = $1 WHERE map_id = $2 AND id = $3 AND revoked_at IS NULL",
      [label, mapId, id],
    );
  }

  async listShares(mapId: string): Promise<MapShare[]> {
    const { rows } = await this.pool.query<MapShare>(
      `SELECT ${SHARE_COLUMNS} FROM map_shares WHERE map_id = $1 ORDER BY created_at, id`,
      [mapId],
    );
    return rows;
  }

  async putShare(share: MapShare): Promise<MapShare> {
    const person = [share.mapId, share.userId, share.email?.toLowerCase() ?? null];
    return inTransaction(this.pool, async (client) => {
      const inserted = await client.query(
        `INSERT INTO map_shares (id, map_id, user_id, email, role, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [share.id, ...person, share.role, share.createdBy, share.createdAt],
      );
      if (inserted.rowCount === 0)
        await client.query(`UPDATE map_shares SET role = $4 WHERE ${SHARE_OF_PERSON}`, [
          ...person,
          share.role,
        ]);
      const { rows } = await client.query<MapShare>(
        `SELECT ${SHARE_COLUMNS} FROM map_shares WHERE ${SHARE_OF_PERSON}`,
        person,
      );
      return rows[0]!;
    });
  }

  async deleteShare(mapId: string, id: string): Promise<MapShare | null> {
    const { rows } = await this.pool.query<MapShare>(
      `DELETE FROM map_shares WHERE map_id = $1 AND id = $2 RETURNING ${SHARE_COLUMNS}`,
      [mapId, id],
    );
    return rows[0] ?? null;
  }

  async deleteShares(mapId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.pool.query("DELETE FROM map_shares WHERE map_id = $1 AND id = ANY($2::text[])", [
      mapId,
      ids,
    ]);
  }

  async sharesWith(userId: string, email: string): Promise<MapShare[]> {
    const { rows } = await this.pool.query<MapShare>(
      `SELECT ${SHARE_COLUMNS} FROM map_shares WHERE user_id = $1 OR email = $2 ORDER BY created_at, id`,
      [userId, email.toLowerCase()],
    );
    return rows;
  }

  async claimShares(email: string, userId: string, mapIds: readonly string[]): Promise<number> {
    if (mapIds.length === 0) return 0;
    const values = [email.toLowerCase(), mapIds];
    return inTransaction(this.pool, async (client) => {
      const { rowCount } = await client.query(
        `UPDATE map_shares SET user_id = $3, email = NULL
         WHERE email = $1 AND map_id = ANY($2::text[])
           AND NOT EXISTS (SELECT 1 FROM map_shares o WHERE o.map_id = map_shares.map_id AND o.user_id = $3)`,
        [...values, userId],
      );
      // Left pending: the account had its own share of those maps already, which stays.
      await client.query(
        "DELETE FROM map_shares WHERE email = $1 AND map_id = ANY($2::text[])",
        values,
      );
      return rowCount ?? 0;
    });
  }

  async getWorkspaceSettings(workspaceId: string): Promise<WorkspaceSettings> {
    const { rows } = await this.pool.query<Omit<WorkspaceSettings, "workspaceId">>(
      `SELECT default_map_role AS "defaultMapRole", guest_links AS "guestLinks"
       FROM workspace_settings WHERE workspace_id = $1`,
      [workspaceId],
    );
    return { workspaceId, ...(rows[0] ?? DEFAULT_WORKSPACE_SETTINGS) };
  }

  async putWorkspaceSettings(settings: WorkspaceSettings): Promise<void> {
    await this.pool.query(
      `INSERT INTO workspace_settings (workspace_id, default_map_role, guest_links) VALUES ($1, $2, $3)
       ON CONFLICT (workspace_id) DO UPDATE SET
         default_map_role = EXCLUDED.default_map_role, guest_links = EXCLUDED.guest_links`,
      [settings.workspaceId, settings.defaultMapRole, settings.guestLinks],
    );
  }

  async mapPolicy(mapId: string): Promise<MapPolicy | null> {
    const { rows } = await this.pool.query<PolicyRecord>(`${POLICY_SQL} WHERE m.id = $1`, [mapId]);
    return rows[0] ? policyOf(rows[0]) : null;
  }

  async storeBytes(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      "SELECT pg_database_size(current_database())::text AS n",
    );
    return Number(rows[0]?.n ?? 0);
  }
}
