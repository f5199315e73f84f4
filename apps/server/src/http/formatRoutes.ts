/**
 * The open file format over HTTP: the published JSON Schema, a map exported as a Journeymap
 * file (with its comment threads on request), and maps created from uploaded files
 * (Journeymap JSON with or without comments, CSV of touchpoints, Mermaid journeys) with a
 * preview that changes nothing. A file with any error creates nothing.
 */
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
import { type AccessService, createOwnedMap } from "@journeymap/access";
import { mapDocumentName, talkDocumentName } from "@journeymap/protocol";
import {
  type ImportedMap,
  type ImportPreviewResult,
  MAX_IMPORT_BYTES,
  MAX_MAP_TITLE,
  ROUTES,
} from "@journeymap/protocol/http";
import { createdMapAnswer } from "./createdMapAnswer.ts";
import { grantFor, refuseNonReader } from "./grants.ts";
import { limitBody } from "./jsonBody.ts";
import { mount } from "./mount.ts";
import {
  createImportPool,
  IMPORT_RETRY_AFTER_S,
  ImportBusy,
  type ImportPool,
  ImportTooSlow,
} from "../import/importPool.ts";
import type { ImportResult } from "../import/readImport.ts";
import type { Logger } from "../logger.ts";
import type { MapStore } from "@journeymap/storage";

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
  const limitFile = limitBody(MAX_IMPORT_BYTES, "File");

  mount(app, ROUTES.getFormatSchema, (c) =>
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

  mount(app, ROUTES.exportMap, async (c) => {
    const mapId = c.req.param("mapId") ?? "";
    const denied = await requireReader(c, mapId);
    if (denied) return denied;
    if (!(await store.hasMap(mapId))) return c.json({ error: "No such map" }, 404);
    const { updates } = await store.loadDocument(mapDocumentName(mapId));
    // Comments live in the map's talk document, which has its own log (Persistence.ts);
    // confirmed comments are in the log before their authors see them saved.
    const withComments = ["1", "true"].includes(c.req.query("comments") ?? "");
    const talk = withComments
      ? (await store.loadDocument(talkDocumentName(mapId))).updates
      : undefined;
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
    const title = c.req.query("title")?.trim().slice(0, MAX_MAP_TITLE);
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
  mount(app, ROUTES.previewImport, limitFile, async (c) => {
    const read = await readUpload(c);
    if (read instanceof Response) return read;
    const preview: ImportPreviewResult = {
      ...read.preview,
      importable: isImportable(read.preview),
    };
    return c.json(preview);
  });

  mount(app, ROUTES.importMap, guardCreation, limitFile, async (c) => {
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
    const title = preview.snapshot.title.trim() || "Imported journey";
    const map = await createOwnedMap(store, access, {
      title,
      createdAt: created,
      seed,
      talkSeed,
    });
    log.info({ mapId: map.id, kind: preview.kind }, "map imported");
    const imported: ImportedMap = { ...createdMapAnswer(map), notes: [...preview.notes] };
    return c.json(imported, 201);
  });

  return app;
}
