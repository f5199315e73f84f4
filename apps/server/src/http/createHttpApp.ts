/**
 * The HTTP side: health, the map list API, and the built web app (with a fallback to
 * index.html so client-side routes such as /maps/<id> load the app).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { createMapFromTemplate, findTemplate, randomId, TEMPLATES } from "@journeymap/schema";
import { API_ACTIONS, ROLES, SYNC_PATH } from "@journeymap/protocol";
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import * as Y from "yjs";
import { z } from "zod";
import type { Logger } from "../logger.ts";
import type { AccessService } from "../auth/AccessService.ts";
import { grantFor } from "./grants.ts";
import { HistoryService } from "../history/HistoryService.ts";
import { createHistoryRoutes } from "./historyRoutes.ts";
import { createFormatRoutes } from "./formatRoutes.ts";
import type { ImportPool } from "../import/importPool.ts";
import type { Metrics } from "../Metrics.ts";
import { createMetricsRoute } from "./metricsRoute.ts";
import { securityHeaders } from "./securityHeaders.ts";
import type { MapRecord, MapStore } from "../store/MapStore.ts";
import type { StoreHealth } from "../quota/StoreHealth.ts";

/** JSON bodies of the map API are tiny; anything larger is a mistake or an attack. */
const MAX_API_BODY_BYTES = 16 * 1024;

const CreateMapBody = z
  .object({
    title: z.string().trim().max(200).optional(),
    template: z.string().max(64).optional(),
  })
  .strict();

const LookupBody = z
  .object({
    maps: z
      .array(z.object({ mapId: z.string().max(64), token: z.string().max(2048) }).strict())
      .max(500),
  })
  .strict();

const CreateLinkBody = z
  .object({
    role: z.enum(ROLES).optional(),
    actions: z.array(z.enum(API_ACTIONS)).min(1).optional(),
    label: z.string().trim().max(100).optional(),
    expiresInDays: z.number().positive().max(3650).optional(),
  })
  .strict();

const INVALID_JSON = Symbol("invalid JSON");

/** The JSON body ({} when empty), or INVALID_JSON. */
async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    return INVALID_JSON;
  }
}

function badRequest(c: Context, error: z.ZodError) {
  const message = error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`);
  return c.json({ error: message.join("; ") }, 400);
}

const limitBody = bodyLimit({
  maxSize: MAX_API_BODY_BYTES,
  onError: (c) => c.json({ error: `Body larger than ${MAX_API_BODY_BYTES} bytes` }, 413),
});

export interface HttpAppOptions {
  readonly store: MapStore;
  readonly access: AccessService;
  /** Closes the live connections opened with a link that was just revoked. */
  readonly onRevoke: (mapId: string, linkId: string) => void;
  readonly metrics: Metrics;
  /** Bearer token /metrics asks for; null: /metrics answers 404. */
  readonly metricsToken?: string | null;
  readonly webDist: string;
  readonly log: Logger;
  readonly now?: () => number;
  /** More routes mounted before the API's 404 (the contribution API). */
  readonly routes?: readonly Hono[];
  /** The worker that reads uploaded files (closed by the server on shutdown). */
  readonly imports?: ImportPool;
  /** Whether the store takes writes (quota/StoreHealth.ts); /readyz reports it. */
  readonly health?: StoreHealth;
  /** The scale-out bus when there is one (sync/ScaleOut.ts); /readyz reports it. */
  readonly bus?: { status(): Promise<{ ok: true } | { ok: false; reason: string }> };
  /** Runs before a map is created or imported (quota/creationQuota.ts). */
  readonly guardCreation?: MiddlewareHandler;
}

export function createHttpApp({
  store,
  access,
  onRevoke,
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
}: HttpAppOptions): Hono {
  const app = new Hono();
  const history = new HistoryService(store);

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

  app.get("/api/templates", (c) =>
    c.json(TEMPLATES.map(({ id, name, summary }) => ({ id, name, summary }))),
  );

  /** The maps the caller holds tokens for (the browser keeps them), with the role each gives. */
  app.post("/api/maps/lookup", limitBody, async (c) => {
    const parsed = LookupBody.safeParse(await readJson(c));
    if (!parsed.success) return badRequest(c, parsed.error);
    // Only the asked maps: the map list calls this on every visit, whatever the store holds.
    const asked = [...new Set(parsed.data.maps.map((m) => m.mapId))];
    const maps = new Map((await store.getMaps(asked)).map((m) => [m.id, m]));
    const found: Array<MapRecord & { role: string }> = [];
    for (const { mapId, token } of parsed.data.maps) {
      const map = maps.get(mapId);
      if (!map) continue;
      try {
        const grant = await access.authorize(token, mapId);
        if (grant.kind === "share") found.push({ ...map, role: grant.role });
      } catch {
        // A revoked or foreign token simply does not list the map.
      }
    }
    found.sort((a, b) => b.updatedAt - a.updatedAt);
    return c.json(found);
  });

  /** The owner of a map manages its links. */
  const requireOwner = async (c: Context, mapId: string) => {
    const grant = await grantFor(access, c, mapId);
    if (grant instanceof Response) return grant;
    if (grant.kind !== "share" || grant.role !== "owner") {
      return c.json({ error: "Only the map's owner can manage its links" }, 403);
    }
    return null;
  };

  app.get("/api/maps/:id/links", async (c) => {
    const mapId = c.req.param("id");
    const denied = await requireOwner(c, mapId);
    if (denied) return denied;
    return c.json(await store.listLinks(mapId));
  });

  app.post("/api/maps/:id/links", limitBody, async (c) => {
    const mapId = c.req.param("id");
    const denied = await requireOwner(c, mapId);
    if (denied) return denied;
    const parsed = CreateLinkBody.safeParse(await readJson(c));
    if (!parsed.success) return badRequest(c, parsed.error);
    const { role, actions, label, expiresInDays } = parsed.data;
    if (!role === !actions) return c.json({ error: "Give either a role or API actions" }, 400);
    const issued = await access.issue(
      mapId,
      role ? { role } : { actions: actions ?? [] },
      label ?? "",
      expiresInDays === undefined ? null : expiresInDays * 24 * 3600 * 1000,
    );
    return c.json(issued, 201);
  });

  app.delete("/api/maps/:id/links/:linkId", async (c) => {
    const mapId = c.req.param("id");
    const denied = await requireOwner(c, mapId);
    if (denied) return denied;
    const linkId = c.req.param("linkId");
    if (!(await store.revokeLink(mapId, linkId, now())))
      return c.json({ error: "No such live link" }, 404);
    onRevoke(mapId, linkId);
    return c.body(null, 204);
  });

  app.post(
    "/api/maps",
    guardCreation,
    bodyLimit({
      maxSize: MAX_API_BODY_BYTES,
      onError: (c) => c.json({ error: `Body larger than ${MAX_API_BODY_BYTES} bytes` }, 413),
    }),
    async (c) => {
      let raw: unknown = {};
      const text = await c.req.text();
      if (text.trim() !== "") {
        try {
          raw = JSON.parse(text);
        } catch {
          return c.json({ error: "Body is not valid JSON" }, 400);
        }
      }
      const parsed = CreateMapBody.safeParse(raw);
      if (!parsed.success) {
        const message = parsed.error.issues.map(
          (i) => `${i.path.join(".") || "body"}: ${i.message}`,
        );
        return c.json({ error: message.join("; ") }, 400);
      }
      const template = findTemplate(parsed.data.template);
      if (!template) return c.json({ error: `Unknown template: ${parsed.data.template}` }, 400);
      const id = randomId();
      const doc = new Y.Doc();
      const created = now();
      createMapFromTemplate(doc, template, {
        now: () => created,
        ...(parsed.data.title ? { title: parsed.data.title } : {}),
      });
      const title = parsed.data.title || template.title;
      await store.createMap(id, title, created, Y.encodeStateAsUpdate(doc));
      doc.destroy();
      const owner = await access.issue(id, { role: "owner" }, "Owner", null);
      log.info({ mapId: id, template: template.id }, "map created");
      return c.json(
        { id, title, createdAt: created, updatedAt: created, role: "owner", token: owner.token },
        201,
      );
    },
  );

  app.route("/", createHistoryRoutes({ store, access, history, now }));
  app.route(
    "/",
    createFormatRoutes({ store, access, log, now, guardCreation, ...(imports ? { imports } : {}) }),
  );

  for (const extra of routes) app.route("/", extra);
  app.all("/api/*", (c) => c.json({ error: "Not found" }, 404));
  // Upgrades on /sync never reach Hono (the gate takes them); a plain request there is a
  // misconfigured proxy or client, not a client-side route of the web app.
  app.all(SYNC_PATH, (c) => c.json({ error: "Use a WebSocket to connect to /sync" }, 426));

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
