/**
 * The freshness feature on the server, wired once: the service, its routes and the periodic
 * check that announces items going stale (createServer mounts the routes and stops the check).
 */
import type { MapStore } from "@journeymap/storage";
import type { Hono } from "hono";
import type { EventBus } from "../events/EventBus.ts";
import { createFreshnessRoutes } from "../http/freshnessRoutes.ts";
import type { Logger } from "../logger.ts";
import { AuthorNames } from "../people/AuthorNames.ts";
import type { AccessService } from "@journeymap/access";
import { FreshnessService } from "./FreshnessService.ts";
import { scheduleStaleCheck } from "./staleCheck.ts";

export interface FreshnessDeps {
  readonly store: MapStore;
  readonly access: AccessService;
  readonly events: EventBus;
  readonly findUser: (id: string) => Promise<{ readonly name: string } | null>;
  readonly log: Logger;
}

export function createFreshness({ store, access, events, findUser, log }: FreshnessDeps): {
  routes: Hono;
  stop: () => Promise<void>;
} {
  const freshness = new FreshnessService(store);
  const routes = createFreshnessRoutes({
    access,
    freshness,
    authors: new AuthorNames(findUser),
    now: Date.now,
  });
  const stop = scheduleStaleCheck({ catalog: store, freshness, events, log });
  return { routes, stop };
}
