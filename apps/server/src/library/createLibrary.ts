/**
 * The journey library on the server (issue 19), wired once: the index kept current from the
 * update path (MapIndexer, a Hocuspocus extension), its sinks, and the routes that read it.
 * createServer adds the indexer to Hocuspocus, mounts the routes and stops it at shutdown.
 * Each feature of the library registers its sink and its routes here, one line each.
 */
import type { AccessService, AccountAccess } from "@journeymap/access";
import type { Accounts } from "@journeymap/accounts";
import type { MapStore } from "@journeymap/storage";
import type { Hono } from "hono";
import type { EventBus } from "../events/EventBus.ts";
import type { Logger } from "../logger.ts";
import type { LiveDocuments } from "../sync/LiveDocuments.ts";
import { MapIndexer } from "./MapIndexer.ts";

export interface LibraryDeps {
  readonly store: MapStore;
  readonly access: AccessService;
  readonly roles: AccountAccess;
  readonly accounts: Accounts;
  readonly events: EventBus;
  readonly log: Logger;
}

export interface Library {
  readonly indexer: MapIndexer;
  /** Mounted by createServer; `live` is given once Hocuspocus exists. */
  routes(live: LiveDocuments): Hono[];
  stop(): Promise<void>;
}

export function createLibrary(deps: LibraryDeps): Library {
  const indexer = new MapIndexer(deps.store, deps.log);
  return {
    indexer,
    routes: (_live) => [],
    stop: () => indexer.stop(),
  };
}
