/**
 * The OpenAPI document against the protocol's route table and the server: every route the
 * Hono app answers is documented and every documented route is answered; each documented
 * request and response schema is the JSON Schema of the protocol's zod schema; and real
 * answers of a running server parse with the schemas the document names.
 */
import {
  AttributionTable,
  CreatedMap,
  HistoryEntryList,
  ImportPreviewResult,
  IssuedLink,
  MapSummaryList,
  Outline,
  type Route,
  ROUTES,
  ShareLinkList,
  TemplateList,
  Timeline,
  Version,
  VersionList,
} from "@journeymap/protocol/http";
import { ROLE } from "@journeymap/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { createHttpApp } from "../src/http/createHttpApp.ts";
import { openApiDocument } from "../src/http/openapi.ts";
import { createTalkRoutes } from "../src/http/talkRoutes.ts";
import { createWebhookRoutes } from "../src/http/webhookRoutes.ts";
import { createVoteRoutes } from "../src/http/voteRoutes.ts";
import { startServer, type TestServer } from "./support/server.ts";
import { createFreshnessRoutes } from "../src/http/freshnessRoutes.ts";
import { createMetricRoutes } from "../src/http/metricRoutes.ts";
import { createLibrarySearchRoutes } from "../src/http/librarySearchRoutes.ts";
import { createLibraryPersonaRoutes } from "../src/http/libraryPersonaRoutes.ts";
import { createLibraryHierarchyRoutes } from "../src/http/libraryHierarchyRoutes.ts";
import { createLibraryCardRoutes } from "../src/http/libraryCardRoutes.ts";

type Json = Record<string, unknown>;
interface Operation {
  requestBody?: { content: Record<string, { schema?: Json }> };
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
}

/** Served for the orchestrator and Prometheus, not API clients: outside the route table. */
const OPERATIONAL = ["GET /healthz", "GET /readyz", "GET /metrics"];

/**
 * better-auth's routes (sign-up, sign-in and out, sessions, password resets, single sign-on,
 * workspaces): the library owns and documents them (its paths and bodies follow its
 * releases), so our table names only what the server itself answers.
 */
const DOCUMENTED_ELSEWHERE = ["GET /api/auth/*", "POST /api/auth/*"];

const doc = openApiDocument("/") as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json> };
};
const routes = Object.entries(ROUTES as Readonly<Record<string, Route>>);

/** `schema` with every `$ref` to a component replaced by the component, recursively. */
function inline(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(inline);
  if (schema === null || typeof schema !== "object") return schema;
  const ref = (schema as Json).$ref;
  if (typeof ref === "string") {
    const name = ref.replace("#/components/schemas/", "");
    const component = doc.components.schemas[name];
    if (!component) throw new Error(`no component ${name}`);
    return inline(component);
  }
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, inline(v)]));
}

function jsonSchemaOf(schema: z.ZodMiniType, io: "input" | "output"): unknown {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io }) as Json;
  return rest;
}

const operation = (route: Route) =>
  doc.paths[route.path]?.[route.method.toLowerCase()] as Operation;

describe("the OpenAPI document", () => {
  it("documents exactly the routes the app answers", () => {
    const app = createHttpApp({
      store: {} as never,
      access: {} as never,
      onRevoke: () => {},
      accounts: {} as never,
      accountsConfig: {} as never,
      roles: {} as never,
      trustProxy: () => false,
      metrics: {} as never,
      metricsToken: "secret",
      webDist: "/nonexistent",
      log: {} as never,
      imports: {} as never,
      routes: [
        createTalkRoutes({ access: {} as never, inbox: {} as never }),
        createWebhookRoutes({ webhooks: {} as never, access: {} as never, roles: {} as never }),
        createVoteRoutes({ access: {} as never, votes: {} as never, digest: {} as never }),
        createFreshnessRoutes({
          access: {} as never,
          freshness: {} as never,
          authors: {} as never,
          now: Date.now,
        }),
        createMetricRoutes({ access: {} as never, metrics: {} as never }),
        createLibrarySearchRoutes({ search: {} as never, roles: {} as never, now: Date.now }),
        createLibraryPersonaRoutes({ personas: {} as never, now: Date.now }),
        createLibraryCardRoutes({
          store: {} as never,
          roles: {} as never,
          opportunities: {} as never,
          now: Date.now,
        }),
        createLibraryHierarchyRoutes({
          store: {} as never,
          access: {} as never,
          roles: {} as never,
          freshness: {} as never,
          authors: {} as never,
          guardCreation: async (_c, next) => next(),
          log: {} as never,
          now: Date.now,
        }),
      ],
    });
    // Middleware, the API's 404, the sync path's 426 and the web app's pages answer ALL or "/".
    const routed = app.routes.filter((r) => r.method !== "ALL" && r.path !== "/");
    const named = (r: { method: string; path: string }) =>
      `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`;
    const answered = new Set(routed.filter((r) => !r.path.includes("*")).map(named));
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect([...answered].sort()).toEqual([...documented, ...OPERATIONAL].sort());
    expect(documented).toHaveLength(routes.length);
    const wildcards = new Set(routed.filter((r) => r.path.includes("*")).map(named));
    expect([...wildcards].sort()).toEqual(DOCUMENTED_ELSEWHERE);
  });

  it("names each route's zod schemas: request bodies as accepted, answers as sent", () => {
    let checked = 0;
    for (const [, route] of routes) {
      const op = operation(route);
      if (route.body && "schema" in route.body) {
        const documented = op.requestBody?.content["application/json"]?.schema;
        expect(inline(documented)).toEqual(jsonSchemaOf(route.body.schema, "input"));
        checked++;
      }
      for (const [status, answer] of Object.entries({ ...route.responses, ...route.errors })) {
        const content = op.responses[status]?.content;
        if (answer.schema) {
          expect(inline(content?.["application/json"]?.schema)).toEqual(
            jsonSchemaOf(answer.schema, "output"),
          );
          checked++;
        } else if (answer.contentType) {
          expect(Object.keys(content ?? {})).toEqual([answer.contentType]);
        } else {
          expect(content).toBeUndefined();
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
  });
});

describe("answers of a running server", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.dispose());

  const call = async (path: string, init: RequestInit = {}, token?: string) => {
    const headers = new Headers(init.headers);
    if (token) headers.set("authorization", `Bearer ${token}`);
    const res = await fetch(`${server.url}${path}`, { ...init, headers });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const json = (body: unknown): RequestInit => ({
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

  it("parse with the schemas the route table names", async () => {
    expect(TemplateList.parse((await call("/api/templates")).body).length).toBeGreaterThan(0);
    const created = await call("/api/maps", json({ title: "Documented" }));
    expect(created.status).toBe(201);
    const map = CreatedMap.parse(created.body);
    const lookup = await call(
      "/api/maps/lookup",
      json({ maps: [{ mapId: map.id, token: map.token }] }),
    );
    expect(MapSummaryList.parse(lookup.body)).toEqual([
      expect.objectContaining({ id: map.id, role: ROLE.owner }),
    ]);
    const issued = await call(`/api/maps/${map.id}/links`, json({ role: ROLE.viewer }), map.token);
    expect(IssuedLink.parse(issued.body).link.role).toBe(ROLE.viewer);
    expect(
      ShareLinkList.parse((await call(`/api/maps/${map.id}/links`, {}, map.token)).body),
    ).toHaveLength(2);

    const history = `/api/maps/${map.id}`;
    expect(
      HistoryEntryList.parse((await call(`${history}/history`, {}, map.token)).body),
    ).not.toHaveLength(0);
    expect(
      Timeline.parse((await call(`${history}/timeline`, {}, map.token)).body).seq,
    ).toBeGreaterThan(0);
    AttributionTable.parse((await call(`${history}/attribution`, {}, map.token)).body);
    const named = await call(`${history}/versions`, json({ name: "Start" }), map.token);
    expect(Version.parse(named.body).name).toBe("Start");
    expect(VersionList.parse((await call(`${history}/versions`, {}, map.token)).body)).toHaveLength(
      1,
    );
    expect(Outline.parse((await call(`${history}/outline`, {}, map.token)).body).mapId).toBe(
      map.id,
    );

    const preview = await call("/api/import/preview?kind=csv", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "phase,touchpoint\nDiscover,Ad\n",
    });
    expect(ImportPreviewResult.parse(preview.body).importable).toBe(true);
  });
});
