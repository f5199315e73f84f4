/**
 * The journey library on the server (issue 19), wired once: the index kept current from the
 * update path (MapIndexer, a Hocuspocus extension), its sinks, and the routes that read it.
 * createServer adds the indexer to Hocuspocus, mounts the routes and stops it at shutdown.
 * Each feature of the library registers its sink and its routes here, one line each.
 */
import type { AccessService, AccountAccess } from "@journeymap/access";
import type { Accounts } from "@journeymap/accounts";
import { entityKey } from "@journeymap/schema";
import type { MapStore } from "@journeymap/storage";
import type { Hono, MiddlewareHandler } from "hono";
import type { EventBus } from "../events/EventBus.ts";
import type { Logger } from "../logger.ts";
import type { LiveDocuments } from "../sync/LiveDocuments.ts";
import { createLibrarySearchRoutes } from "../http/librarySearchRoutes.ts";
import { MapIndexer } from "./MapIndexer.ts";
import { createLibraryCardRoutes } from "../http/libraryCardRoutes.ts";
import { LibraryOpportunities } from "./cards/LibraryOpportunities.ts";
import { createLibraryPersonaRoutes } from "../http/libraryPersonaRoutes.ts";
import { AuthorNames } from "../people/AuthorNames.ts";
import { LibraryPersonaService } from "./personas/LibraryPersonaService.ts";
import { SearchSink } from "./search/SearchSink.ts";
import { createLibraryHierarchyRoutes } from "../http/libraryHierarchyRoutes.ts";
import { FreshnessService } from "../freshness/FreshnessService.ts";
import { HistoryService } from "../history/HistoryService.ts";
import { PersonaCatchUp } from "./personas/PersonaCatchUp.ts";

export interface LibraryDeps {
  readonly store: MapStore;
  readonly access: AccessService;
  readonly roles: AccountAccess;
  readonly accounts: Accounts;
  readonly events: EventBus;
  readonly log: Logger;
  /** Runs before a map is created (quota/creationQuota.ts): end-to-end maps are new maps. */
  readonly guardCreation?: MiddlewareHandler;
}

export interface Library {
  readonly indexer: MapIndexer;
  /** Mounted by createServer; `live` is given once Hocuspocus exists. */
  routes(live: LiveDocuments): Hono[];
  stop(): Promise<void>;
}

export function createLibrary(deps: LibraryDeps): Library {
  const indexer = new MapIndexer(deps.store, deps.log);
  indexer.add(new SearchSink(deps.store.search()));
  let liveDocuments: LiveDocuments | null = null;
  indexer.add(personaCatchUp(deps, () => liveDocuments));
  return {
    indexer,
    routes: (live) => {
      liveDocuments = live;
      return [
        createLibrarySearchRoutes({
          search: deps.store.search(),
          roles: deps.roles,
          now: Date.now,
        }),
        createLibraryPersonaRoutes({
          personas: personaService(deps, live, indexer),
          now: Date.now,
        }),
        hierarchyRoutes(deps),
        cardRoutes(deps, live),
      ];
    },
    stop: () => indexer.stop(),
  };
}

function personaService(
  deps: LibraryDeps,
  live: LiveDocuments,
  indexer: MapIndexer,
): LibraryPersonaService {
  const { store, roles, accounts, log } = deps;
  const authors = new AuthorNames((id) => accounts.findUser(id));
  const catchUp = (mapIds: readonly string[]) => indexer.requestIndex(mapIds);
  return new LibraryPersonaService({ store, roles, authors, live, log, now: Date.now, catchUp });
}

/** Linked personas a library edit missed catch up when their map is indexed. */
function personaCatchUp(deps: LibraryDeps, live: () => LiveDocuments | null): PersonaCatchUp {
  // Its own attribution (only maps with a linked persona that differs are replayed); no
  // states are cached here, so the byte budget is small.
  const history = new HistoryService(deps.store, { cacheBytes: 1024 * 1024 });
  const lastWritten = async (mapId: string, personaId: string) => {
    const { targets } = await history.attribution(mapId);
    return (
      targets.find(([target]) => target === entityKey("persona", personaId))?.[1].changed.ts ?? null
    );
  };
  return new PersonaCatchUp({ store: deps.store, live, lastWritten, log: deps.log });
}

function hierarchyRoutes(deps: LibraryDeps): Hono {
  const { store, access, roles, accounts, log } = deps;
  return createLibraryHierarchyRoutes({
    store,
    access,
    roles,
    // Its own replays (a few maps): the freshness routes' cache serves boards, not roll-ups.
    freshness: new FreshnessService(store),
    authors: new AuthorNames((id) => accounts.findUser(id)),
    guardCreation: deps.guardCreation ?? (async (_c, next) => next()),
    log,
    now: Date.now,
  });
}

function cardRoutes(deps: LibraryDeps, live: LiveDocuments): Hono {
  const { store, roles, accounts } = deps;
  const authors = new AuthorNames((id) => accounts.findUser(id));
  const opportunities = new LibraryOpportunities({ store, roles, authors, live, now: Date.now });
  return createLibraryCardRoutes({ store, roles, opportunities, now: Date.now });
}
