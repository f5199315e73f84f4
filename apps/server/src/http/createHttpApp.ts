/**
 * The HTTP side: health, the API (accounts, maps, history, files, talk and its OpenAPI
 * document), and the built web app (with a fallback to index.html so client-side routes such
 * as /maps/<id> load the app). Every API request may be a signed-in person's: their session is
 * read when a route asks (requestAccount.ts), and holds only from our own pages
 * (sameOriginSessions.ts).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { AccessService, AccountAccess } from "@journeymap/access";
import type { Accounts, AccountsConfig } from "@journeymap/accounts";
import { SYNC_PATH } from "@journeymap/protocol";
import { ROUTES } from "@journeymap/protocol/http";
import type { MapStore } from "@journeymap/storage";
import { Hono, type MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { EventBus } from "../events/EventBus.ts";
import { HistoryService } from "../history/HistoryService.ts";
import type { TrustProxy } from "../clientAddress.ts";
import type { ImportPool } from "../import/importPool.ts";
import type { Logger } from "../logger.ts";
import type { Metrics } from "../Metrics.ts";
import { AuthorNames } from "../people/AuthorNames.ts";
import type { StoreHealth } from "../quota/StoreHealth.ts";
import { createAccountRoutes } from "./accountRoutes.ts";
import { createFormatRoutes } from "./formatRoutes.ts";
import { createHistoryRoutes } from "./historyRoutes.ts";
import { createBranchRoutes } from "./branchRoutes.ts";
import { BranchService } from "../branches/BranchService.ts";
import { createMapRoutes } from "./mapRoutes.ts";
import { createMetricsRoute } from "./metricsRoute.ts";
import { mount } from "./mount.ts";
import { openApiDocument } from "./openapi.ts";
import { attachAccount } from "./requestAccount.ts";
import { sameOriginSessions } from "./sameOriginSessions.ts";
import { securityHeaders } from "./securityHeaders.ts";
import { createWorkspaceRoutes } from "./workspaceRoutes.ts";

export interface HttpAppOptions {
  readonly store: MapStore;
  readonly access: AccessService;
  /** Closes the live connections opened with a link that was just revoked. */
  readonly onRevoke: (mapId: string, linkId: string) => void;
  /**
   * Re-reads a person's live connections after their access to maps changed (a share
   * withdrawn or lowered): closed or downgraded on every instance (sync/AccountGuard.ts).
   */
  readonly onAccessChanged?: (userId: string) => void;
  /** People, sessions and workspaces (better-auth). */
  readonly accounts: Accounts;
  readonly accountsConfig: AccountsConfig;
  /** A signed-in person's role on a map. */
  readonly roles: AccountAccess;
  /** Which peers are reverse proxies (TRUST_PROXY), for client addresses. */
  readonly trustProxy: TrustProxy;
  readonly metrics: Metrics;
  /** Bearer token /metrics asks for; null: /metrics answers 404. */
  readonly metricsToken?: string | null;
  readonly webDist: string;
  readonly log: Logger;
  readonly now?: () => number;
  /** More routes mounted before the API's 404 (the talk API). */
  readonly routes?: readonly Hono[];
  /** The worker that reads uploaded files (closed by the server on shutdown). */
  readonly imports?: ImportPool;
  /** Whether the store takes writes (quota/StoreHealth.ts); /readyz reports it. */
  readonly health?: StoreHealth;
  /** The scale-out bus when there is one (sync/ScaleOut.ts); /readyz reports it. */
  readonly bus?: { status(): Promise<{ ok: true } | { ok: false; reason: string }> };
  /** Runs before a map is created or imported (quota/creationQuota.ts). */
  readonly guardCreation?: MiddlewareHandler;
  /** The server's public URL for the OpenAPI document; null or absent: relative ("/"). */
  readonly publicUrl?: string | null;
  /** Where routes announce what happened (a version named), for webhooks. */
  readonly events?: EventBus;
}

export function createHttpApp({
  store,
  access,
  onRevoke,
  onAccessChanged = () => {},
  accounts,
  accountsConfig,
  roles,
  trustProxy,
  metrics,
  metricsToken = null,
  webDist,
  log,
  now = Date.now,
  routes = [],
  imports,
  health,
  bus,
  guardCreation = async (_c, next) => next(),
  publicUrl = null,
  events,
}: HttpAppOptions): Hono {
  const app = new Hono();
  const history = new HistoryService(store, { log });

  app.use(securityHeaders());
  app.onError((error, c) => {
    // Middleware (bearer auth) refuses with an HTTPException: its answer, not a failure.
    if (error instanceof HTTPException) return error.getResponse();
    log.error({ err: error, path: c.req.path }, "request failed");
    return c.json({ error: "Internal error" }, 500);
  });

  // Liveness: the process answers. Readiness: the store answers too.
  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", async (c) => {
    try {
      await store.ping();
      // The store answers but cannot take writes: a full disk, or the last append failed.
      const writable = (await health?.status()) ?? { ok: true };
      if (!writable.ok) {
        return c.json({ status: "unavailable", store: store.kind, reason: writable.reason }, 503);
      }
      // Edits made here would not reach the other instances.
      const relayed = (await bus?.status()) ?? { ok: true };
      if (!relayed.ok) {
        return c.json({ status: "unavailable", store: store.kind, reason: relayed.reason }, 503);
      }
      return c.json({ status: "ready", store: store.kind });
    } catch (error) {
      log.warn({ err: error }, "readiness check failed");
      return c.json({ status: "unavailable", store: store.kind }, 503);
    }
  });
  app.route("/", createMetricsRoute(metrics, metricsToken));

  app.use(
    "/api/*",
    sameOriginSessions((request) => accounts.isSameOrigin(request)),
  );
  app.use("/api/*", attachAccount(accounts, roles));
  app.route("/", createAccountRoutes({ accounts, config: accountsConfig, trustProxy }));

  const authors = new AuthorNames((userId) => accounts.findUser(userId));
  app.route(
    "/",
    createMapRoutes({ store, access, roles, authors, onRevoke, log, now, guardCreation }),
  );
  app.route(
    "/",
    createWorkspaceRoutes({
      store,
      access,
      roles,
      accounts,
      authors,
      onRevoke,
      onAccessChanged,
      log,
      now,
      guardCreation,
    }),
  );
  // Never the request's Host: anyone can send one, and clients would follow it elsewhere.
  const openApi = openApiDocument(publicUrl ?? "/");
  mount(app, ROUTES.getOpenApi, (c) => c.json(openApi));
  app.route(
    "/",
    createHistoryRoutes({ store, access, history, authors, now, ...(events ? { events } : {}) }),
  );
  const branches = new BranchService({ store, access, history, authors, now });
  app.route(
    "/",
    createBranchRoutes({ store, access, roles, history, branches, log, guardCreation }),
  );
  app.route(
    "/",
    createFormatRoutes({ store, access, log, now, guardCreation, ...(imports ? { imports } : {}) }),
  );

  for (const extra of routes) app.route("/", extra);
  app.all("/api/*", (c) => c.json({ error: "Not found" }, 404));
  // Upgrades on /sync never reach Hono (the gate takes them); a plain request there is a
  // misconfigured proxy or client, not a client-side route of the web app.
  app.all(SYNC_PATH, (c) => c.json({ error: `Use a WebSocket to connect to ${SYNC_PATH}` }, 426));

  const index = path.join(webDist, "index.html");
  if (existsSync(index)) {
    const root = path.relative(process.cwd(), webDist) || ".";
    app.use("/*", serveStatic({ root }));
    app.get("/*", serveStatic({ root, path: "index.html" }));
  } else {
    app.get("/", (c) =>
      c.text(
        "Journeymap server is running, but the web app is not built.\nRun `npm start` (or `pnpm --filter @journeymap/web build`).\n",
      ),
    );
  }
  return app;
}
