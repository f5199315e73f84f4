/**
 * HTTP routes of the contribution API (documented in talk/openapi.ts, served at
 * /api/openapi.json): the map outline, inbox submissions (JSON, idempotent with a key), the
 * inbox list and CSV import with preview. Each request is authenticated with a bearer token
 * scoped to the map, checked against talk/permissions.ts, rate-limited per link and
 * address, and size-limited. Bad input gets a 4xx naming what is wrong and changes nothing.
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import { CsvError } from "@journeymap/schema";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AccessService, Grant } from "../auth/AccessService.ts";
import { bearerToken } from "./grants.ts";
import { BadSubmission, type InboxService, type Submitter } from "../talk/InboxService.ts";
import { openApiDocument } from "./openapi.ts";
import { type ContribOperation, mayDo } from "../talk/permissions.ts";
import { RateLimiter } from "../talk/RateLimiter.ts";
import { formatIssues, SubmissionBody } from "../talk/schemas.ts";
import { isMapId } from "@journeymap/protocol";

/** One contribution: up to 10,000 characters of text plus fields, in any script. */
export const MAX_SUBMISSION_BYTES = 64 * 1024;
/** A CSV import (up to 1,000 rows). */
export const MAX_IMPORT_BYTES = 1024 * 1024;
const MAX_KEY = 200;
/** A share-link submitter's own key (see `submitter`); shorter ones are ignored as guessable. */
export const SUBMITTER_HEADER = "journeymap-submitter";
const MIN_SUBMITTER_KEY = 16;

export interface ContribLimits {
  /** Sustained requests per minute per link and address… */
  readonly perMinute: number;
  /** …after a burst of this many. */
  readonly burst: number;
}
export const DEFAULT_CONTRIB_LIMITS: ContribLimits = { perMinute: 60, burst: 20 };

export interface TalkRoutesOptions {
  readonly access: AccessService;
  readonly inbox: InboxService;
  readonly limits?: ContribLimits;
  /** The server's public URL for the OpenAPI document; null or absent: relative ("/"). */
  readonly publicUrl?: string | null;
}

const tooLarge = (max: number) =>
  bodyLimit({
    maxSize: max,
    onError: (c) => c.json({ error: `Body larger than ${max} bytes` }, 413),
  });

export function createTalkRoutes({
  access,
  inbox,
  limits = DEFAULT_CONTRIB_LIMITS,
  publicUrl = null,
}: TalkRoutesOptions): Hono {
  const app = new Hono();
  const rate = new RateLimiter(limits.perMinute, limits.burst);

  // Never the request's Host: anyone can send one, and clients would follow it elsewhere.
  const openApi = openApiDocument(publicUrl ?? "/");
  app.get("/api/openapi.json", (c) => c.json(openApi));

  /** The grant for this map and operation, or the response refusing it. */
  const authorize = async (
    c: Context,
    operation: ContribOperation,
  ): Promise<{ grant: Grant; mapId: string; address: string } | Response> => {
    const mapId = c.req.param("mapId") ?? "";
    if (!isMapId(mapId)) return c.json({ error: "mapId: not a map id" }, 400);
    const token = bearerToken(c);
    if (token === "") return c.json({ error: "Send a token: Authorization: Bearer <token>" }, 401);
    const grant = await access.authorize(token, mapId).catch((e: Error) => e);
    if (grant instanceof Error) return c.json({ error: grant.message }, 401);
    if (!mayDo(grant, operation)) {
      const what = grant.kind === "share" ? `A ${grant.role} link` : "This API token";
      return c.json({ error: `${what} may not do this (${operation})` }, 403);
    }
    let address = "unknown";
    try {
      address = getConnInfo(c).remote.address ?? address;
    } catch {
      // Not served by the node adapter (tests calling app.fetch directly).
    }
    const decision = rate.take(`${grant.linkId}|${address}`);
    if (!decision.ok) {
      c.header("Retry-After", String(decision.retryAfterSeconds));
      return c.json({ error: `Too many requests; retry in ${decision.retryAfterSeconds} s` }, 429);
    }
    return { grant, mapId, address };
  };

  /**
   * An API token is one integration. A share link is held by many people: the web form sends
   * a random key its browser keeps (SUBMITTER_HEADER), other clients are told apart by address.
   */
  const submitter = (c: Context, auth: { grant: Grant; address: string }): Submitter => {
    const held = c.req.header(SUBMITTER_HEADER) ?? "";
    const person =
      auth.grant.kind === "api"
        ? ""
        : held.length >= MIN_SUBMITTER_KEY && held.length <= MAX_KEY
          ? `key:${held}`
          : `address:${auth.address}`;
    return { linkId: auth.grant.linkId, person, via: auth.grant.kind === "api" ? "api" : "form" };
  };

  app.get("/api/maps/:mapId/outline", async (c) => {
    const auth = await authorize(c, "outline");
    if (auth instanceof Response) return auth;
    return c.json(await inbox.outline(auth.mapId));
  });

  app.get("/api/maps/:mapId/inbox", async (c) => {
    const auth = await authorize(c, "list");
    if (auth instanceof Response) return auth;
    return c.json(await inbox.list(auth.mapId));
  });

  app.post("/api/maps/:mapId/inbox", tooLarge(MAX_SUBMISSION_BYTES), async (c) => {
    const auth = await authorize(c, "submit");
    if (auth instanceof Response) return auth;
    if (!/^application\/json\b/i.test(c.req.header("content-type") ?? ""))
      return c.json({ error: "Send JSON (Content-Type: application/json)" }, 415);
    const key = c.req.header("idempotency-key") ?? null;
    if (key !== null && (key.trim() === "" || key.length > MAX_KEY))
      return c.json({ error: `Idempotency-Key: 1–${MAX_KEY} characters` }, 400);
    let raw: unknown;
    try {
      raw = JSON.parse(await c.req.text());
    } catch {
      return c.json({ error: "Body is not valid JSON" }, 400);
    }
    const parsed = SubmissionBody.safeParse(raw);
    if (!parsed.success) return c.json({ error: formatIssues(parsed.error) }, 400);
    try {
      const result = await inbox.submit(auth.mapId, parsed.data, submitter(c, auth), key);
      return c.json(result, result.created ? 201 : 200);
    } catch (error) {
      if (error instanceof BadSubmission || error instanceof RangeError)
        return c.json({ error: error.message }, 400);
      throw error;
    }
  });

  app.post("/api/maps/:mapId/inbox/import", tooLarge(MAX_IMPORT_BYTES), async (c) => {
    const auth = await authorize(c, "import");
    if (auth instanceof Response) return auth;
    if (!/^text\/(csv|plain)\b/i.test(c.req.header("content-type") ?? ""))
      return c.json({ error: "Send CSV (Content-Type: text/csv)" }, 415);
    const dryRunParam = c.req.query("dryRun");
    if (dryRunParam !== undefined && !["true", "false", "1", "0"].includes(dryRunParam))
      return c.json({ error: "dryRun: true or false" }, 400);
    const dryRun = dryRunParam === "true" || dryRunParam === "1";
    try {
      const result = await inbox.importCsv(
        auth.mapId,
        await c.req.text(),
        submitter(c, auth),
        dryRun,
      );
      return c.json(result, result.rows.every((r) => r.ok) ? 200 : 422);
    } catch (error) {
      if (
        error instanceof CsvError ||
        error instanceof BadSubmission ||
        error instanceof RangeError
      )
        return c.json({ error: error.message }, 400);
      throw error;
    }
  });

  return app;
}
