/**
 * The persistence contract, one object per backend: the logs of documents, the maps, their
 * links, named versions and shares with people, workspaces' settings, and the server's signing
 * secret. SQLite (SqliteMapStore) and
 * PostgreSQL (PostgresMapStore) implement it; one contract suite (test/storeContract.ts) runs
 * against both.
 */
import type { DocumentLog } from "./documentLog.ts";
import type { LastChangedStore } from "./lastChangedStore.ts";
import type { LinkStore } from "./linkStore.ts";
import type { MapCatalog } from "./mapCatalog.ts";
import type { ShareStore } from "./shareStore.ts";
import type { VersionStore } from "./versionStore.ts";
import type { VoteStore } from "./voteStore.ts";
import type { BranchStore } from "./branchStore.ts";
import type { HistoryCheckpointStore } from "./historyCheckpointSql.ts";
import type { LibraryStore } from "./libraryStore.ts";
import type { SearchStore } from "./searchStore.ts";
import type { LibraryOpportunityStore } from "./libraryOpportunityStore.ts";
import type { LibraryPersonaStore } from "./libraryPersonaStore.ts";
import type { WebhookStore } from "./webhookStore.ts";
import type { WorkspaceSettingsStore } from "./workspaceSettings.ts";

export interface Secrets {
  /** The server's signing secret, created on first use and shared by every instance. */
  getSecret(): Promise<Uint8Array>;
}

export interface MapStore
  extends DocumentLog,
    MapCatalog,
    LinkStore,
    VersionStore,
    ShareStore,
    WorkspaceSettingsStore,
    LastChangedStore,
    Secrets {
  /** "sqlite" or "postgres", for logs and health. */
  readonly kind: string;
  /** Bytes the store occupies (SQLite: its files; PostgreSQL: the database), for MAX_STORE_BYTES. */
  storeBytes(): Promise<number>;
  /** Outgoing webhooks and their delivery queue, in the same database. */
  webhooks(): WebhookStore;
  /** Live emotion votes and their ballots (voteSql.ts). */
  votes(): VoteStore;
  /** Branches of maps and where they came from (branchSql.ts). */
  branches(): BranchStore;
  /** The journey library's summary of each map (librarySql.ts). */
  library(): LibraryStore;
  /** Search across maps: the full-text index (searchSql.ts). */
  search(): SearchStore;
  /** Library opportunities and their linked cards (libraryOpportunitySql.ts). */
  libraryOpportunities(): LibraryOpportunityStore;
  /** The workspace persona library (libraryPersonaSql.ts). */
  libraryPersonas(): LibraryPersonaStore;
  /** Exact history states of maps, for replays after a restart (historyCheckpointSql.ts). */
  historyCheckpoints(): HistoryCheckpointStore;
  /** Cheap round trip, for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
