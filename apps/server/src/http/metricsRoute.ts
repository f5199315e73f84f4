/**
 * GET /metrics for Prometheus. Metrics tell an outsider how busy the server is and which
 * attacks it refuses, so they are served only to the bearer of METRICS_TOKEN; without a
 * token configured the route does not exist (404), rather than falling through to the web app.
 */
import { Hono } from "hono";
import { bearerAuth } from "hono/bearer-auth";
import type { Metrics } from "../Metrics.ts";

export const METRICS_PATH = "/metrics";

export function createMetricsRoute(metrics: Metrics, token: string | null): Hono {
  const app = new Hono();
  if (token === null) {
    app.all(METRICS_PATH, (c) => c.json({ error: "Not found" }, 404));
    return app;
  }
  app.get(METRICS_PATH, bearerAuth({ token }), async (c) =>
    c.text(await metrics.registry.metrics(), 200, { "content-type": metrics.registry.contentType }),
  );
  return app;
}
