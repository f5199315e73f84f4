/**
 * What every visitor of the port sees: security headers on every kind of answer (H17), no
 * echo of the request's Host into the OpenAPI document, and /metrics behind a token (H18).
 */
import { SYNC_PATH } from "@journeymap/protocol";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeWebDist, removeDir, startServer, type TestServer } from "./support/server.ts";
import { createMap } from "./support/maps.ts";

const METRICS_TOKEN = "metrics-token-0123456789";

let server: TestServer;
let webDist: string;

beforeAll(async () => {
  webDist = fakeWebDist();
  server = await startServer({ webDist, env: { METRICS_TOKEN } });
}, 60_000);

afterAll(async () => {
  await server.dispose();
  removeDir(webDist);
});

/** A GET with a Host header of our choosing (fetch does not let a caller set Host). */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { host } }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

describe("security headers", () => {
  it("H17: every kind of answer carries the CSP, nosniff, referrer policy and no-framing headers", async () => {
    const mapId = await createMap(server);
    const answers: Array<[string, RequestInit & { expected: number }]> = [
      ["/api/templates", { expected: 200 }],
      ["/api/maps", { method: "POST", body: "{nope", expected: 400 }],
      [`/api/maps/${mapId}/links`, { expected: 401 }],
      ["/api/nope", { expected: 404 }],
      ["/api/openapi.json", { expected: 200 }],
      ["/", { expected: 200 }],
      [`/maps/${mapId}`, { expected: 200 }],
      ["/assets/app.js", { expected: 200 }],
      ["/healthz", { expected: 200 }],
      ["/readyz", { expected: 200 }],
      ["/metrics", { expected: 401 }],
      [SYNC_PATH, { expected: 426 }],
    ];
    for (const [route, { expected, ...init }] of answers) {
      const res = await fetch(`${server.url}${route}`, init);
      await res.arrayBuffer();
      expect(res.status, route).toBe(expected);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, route).toContain("default-src 'self'");
      expect(csp, route).toContain("script-src 'self'");
      expect(csp, route).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp, route).toContain("frame-ancestors 'none'");
      expect(csp, route).toContain("object-src 'none'");
      expect(res.headers.get("x-content-type-options"), route).toBe("nosniff");
      expect(res.headers.get("x-frame-options"), route).toBe("DENY");
      expect(res.headers.get("referrer-policy"), route).toBe("no-referrer");
    }
  });
});

describe("operator endpoints", () => {
  it("H18: the OpenAPI document never names the request's Host; it names PUBLIC_URL or '/'", async () => {
    const spoofed = await getWithHost(`${server.url}/api/openapi.json`, "evil.example");
    expect(spoofed.status).toBe(200);
    expect(spoofed.body).not.toContain("evil.example");
    expect(JSON.parse(spoofed.body).servers).toEqual([{ url: "/" }]);

    const named = await startServer({ env: { PUBLIC_URL: "https://maps.example.com/" } });
    try {
      const res = await getWithHost(`${named.url}/api/openapi.json`, "evil.example");
      expect(JSON.parse(res.body).servers).toEqual([{ url: "https://maps.example.com" }]);
    } finally {
      await named.dispose();
    }
  }, 60_000);

  it("H18: /metrics answers only the bearer of METRICS_TOKEN", async () => {
    const bare = await fetch(`${server.url}/metrics`);
    expect(bare.status).toBe(401);
    expect(await bare.text()).not.toContain("journeymap_");
    const wrong = await fetch(`${server.url}/metrics`, {
      headers: { authorization: "Bearer metrics-token-0123456788" },
    });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${server.url}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(right.status).toBe(200);
    expect(await right.text()).toMatch(/journeymap_connections \d/);
  });

  it("H18: without METRICS_TOKEN /metrics is not served, not even as the web app", async () => {
    const open = await startServer({ webDist });
    try {
      const res = await fetch(`${open.url}/metrics`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain("journeymap_");
    } finally {
      await open.dispose();
    }
  }, 60_000);
});
