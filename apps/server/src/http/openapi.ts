/**
 * The OpenAPI 3.1 document of the whole HTTP API, served at GET /api/openapi.json, generated
 * from the protocol's route table: paths, who may call each route, parameters, and every JSON
 * schema from the zod schemas the server validates with and types its answers by, so the
 * document cannot drift from what is accepted and answered. A test holds the server's router
 * to the table.
 */
import { SESSION_COOKIE } from "@journeymap/accounts";
import * as http from "@journeymap/protocol/http";
import {
  type Answer,
  describeAccess,
  PUBLIC,
  type Param,
  ROUTES,
  type Route,
} from "@journeymap/protocol/http";
import * as z from "zod/mini";

type JsonSchema = Record<string, unknown>;

/** Every schema the protocol exports, by its exported name (the component's name). */
function namedSchemas(): Map<z.ZodMiniType, string> {
  const names = new Map<z.ZodMiniType, string>();
  for (const [name, value] of Object.entries(http)) {
    if (value instanceof z.core.$ZodType) names.set(value as z.ZodMiniType, name);
  }
  return names;
}

/** Every named schema as JSON Schema, a named schema inside another by $ref. */
function components(names: ReadonlyMap<z.ZodMiniType, string>): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  const uri = (id: string) => `#/components/schemas/${id}`;
  // Requests are documented as accepted (before defaults), answers as sent.
  for (const io of ["input", "output"] as const) {
    const registry = z.registry<{ id: string }>();
    for (const [schema, name] of names) if (ioOf(schema) === io) registry.add(schema, { id: name });
    const { schemas } = z.toJSONSchema(registry, { target: "draft-2020-12", io, uri });
    for (const [id, schema] of Object.entries(schemas)) {
      const { $schema: _s, $id: _i, ...rest } = schema as JsonSchema;
      out[id] = rest;
    }
  }
  return out;
}

/** Request bodies are read as input; everything else is an answer. */
const requestSchemas = new Set<z.ZodMiniType>(
  Object.values(ROUTES as Readonly<Record<string, Route>>).flatMap((r) =>
    r.body && "schema" in r.body ? [r.body.schema] : [],
  ),
);
function ioOf(schema: z.ZodMiniType): "input" | "output" {
  return requestSchemas.has(schema) ? "input" : "output";
}

/** The JSON Schema of one parameter (standalone: parameters have no components). */
function parameterSchema(param: Param): JsonSchema {
  const { $schema: _s, ...rest } = z.toJSONSchema(param.schema, { io: "input" }) as JsonSchema;
  return rest;
}

function parameters(route: Route): object[] {
  const path = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const named = (where: "query" | "header", params: Readonly<Record<string, Param>> = {}) =>
    Object.entries(params).map(([name, param]) => ({
      name,
      in: where,
      required: false,
      description: param.description,
      schema: parameterSchema(param),
    }));
  return [...path, ...named("query", route.query), ...named("header", route.headers)];
}

function answer(a: Answer, ref: (s: z.ZodMiniType) => object): object {
  const headers = Object.entries(a.headers ?? {}).map(([name, description]) => [
    name,
    { description, schema: { type: "string" } },
  ]);
  return {
    description: a.description,
    ...(headers.length > 0 ? { headers: Object.fromEntries(headers) } : {}),
    ...(a.schema
      ? { content: { "application/json": { schema: ref(a.schema) } } }
      : a.contentType
        ? { content: { [a.contentType]: {} } }
        : {}),
  };
}

/** `serverUrl` is the configured public URL, or "/" (relative to where the document was read). */
export function openApiDocument(serverUrl: string): Record<string, unknown> {
  const names = namedSchemas();
  const ref = (schema: z.ZodMiniType) => {
    const name = names.get(schema);
    if (!name) throw new Error("A route's schema is not exported by @journeymap/protocol/http");
    return { $ref: `#/components/schemas/${name}` };
  };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, route] of Object.entries(ROUTES as Readonly<Record<string, Route>>)) {
    const body = route.body;
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method.toLowerCase()] = {
      operationId,
      summary: route.summary,
      description: [route.description, `Who may call it: ${describeAccess(route.access)}.`]
        .filter(Boolean)
        .join("\n\n"),
      ...(route.access === PUBLIC ? { security: [] } : {}),
      parameters: parameters(route),
      ...(body
        ? {
            requestBody: {
              required: true,
              content:
                "schema" in body
                  ? { "application/json": { schema: ref(body.schema) } }
                  : {
                      [body.contentType]: {
                        schema: { type: "string", description: body.description },
                      },
                    },
            },
          }
        : {}),
      responses: Object.fromEntries(
        Object.entries({ ...route.responses, ...route.errors }).map(([status, a]) => [
          status,
          answer(a, ref),
        ]),
      ),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Journeymap API",
      version: "1",
      description:
        "Journey maps over HTTP: create and list maps, share links, history and versions, files in and out, and the evidence inbox that CRMs, help desks and people outside the mapping workshop add to (quotes, tickets, call notes, metrics). Authenticate with `Authorization: Bearer <token>`: a share link's token, or an API token created by the map's owner (POST /api/maps/{mapId}/links with actions). Tokens are scoped to one map. The web app uses the session cookie of a signed-in person instead (signing in is better-auth's, under /api/auth/*); a state-changing request that carries it must come from the app's own origin.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }, { session: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A Journeymap token (jm1.…)." },
        session: {
          type: "apiKey",
          in: "cookie",
          name: SESSION_COOKIE,
          description: "A signed-in person's session (`__Secure-` prefixed over https).",
        },
      },
      schemas: components(names),
    },
  };
}
