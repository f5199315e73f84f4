/**
 * HTTP routes of the talk API (documented in the OpenAPI document, served at
 * /api/openapi.json): the map outline, inbox submissions (JSON, idempotent with a key), the
 * inbox list and CSV import with preview. Each request is authenticated with a bearer token
 * scoped to the map or a signed-in person's session (grants.ts), checked against the route's
 * access in the protocol's route table, rate-limited per link (or person) and address, and
 * size-limited. Bad input gets a 4xx naming what is
 * wrong and changes nothing.
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { AccessService } from "@journeymap/access";
import { isMapId } from "@journeymap/protocol";
import {
  allows,
  type InboxImportResult,
  type InboxItemView,
  type Outline,
  ROUTES,
  SUBMITTER_HEADER,
  SubmissionBody,
  type SubmitResult,
  TALK_ACCESS,
} from "@journeymap/protocol/http";
import { CsvError } from "@journeymap/schema";
import { type Context, Hono } from "hono";
import { BadSubmission, type InboxService, type Submitter } from "../talk/InboxService.ts";
import { grantFor, grantHolder, type RequestGrant } from "./grants.ts";
import {
  booleanQuery,
  grantScope,
  idempotencyKeyOf,
  MAX_IDEMPOTENCY_KEY,
  refuseMediaType,
} from "./integrationRequests.ts";
import { limitBody, readBody } from "./jsonBody.ts";
import { mount } from "./mount.ts";
import { RateLimiter } from "./RateLimiter.ts";

/** One contribution: up to 10,000 characters of text plus fields, in any script. */
export const MAX_SUBMISSION_BYTES = 64 * 1024;
/** A CSV import (up to 1,000 rows). */
export const MAX_IMPORT_BYTES = 1024 * 1024;
/** A share-link submitter's own key (see `submitter`); shorter ones are ignored as guessable. */
const MIN_SUBMITTER_KEY = 16;

/** What a talk request does; named in refusals ("may not do this (submit)"). */
type TalkOperation = keyof typeof TALK_ACCESS;

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
}

export function createTalkRoutes({
  access,
  inbox,
  limits = DEFAULT_CONTRIB_LIMITS,
}: TalkRoutesOptions): Hono {
  const app = new Hono();
  const rate = new RateLimiter(limits.perMinute, limits.burst);

  /** The grant for this map and operation, or the response refusing it. */
  const authorize = async (
    c: Context,
    operation: TalkOperation,
  ): Promise<{ grant: RequestGrant; mapId: string; address: string } | Response> => {
    const mapId = c.req.param("mapId") ?? "";
    if (!isMapId(mapId)) return c.json({ error: "mapId: not a map id" }, 400);
    const grant = await grantFor(access, c, mapId);
    if (grant instanceof Response) return grant;
    if (!allows(TALK_ACCESS[operation], grant))
      return c.json({ error: `${grantHolder(grant)} may not do this (${operation})` }, 403);
    let address = "unknown";
    try {
      address = getConnInfo(c).remote.address ?? address;
    } catch {
      // Not served by the node adapter (tests calling app.fetch directly).
    }
    const decision = rate.take(`${grantScope(grant)}|${address}`);
    if (!decision.ok) {
      c.header("Retry-After", String(decision.retryAfterSeconds));
      return c.json({ error: `Too many requests; retry in ${decision.retryAfterSeconds} s` }, 429);
    }
    return { grant, mapId, address };
  };

  /**
   * An API token is one integration, a signed-in person one person. A share link is held by
   * many people: the web form sends a random key its browser keeps (SUBMITTER_HEADER), other
   * clients are told apart by address.
   */
  const submitter = (c: Context, auth: { grant: RequestGrant; address: string }): Submitter => {
    const held = c.req.header(SUBMITTER_HEADER) ?? "";
    const person =
      auth.grant.kind !== "share"
        ? ""
        : held.length >= MIN_SUBMITTER_KEY && held.length <= MAX_IDEMPOTENCY_KEY
          ? `key:${held}`
          : `address:${auth.address}`;
    return {
      linkId: grantScope(auth.grant),
      person,
      via: auth.grant.kind === "api" ? "api" : "form",
    };
  };

  mount(app, ROUTES.getOutline, async (c) => {
    const auth = await authorize(c, "outline");
    if (auth instanceof Response) return auth;
    return c.json((await inbox.outline(auth.mapId)) satisfies Outline);
  });

  mount(app, ROUTES.listInbox, async (c) => {
    const auth = await authorize(c, "list");
    if (auth instanceof Response) return auth;
    return c.json((await inbox.list(auth.mapId)) satisfies InboxItemView[]);
  });

  mount(app, ROUTES.submitEvidence, limitBody(MAX_SUBMISSION_BYTES), async (c) => {
    const auth = await authorize(c, "submit");
    if (auth instanceof Response) return auth;
    const notJson = refuseMediaType(c, "json");
    if (notJson) return notJson;
    const key = idempotencyKeyOf(c);
    if (key instanceof Response) return key;
    const read = await readBody(c, SubmissionBody, { emptyIsInvalid: true });
    if (read instanceof Response) return read;
    // A signed-in person contributes as themselves, whatever name the form sent.
    const body = auth.grant.kind === "account" ? { ...read, contributor: auth.grant.name } : read;
    try {
      const result = await inbox.submit(auth.mapId, body, submitter(c, auth), key);
      return c.json(result satisfies SubmitResult, result.created ? 201 : 200);
    } catch (error) {
      if (error instanceof BadSubmission || error instanceof RangeError)
        return c.json({ error: error.message }, 400);
      throw error;
    }
  });

  mount(app, ROUTES.importEvidenceCsv, limitBody(MAX_IMPORT_BYTES), async (c) => {
    const auth = await authorize(c, "import");
    if (auth instanceof Response) return auth;
    const notCsv = refuseMediaType(c, "csv");
    if (notCsv) return notCsv;
    const dryRun = booleanQuery(c, "dryRun");
    const skipInvalid = booleanQuery(c, "skipInvalid");
    if (dryRun === null) return c.json({ error: "dryRun: true or false" }, 400);
    if (skipInvalid === null) return c.json({ error: "skipInvalid: true or false" }, 400);
    try {
      const result = await inbox.importCsv(auth.mapId, await c.req.text(), submitter(c, auth), {
        dryRun,
        skipInvalid,
      });
      const status = skipInvalid || result.rows.every((r) => r.ok) ? 200 : 422;
      return c.json(result satisfies InboxImportResult, status);
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
