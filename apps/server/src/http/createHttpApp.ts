/**
 * The HTTP side: health, the map list API, and the built web app (with a fallback to
 * index.html so client-side routes such as /maps/<id> load the app).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { createMapFromTemplate, findTemplate, randomId, TEMPLATES } from "@journeymap/schema";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import * as Y from "yjs";
import { z } from "zod";
import type { Logger } from "../logger.ts";
import type { Metrics } from "../metrics.ts";
import type { MapStore } from "../store/MapStore.ts";

/** JSON bodies of the map API are tiny; anything larger is a mistake or an attack. */
const MAX_API_BODY_BYTES = 16 * 1024;

const CreateMapBody = z
  .object({
    title: z.string().trim().max(200).optional(),
    template: z.string().max(64).optional(),
  })
  .strict();

export interface HttpAppOptions {
  readonly store: MapStore;
  readonly metrics: Metrics;
  readonly webDist: string;
  readonly log: Logger;
  readonly now?: () => number;
}

export function createHttpApp({
  store,
  metrics,
  webDist,
  log,
  now = Date.now,
}: HttpAppOptions): Hono {
  const app = new Hono();

  app.onError((error, c) => {
    log.error({ err: error, path: c.req.path }, "request failed");
    return c.json({ error: "Internal error" }, 500);
  });

  // Liveness: the process answers. Readiness: the store answers too.
  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", async (c) => {
    try {
      await store.ping();
      return c.json({ status: "ready", store: store.kind });
    } catch (error) {
      log.warn({ err: error }, "readiness check failed");
      return c.json({ status: "unavailable", store: store.kind }, 503);
    }
  });
  app.get("/metrics", async (c) =>
    c.text(await metrics.registry.metrics(), 200, { "content-type": metrics.registry.contentType }),
  );

  app.get("/api/templates", (c) =>
    c.json(TEMPLATES.map(({ id, name, summary }) => ({ id, name, summary }))),
  );

  app.get("/api/maps", async (c) => c.json(await store.listMaps()));

  app.post(
    "/api/maps",
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
      log.info({ mapId: id, template: template.id }, "map created");
      return c.json({ id, title, createdAt: created, updatedAt: created }, 201);
    },
  );

  app.all("/api/*", (c) => c.json({ error: "Not found" }, 404));

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
