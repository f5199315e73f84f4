/**
 * HTTP routes of metric lanes (protocol's METRIC_ROUTES): push values as JSON with an
 * Idempotency-Key, import a CSV with a dry-run preview. Authenticated like the talk API (an
 * API token with evidence:write, or an editor's link or session), rate-limited per token (or
 * person) and address, size-limited; bad input gets a 4xx or 422 naming each bad entry and
 * writes nothing.
 */
import { createHash } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { AccessService } from "@journeymap/access";
import { isMapId } from "@journeymap/protocol";
import {
  allows,
  MAX_METRIC_IMPORT_BYTES,
  MAX_METRIC_PUSH_BYTES,
  METRIC_ACCESS,
  MetricPushBody,
  type MetricWriteResult,
  ROUTES,
} from "@journeymap/protocol/http";
import { CsvError, type MetricRow } from "@journeymap/schema";
import { type Context, Hono } from "hono";
import type { MetricService } from "../metrics/MetricService.ts";
import { readMetricCsv } from "../metrics/metricCsv.ts";
import { ReplayCache } from "../metrics/ReplayCache.ts";
import { grantFor, grantHolder } from "./grants.ts";
import {
  booleanQuery,
  grantScope,
  idempotencyKeyOf,
  refuseMediaType,
} from "./integrationRequests.ts";
import { limitBody, readBody } from "./jsonBody.ts";
import { mount } from "./mount.ts";
import { RateLimiter } from "./RateLimiter.ts";

export interface MetricRoutesOptions {
  readonly access: AccessService;
  readonly metrics: MetricService;
  /** Sustained requests per minute per token and address, after a burst. */
  readonly limits?: { readonly perMinute: number; readonly burst: number };
}

export function createMetricRoutes({
  access,
  metrics,
  limits = { perMinute: 120, burst: 30 },
}: MetricRoutesOptions): Hono {
  const app = new Hono();
  const rate = new RateLimiter(limits.perMinute, limits.burst);
  const replays = new ReplayCache();

  const authorize = async (c: Context): Promise<{ mapId: string; scope: string } | Response> => {
    const mapId = c.req.param("mapId") ?? "";
    if (!isMapId(mapId)) return c.json({ error: "mapId: not a map id" }, 400);
    const grant = await grantFor(access, c, mapId);
    if (grant instanceof Response) return grant;
    if (!allows(METRIC_ACCESS.write, grant))
      return c.json({ error: `${grantHolder(grant)} may not record metrics` }, 403);
    let address = "unknown";
    try {
      address = getConnInfo(c).remote.address ?? address;
    } catch {
      // Not served by the node adapter (tests calling app.fetch directly).
    }
    const scope = grantScope(grant);
    const decision = rate.take(`${scope}|${address}`);
    if (!decision.ok) {
      c.header("Retry-After", String(decision.retryAfterSeconds));
      return c.json({ error: `Too many requests; retry in ${decision.retryAfterSeconds} s` }, 429);
    }
    return { mapId, scope: `${mapId}|${scope}` };
  };

  const answer = (c: Context, result: MetricWriteResult) =>
    c.json(result, result.rows.every((r) => r.ok) ? 200 : 422);

  mount(app, ROUTES.pushMetrics, limitBody(MAX_METRIC_PUSH_BYTES), async (c) => {
    const auth = await authorize(c);
    if (auth instanceof Response) return auth;
    const notJson = refuseMediaType(c, "json");
    if (notJson) return notJson;
    const key = idempotencyKeyOf(c);
    if (key instanceof Response) return key;
    const body = await readBody(c, MetricPushBody, { emptyIsInvalid: true });
    if (body instanceof Response) return body;
    const fingerprint = createHash("sha256").update(JSON.stringify(body)).digest("hex");
    const replayKey = key === null ? null : `${auth.scope}|${key}`;
    const replay = replayKey === null ? undefined : replays.get(replayKey);
    if (replay) {
      if (replay.fingerprint !== fingerprint)
        return c.json({ error: "This Idempotency-Key was used with another body" }, 409);
      return c.json(replay.body as MetricWriteResult, replay.status as 200 | 422);
    }
    const rows: MetricRow[] = body.values.map((v) => ({
      step: v.stepId ?? v.step ?? "",
      lane: v.lane,
      value: v.value,
      target: v.target,
      date: v.date,
    }));
    const result = await metrics.write(auth.mapId, rows, {
      dryRun: false,
      firstRow: 1,
      via: "api",
    });
    const status = result.rows.every((r) => r.ok) ? 200 : 422;
    if (replayKey !== null) replays.set(replayKey, { fingerprint, status, body: result });
    return c.json(result, status);
  });

  mount(app, ROUTES.importMetricsCsv, limitBody(MAX_METRIC_IMPORT_BYTES), async (c) => {
    const auth = await authorize(c);
    if (auth instanceof Response) return auth;
    const notCsv = refuseMediaType(c, "csv");
    if (notCsv) return notCsv;
    const dryRun = booleanQuery(c, "dryRun");
    if (dryRun === null) return c.json({ error: "dryRun: true or false" }, 400);
    try {
      const csv = readMetricCsv(await c.req.text());
      return answer(
        c,
        await metrics.write(auth.mapId, csv.rows, {
          dryRun,
          firstRow: 2,
          via: "csv",
          ignoredColumns: csv.ignoredColumns,
        }),
      );
    } catch (error) {
      if (error instanceof CsvError) return c.json({ error: error.message }, 400);
      throw error;
    }
  });

  return app;
}
