/**
 * The open file format over HTTP: the published JSON Schema, a map exported as a Journeymap
 * file (with its comment threads on request), and maps created from uploaded files
 * (Journeymap JSON with or without comments, CSV of touchpoints, Mermaid journeys) with a
 * preview that changes nothing. A file with any error creates nothing.
 */
import { randomId } from "@journeymap/schema";
import {
  IMPORT_KINDS,
  type ImportKind,
  isImportable,
  mapFileFromUpdates,
  mapFileJsonSchema,
  mapFileName,
  serializeMapFile,
} from "@journeymap/schema/format";
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AccessService } from "../auth/AccessService.ts";
import { grantFor, refuseNonReader } from "./grants.ts";
import { storeKeyOf } from "../documentName.ts";
import {
  createImportPool,
  IMPORT_RETRY_AFTER_S,
  ImportBusy,
  type ImportPool,
  ImportTooSlow,
} from "../import/importPool.ts";
import type { ImportResult } from "../import/readImport.ts";
import type { Logger } from "../logger.ts";
import type { MapStore } from "../store/MapStore.ts";

/**
 * Largest file accepted. A map's seed is stored and synced as one update, and updates over
 * 6 MiB are refused on the socket (limits.ts); 4 MiB of JSON seeds well under that.
 */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024;
const MAX_TITLE = 200;
const talkKey = (mapId: string) => storeKeyOf({ kind: "talk", mapId });

export interface FormatRoutesOptions {
  readonly store: MapStore;
  readonly access: AccessService;
  readonly log: Logger;
  readonly now: () => number;
  /** Where uploads are read, off the server's loop (one worker thread by default). */
  readonly imports?: ImportPool;
  /** Runs before an import creates a map (quota/creationQuota.ts). */
  readonly guardCreation?: MiddlewareHandler;
}

export function createFormatRoutes({
  store,
  access,
  log,
  now,
  imports = createImportPool(),
  guardCreation = async (_c, next) => next(),
}: FormatRoutesOptions): Hono {
  const app = new Hono();
  const schemaText = `${JSON.stringify(mapFileJsonSchema(), null, 2)}\n`;
  const limitFile = bodyLimit({
    maxSize: MAX_IMPORT_BYTES,
    onError: (c) => c.json({ error: `File larger than ${MAX_IMPORT_BYTES} bytes` }, 413),
  });

  app.get("/api/format/schema.json", (c) =>
    c.body(schemaText, 200, {
      "content-type": "application/schema+json; charset=utf-8",
      "cache-control": "public, max-age=3600",
      "access-control-allow-origin": "*",
    }),
  );

  /** Anyone who may read the map (any share link but a contributor's, or map:read). */
  const requireReader = async (c: Context, mapId: string): Promise<Response | null> => {
    const grant = await grantFor(access, c, mapId);
    if (grant instanceof Response) return grant;
    return refuseNonReader(c, grant, "export the map");
  };

  app.get("/api/maps/:id/export", async (c) => {
    const mapId = c.req.param("id");
    const denied = await requireReader(c, mapId);
    if (denied) return denied;
    if (!(await store.hasMap(mapId))) return c.json({ error: "No such map" }, 404);
    const { updates } = await store.loadMap(mapId);
    // Comments live in the map's talk document, stored under its own key (Persistence.ts);
    // confirmed comments are in the log before their authors see them saved.
    const withComments = ["1", "true"].includes(c.req.query("comments") ?? "");
    const talk = withComments ? (await store.loadMap(talkKey(mapId))).updates : undefined;
    const file = mapFileFromUpdates(updates, new Date(now()), talk);
    const name = mapFileName(file.map.title, "journeymap.json");
    return c.body(serializeMapFile(file), 200, {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
    });
  });

  /**
   * The upload read on the import thread (the kind from ?kind=, else detected there from
   * ?filename= and the text), with seed updates created at `seedAt` when given; or the
   * response refusing it.
   */
  const readUpload = async (c: Context, seedAt?: number): Promise<ImportResult | Response> => {
    const text = await c.req.text();
    const kind = c.req.query("kind") || undefined;
    if (kind !== undefined && !(IMPORT_KINDS as readonly string[]).includes(kind)) {
      return c.json({ error: `kind must be one of ${IMPORT_KINDS.join(", ")}` }, 400);
    }
    if (text.trim() === "") return c.json({ error: "The file is empty" }, 400);
    const title = c.req.query("title")?.trim().slice(0, MAX_TITLE);
    const fileName = c.req.query("filename");
    try {
      return await imports.read({
        text,
        ...(kind ? { kind: kind as ImportKind } : {}),
        ...(fileName ? { fileName } : {}),
        ...(title ? { title } : {}),
        ...(seedAt !== undefined ? { seedAt } : {}),
      });
    } catch (error) {
      if (error instanceof ImportBusy) {
        c.header("Retry-After", String(IMPORT_RETRY_AFTER_S));
        return c.json({ error: `${error.message}; retry in ${IMPORT_RETRY_AFTER_S} s` }, 503);
      }
      if (error instanceof ImportTooSlow) return c.json({ error: error.message }, 422);
      throw error;
    }
  };

  /** What the file would create, with every problem; writes nothing. */
  app.post("/api/import/preview", limitFile, async (c) => {
    const read = await readUpload(c);
    if (read instanceof Response) return read;
    return c.json({ ...read.preview, importable: isImportable(read.preview) });
  });

  app.post("/api/maps/import", guardCreation, limitFile, async (c) => {
    const created = now();
    const read = await readUpload(c, created);
    if (read instanceof Response) return read;
    const { preview, seed, talkSeed } = read;
    if (!isImportable(preview) || !seed) {
      return c.json(
        {
          error: `The ${preview.kind.toUpperCase()} file has ${preview.errors.length} problem(s); nothing was imported`,
          errors: preview.errors,
        },
        422,
      );
    }
    const id = randomId();
    const title = preview.snapshot.title.trim() || "Imported journey";
    await store.createMap(id, title, created, seed);
    if (talkSeed) {
      // The talk document's first row, as Persistence would create it on a first comment.
      await store.createMap(talkKey(id), "", created, talkSeed);
    }
    const owner = await access.issue(id, { role: "owner" }, "Owner", null);
    log.info({ mapId: id, kind: preview.kind }, "map imported");
    return c.json(
      {
        id,
        title,
        createdAt: created,
        updatedAt: created,
        role: "owner",
        token: owner.token,
        notes: preview.notes,
      },
      201,
    );
  });

  return app;
}
