/**
 * The history API of a map: the timeline of edits, the exact state at any moment, ranges of
 * logged rows for client-side replay, attribution, and named versions.
 *
 * Anyone holding a link to the map (viewers included, and API tokens with map:read) may read
 * history; only editors and owners may name, rename or delete versions. Restoring is not a
 * server route on purpose: a restore is a forward edit made by a client on the live document,
 * so it syncs, merges with offline work and can be undone like any other edit.
 */
import type { AccessService } from "@journeymap/access";
import {
  type AttributionTable,
  allows,
  CreateVersionBody,
  type HistoryEntry,
  type RenamedVersion,
  RenameVersionBody,
  ROUTES,
  SEQ_HEADER,
  THROUGH_HEADER,
  type Timeline,
  type Version,
} from "@journeymap/protocol/http";
import { guestAuthor, guestId } from "@journeymap/protocol";
import { encodeRowFrames, randomId } from "@journeymap/schema";
import type { MapStore } from "@journeymap/storage";
import { type Context, Hono } from "hono";
import type { EventBus } from "../events/EventBus.ts";
import { versionNamed } from "../events/mapEvents.ts";
import type { HistoryService } from "../history/HistoryService.ts";
import type { AuthorNames } from "../people/AuthorNames.ts";
import { grantFor, refuseNonReader } from "./grants.ts";
import { limitBody, readBody } from "./jsonBody.ts";
import { mount } from "./mount.ts";

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

export interface HistoryRoutesOptions {
  readonly store: MapStore;
  readonly access: AccessService;
  readonly history: HistoryService;
  /** Names of the recorded authors (account ids, guests) in answers. */
  readonly authors: AuthorNames;
  readonly now: () => number;
  /** Announces versions named (version.named), for webhooks. */
  readonly events?: EventBus;
}

/** A boolean query parameter ("1"/"true", "0"/"false"); undefined when absent or other. */
function flag(value: string | undefined): boolean | undefined {
  if (value === "1" || value === "true") return true;
  if (value === "0" || value === "false") return false;
  return undefined;
}

/** A non-negative integer query parameter, the fallback when absent, null when malformed. */
function seqParam(value: string | undefined, fallback: number): number | null {
  if (value === undefined) return fallback;
  const n = Number(value);
  return value.trim() !== "" && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

export function createHistoryRoutes(options: HistoryRoutesOptions): Hono {
  const app = new Hono();
  mountReadRoutes(app, options);
  mountVersionRoutes(app, options);
  return app;
}

const mapIdOf = (c: Context) => c.req.param("mapId") ?? "";

/** Any share link of the map may read its history (viewers included). */
async function refuseReader(access: AccessService, c: Context): Promise<Response | null> {
  const grant = await grantFor(access, c, mapIdOf(c));
  if (grant instanceof Response) return grant;
  return refuseNonReader(c, grant, "read the map's history");
}

/**
 * Editors and owners name versions. Returns who a new version is by, from what the caller
 * says: a signed-in person is themselves (their account id); a link's holder is a guest of
 * that link, named as they say, else by the link's label (a name they type is never taken
 * for an id: it could be an account's).
 */
async function requireEditor(
  { access, store }: HistoryRoutesOptions,
  c: Context,
): Promise<Response | ((claimed: string | undefined) => string)> {
  const grant = await grantFor(access, c, mapIdOf(c));
  if (grant instanceof Response) return grant;
  if (grant.kind === "api" || !allows(ROUTES.createVersion.access, grant)) {
    return c.json({ error: "Only editors and owners can change the map's versions" }, 403);
  }
  if (grant.kind === "account") return () => grant.userId;
  const link = await store.getLink(grant.linkId);
  const label = link?.label || grant.role;
  return (claimed) => guestAuthor(guestId(`link-${grant.linkId}`), claimed || label);
}

/** The timeline, entries, states, logged rows and attribution: for any reader. */
function mountReadRoutes(app: Hono, { access, history, authors }: HistoryRoutesOptions): void {
  mount(app, ROUTES.listHistory, async (c) => {
    const denied = await refuseReader(access, c);
    if (denied) return denied;
    const from = seqParam(c.req.query("from"), 1);
    const to = seqParam(c.req.query("to"), Number.MAX_SAFE_INTEGER);
    if (from === null || to === null)
      return c.json({ error: "from and to must be sequence numbers" }, 400);
    const limit = Math.min(to, from + MAX_HISTORY_ROWS - 1);
    const entries = await history.entries(mapIdOf(c), from, limit);
    const shown = await authors.show(entries.map((e) => e.author));
    return c.json(entries.map((e) => ({ ...e, ...shown(e.author) })) satisfies HistoryEntry[]);
  });

  mount(app, ROUTES.getTimeline, async (c) => {
    const denied = await refuseReader(access, c);
    if (denied) return denied;
    const { seq, bursts } = await history.timeline(mapIdOf(c));
    const shown = await authors.show(bursts.map((b) => b.author));
    return c.json({
      seq,
      bursts: bursts.map((b) => ({ ...b, ...shown(b.author) })),
    } satisfies Timeline);
  });

  mount(app, ROUTES.getState, async (c) => {
    const denied = await refuseReader(access, c);
    if (denied) return denied;
    const mapId = mapIdOf(c);
    const at = c.req.query("at");
    const bounds = await history.bounds(mapId);
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
    if (flag(c.req.query("lean")) === true) {
      const lean = await history.leanStart(mapId, seq);
      if (typeof lean === "object") {
        return c.body(new Uint8Array(lean.state).buffer as ArrayBuffer, 200, {
          "content-type": "application/octet-stream",
          [SEQ_HEADER]: String(seq),
          [THROUGH_HEADER]: String(lean.through),
        });
      }
      // Fetching ahead: rather nothing now than the full state, while the lean one is made.
      if (lean === "coming" && flag(c.req.query("full")) === false) return c.body(null, 204);
    }
    const state = await history.stateAt(mapId, seq);
    // Copy into a fresh ArrayBuffer: Hono's body types want exactly that.
    return c.body(new Uint8Array(state).buffer as ArrayBuffer, 200, {
      "content-type": "application/octet-stream",
      [SEQ_HEADER]: String(seq),
    });
  });

  /**
   * Logged rows `from`..`to` with their bytes (row frames), for replay in the browser: a page
   * of at most MAX_ROW_RANGE rows and MAX_ROWS_PAGE_BYTES of updates (one larger row comes
   * alone); the caller pages on from the last row it got. A range past the end is empty.
   */
  mount(app, ROUTES.getUpdates, async (c) => {
    const denied = await refuseReader(access, c);
    if (denied) return denied;
    const from = seqParam(c.req.query("from"), 1);
    const to = seqParam(c.req.query("to"), Number.MAX_SAFE_INTEGER);
    if (from === null || to === null || from < 1)
      return c.json({ error: "from and to must be sequence numbers (from ≥ 1)" }, 400);
    if (to < from) return c.json({ error: "to must not be before from" }, 400);
    const rows = await history.rows(
      mapIdOf(c),
      from,
      Math.min(to, from + MAX_ROW_RANGE - 1),
      MAX_ROWS_PAGE_BYTES,
    );
    const body = encodeRowFrames(rows);
    return c.body(body.buffer as ArrayBuffer, 200, {
      "content-type": "application/octet-stream",
    });
  });

  mount(app, ROUTES.getAttribution, async (c) => {
    const denied = await refuseReader(access, c);
    if (denied) return denied;
    const { seq, targets } = await history.attribution(mapIdOf(c));
    const shown = await authors.show(
      targets.flatMap(([, t]) => [t.created.author, t.changed.author]),
    );
    const named = targets.map(([target, { created, changed }]) => [
      target,
      {
        created: { ...created, ...shown(created.author) },
        changed: { ...changed, ...shown(changed.author) },
      },
    ]);
    return c.json({ seq, targets: Object.fromEntries(named) } satisfies AttributionTable);
  });
}

/** Named versions: any reader lists them; editors and owners name, rename and delete them. */
function mountVersionRoutes(app: Hono, options: HistoryRoutesOptions): void {
  const { store, access, history, authors, now } = options;
  const limit = limitBody(MAX_BODY_BYTES);

  /** Versions with their author's name (an account's is looked up; other names are as given). */
  const showVersions = async (versions: readonly Version[]): Promise<Version[]> => {
    const shown = await authors.show(versions.map((v) => v.createdBy));
    return versions.map((v) => ({
      ...v,
      createdBy: shown(v.createdBy).author,
      createdById: v.createdBy,
    }));
  };

  mount(app, ROUTES.listVersions, async (c) => {
    const denied = await refuseReader(access, c);
    if (denied) return denied;
    return c.json((await showVersions(await store.listVersions(mapIdOf(c)))) satisfies Version[]);
  });

  mount(app, ROUTES.createVersion, limit, async (c) => {
    const authorOf = await requireEditor(options, c);
    if (authorOf instanceof Response) return authorOf;
    const body = await readBody(c, CreateVersionBody);
    if (body instanceof Response) return body;
    const mapId = mapIdOf(c);
    const { first, last } = await history.bounds(mapId);
    const seq = body.seq ?? last;
    if (seq > last) {
      return c.json({ error: `seq ${seq} is after the map's last edit (${last})` }, 400);
    }
    if (first > 1 && seq < first) return c.json(compacted(first), 410);
    const version: Version = {
      id: randomId(),
      mapId,
      seq,
      name: body.name,
      createdAt: now(),
      createdBy: authorOf(body.by),
    };
    await store.createVersion(version);
    const [shown] = await showVersions([version]);
    if (shown) void options.events?.emit("version.named", mapId, versionNamed(shown));
    return c.json(shown, 201);
  });

  mount(app, ROUTES.renameVersion, limit, async (c) => {
    const editor = await requireEditor(options, c);
    if (editor instanceof Response) return editor;
    const body = await readBody(c, RenameVersionBody);
    if (body instanceof Response) return body;
    const id = c.req.param("versionId") ?? "";
    if (!(await store.renameVersion(mapIdOf(c), id, body.name))) {
      return c.json({ error: "No such version of this map" }, 404);
    }
    return c.json({ id, name: body.name } satisfies RenamedVersion);
  });

  mount(app, ROUTES.deleteVersion, async (c) => {
    const editor = await requireEditor(options, c);
    if (editor instanceof Response) return editor;
    if (!(await store.deleteVersion(mapIdOf(c), c.req.param("versionId") ?? ""))) {
      return c.json({ error: "No such version of this map" }, 404);
    }
    return c.body(null, 204);
  });
}

/** The answer for a moment that history retention has compacted away. */
function compacted(first: number) {
  return {
    error: `Edits before seq ${first} were compacted by history retention (HISTORY_RETENTION_DAYS); the earliest moment that can be replayed is seq ${first}`,
  };
}
