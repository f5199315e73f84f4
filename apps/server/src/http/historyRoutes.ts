/**
 * The history API of a map: the timeline of edits, the exact state at any moment, ranges of
 * logged rows for client-side replay, attribution, and named versions.
 *
 * Anyone holding a link to the map (viewers included, and API tokens with map:read) may read
 * history; only editors and owners may name, rename or delete versions. Restoring is not a
 * server route on purpose: a restore is a forward edit made by a client on the live document,
 * so it syncs, merges with offline work and can be undone like any other edit.
 */
import { encodeRowFrames, randomId } from "@journeymap/schema";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import type { AccessService } from "../auth/AccessService.ts";
import { grantFor, refuseNonReader } from "./grants.ts";
import { canEdit } from "../auth/tokens.ts";
import type { HistoryService } from "../history/HistoryService.ts";
import type { MapStore } from "../store/MapStore.ts";

/** Most history entries one request returns; page with `from`. */
const MAX_HISTORY_ROWS = 5000;
/** Most logged rows (with their bytes) one /updates request returns. */
const MAX_ROW_RANGE = 2000;
/**
 * Most bytes of updates one /updates answer carries, plus 8 bytes of framing per row (a single
 * larger row still comes alone, so paging moves on): answers were built whole, and 8
 * concurrent ones on a map of 1 MiB rows took 200 MiB and stalled the server.
 */
export const MAX_ROWS_PAGE_BYTES = 1024 * 1024;
const MAX_BODY_BYTES = 4 * 1024;
const MAX_VERSION_NAME = 120;

const VersionName = z.string().trim().min(1, "name must not be empty").max(MAX_VERSION_NAME);
const CreateVersionBody = z
  .object({
    name: VersionName,
    seq: z.number().int().min(0).optional(),
    /** The caller's display name (self-declared, as in presence); the link's label otherwise. */
    by: z.string().trim().max(100).optional(),
  })
  .strict();
const RenameVersionBody = z.object({ name: VersionName }).strict();

export interface HistoryRoutesOptions {
  readonly store: MapStore;
  readonly access: AccessService;
  readonly history: HistoryService;
  readonly now: () => number;
}

function errorOf(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
}

async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    return Symbol("invalid");
  }
}

/** A non-negative integer query parameter, the fallback when absent, null when malformed. */
function seqParam(value: string | undefined, fallback: number): number | null {
  if (value === undefined) return fallback;
  const n = Number(value);
  return value.trim() !== "" && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

export function createHistoryRoutes({ store, access, history, now }: HistoryRoutesOptions): Hono {
  const app = new Hono();
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json({ error: `Body larger than ${MAX_BODY_BYTES} bytes` }, 413),
  });

  const grantOf = (c: Context, mapId: string) => grantFor(access, c, mapId);

  /** Any share link of the map may read its history (viewers included). */
  const requireReader = async (c: Context, mapId: string): Promise<Response | null> => {
    const grant = await grantOf(c, mapId);
    if (grant instanceof Response) return grant;
    return refuseNonReader(c, grant, "read the map's history");
  };

  /** Editors and owners name versions; returns the link's label for attribution. */
  const requireEditor = async (c: Context, mapId: string): Promise<Response | string> => {
    const grant = await grantOf(c, mapId);
    if (grant instanceof Response) return grant;
    if (grant.kind !== "share" || !canEdit(grant.role)) {
      return c.json({ error: "Only editors and owners can change the map's versions" }, 403);
    }
    const link = await store.getLink(grant.linkId);
    return link?.label || grant.role;
  };

  app.get("/api/maps/:id/history", async (c) => {
    const mapId = c.req.param("id");
    const denied = await requireReader(c, mapId);
    if (denied) return denied;
    const from = seqParam(c.req.query("from"), 1);
    const to = seqParam(c.req.query("to"), Number.MAX_SAFE_INTEGER);
    if (from === null || to === null)
      return c.json({ error: "from and to must be sequence numbers" }, 400);
    const limit = Math.min(to, from + MAX_HISTORY_ROWS - 1);
    return c.json(await history.entries(mapId, from, limit));
  });

  /** The timeline: the whole log grouped into bursts (who, when, how much). */
  app.get("/api/maps/:id/timeline", async (c) => {
    const mapId = c.req.param("id");
    const denied = await requireReader(c, mapId);
    if (denied) return denied;
    return c.json(await history.timeline(mapId));
  });

  /** The exact state after row `seq` (or at time `at`), as a Yjs update. */
  app.get("/api/maps/:id/state", async (c) => {
    const mapId = c.req.param("id");
    const denied = await requireReader(c, mapId);
    if (denied) return denied;
    const at = c.req.query("at");
    const bounds = await store.logBounds(mapId);
    let seq = seqParam(c.req.query("seq"), bounds.last);
    if (at !== undefined) {
      const ts = Number(at);
      if (at.trim() === "" || !Number.isFinite(ts))
        return c.json({ error: "at must be a time in ms" }, 400);
      seq = await history.seqAt(mapId, ts);
    }
    if (seq === null) return c.json({ error: "seq must be a sequence number" }, 400);
    // Refused before any work: replaying up to a moment past the end used to block the loop.
    if (seq > bounds.last) {
      return c.json({ error: `seq ${seq} is after the map's last edit (${bounds.last})` }, 416);
    }
    if (bounds.first > 1 && seq < bounds.first) return c.json(compacted(bounds.first), 410);
    const state = await history.stateAt(mapId, seq);
    // Copy into a fresh ArrayBuffer: Hono's body types want exactly that.
    return c.body(new Uint8Array(state).buffer as ArrayBuffer, 200, {
      "content-type": "application/octet-stream",
      "x-journeymap-seq": String(seq),
    });
  });

  /**
   * Logged rows `from`..`to` with their bytes (row frames), for replay in the browser: a page
   * of at most MAX_ROW_RANGE rows and MAX_ROWS_PAGE_BYTES of updates (one larger row comes
   * alone); the caller pages on from the last row it got. A range past the end is empty.
   */
  app.get("/api/maps/:id/updates", async (c) => {
    const mapId = c.req.param("id");
    const denied = await requireReader(c, mapId);
    if (denied) return denied;
    const from = seqParam(c.req.query("from"), 1);
    const to = seqParam(c.req.query("to"), Number.MAX_SAFE_INTEGER);
    if (from === null || to === null || from < 1)
      return c.json({ error: "from and to must be sequence numbers (from ≥ 1)" }, 400);
    if (to < from) return c.json({ error: "to must not be before from" }, 400);
    const rows = await history.rows(
      mapId,
      from,
      Math.min(to, from + MAX_ROW_RANGE - 1),
      MAX_ROWS_PAGE_BYTES,
    );
    const body = encodeRowFrames(rows);
    return c.body(body.buffer as ArrayBuffer, 200, {
      "content-type": "application/octet-stream",
    });
  });

  /** Who created and who last changed each phase, touchpoint, card, lane, persona, cell, point. */
  app.get("/api/maps/:id/attribution", async (c) => {
    const mapId = c.req.param("id");
    const denied = await requireReader(c, mapId);
    if (denied) return denied;
    const { seq, targets } = await history.attribution(mapId);
    return c.json({ seq, targets: Object.fromEntries(targets) });
  });

  app.get("/api/maps/:id/versions", async (c) => {
    const mapId = c.req.param("id");
    const denied = await requireReader(c, mapId);
    if (denied) return denied;
    return c.json(await store.listVersions(mapId));
  });

  app.post("/api/maps/:id/versions", limitBody, async (c) => {
    const mapId = c.req.param("id");
    const label = await requireEditor(c, mapId);
    if (label instanceof Response) return label;
    const parsed = CreateVersionBody.safeParse(await readJson(c));
    if (!parsed.success) return c.json({ error: errorOf(parsed.error) }, 400);
    const { first, last } = await store.logBounds(mapId);
    const seq = parsed.data.seq ?? last;
    if (seq > last) {
      return c.json({ error: `seq ${seq} is after the map's last edit (${last})` }, 400);
    }
    if (first > 1 && seq < first) return c.json(compacted(first), 410);
    const version = {
      id: randomId(),
      mapId,
      seq,
      name: parsed.data.name,
      createdAt: now(),
      createdBy: parsed.data.by || label,
    };
    await store.createVersion(version);
    return c.json(version, 201);
  });

  app.patch("/api/maps/:id/versions/:versionId", limitBody, async (c) => {
    const mapId = c.req.param("id");
    const label = await requireEditor(c, mapId);
    if (label instanceof Response) return label;
    const parsed = RenameVersionBody.safeParse(await readJson(c));
    if (!parsed.success) return c.json({ error: errorOf(parsed.error) }, 400);
    if (!(await store.renameVersion(mapId, c.req.param("versionId"), parsed.data.name))) {
      return c.json({ error: "No such version of this map" }, 404);
    }
    return c.json({ id: c.req.param("versionId"), name: parsed.data.name });
  });

  app.delete("/api/maps/:id/versions/:versionId", async (c) => {
    const mapId = c.req.param("id");
    const label = await requireEditor(c, mapId);
    if (label instanceof Response) return label;
    if (!(await store.deleteVersion(mapId, c.req.param("versionId")))) {
      return c.json({ error: "No such version of this map" }, 404);
    }
    return c.body(null, 204);
  });

  return app;
}

/** The answer for a moment that history retention has compacted away. */
function compacted(first: number) {
  return {
    error: `Edits before seq ${first} were compacted by history retention (HISTORY_RETENTION_DAYS); the earliest moment that can be replayed is seq ${first}`,
  };
}
