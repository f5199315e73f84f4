/**
 * The OpenAPI 3.1 document of the contribution API, served at GET /api/openapi.json. Paths
 * are listed here once (CONTRIB_ROUTES, which the router is checked against in a test); every
 * body schema is generated from the zod schemas the server validates with, so the document
 * cannot drift from what is accepted.
 */
import { z } from "zod";
import { MAX_IMPORT_ROWS } from "../talk/InboxService.ts";
import {
  ErrorBody,
  ImportResult,
  ImportRow,
  InboxItemView,
  Outline,
  SubmissionBody,
  SubmitResult,
} from "../talk/schemas.ts";

export interface RouteDoc {
  readonly method: "get" | "post";
  /** OpenAPI path, parameters in braces. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  /** Roles and API actions that may call it. */
  readonly access: string;
  readonly request?: { readonly contentType: string; readonly schema: string };
  readonly parameters?: readonly object[];
  readonly responses: Readonly<Record<string, { description: string; schema?: string }>>;
}

const errors = {
  "400": {
    description: "Bad input; the message says what is wrong. Nothing changed.",
    schema: "Error",
  },
  "401": { description: "Missing, invalid, expired or revoked token.", schema: "Error" },
  "403": { description: "The token may not do this.", schema: "Error" },
  "429": { description: "Too many requests; see Retry-After.", schema: "Error" },
} as const;

const idempotencyKey = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "Makes the post idempotent per token: a retry with the same key returns the first item (200) and adds nothing.",
  schema: { type: "string", minLength: 1, maxLength: 200 },
};

export const CONTRIB_ROUTES: readonly RouteDoc[] = [
  {
    method: "get",
    path: "/api/maps/{mapId}/outline",
    operationId: "getOutline",
    summary: "The map's phases and touchpoints, to pick the touchpoint evidence concerns",
    access: "any share link (contributor included); API tokens with map:read or evidence:write",
    responses: { "200": { description: "The outline.", schema: "Outline" }, ...errors },
  },
  {
    method: "post",
    path: "/api/maps/{mapId}/inbox",
    operationId: "submitEvidence",
    summary: "Submit one piece of evidence to the map's inbox",
    description:
      "Editors see it live in the inbox and triage it (accept onto the map, attach to a pain point, or dismiss).",
    access: "contributor, commenter, editor and owner links; API tokens with evidence:write",
    request: { contentType: "application/json", schema: "Submission" },
    parameters: [idempotencyKey],
    responses: {
      "201": { description: "Added.", schema: "SubmitResult" },
      "200": {
        description: "Idempotency-Key seen before: the first item, nothing added.",
        schema: "SubmitResult",
      },
      "413": { description: "Body too large.", schema: "Error" },
      "415": { description: "Not JSON.", schema: "Error" },
      ...errors,
    },
  },
  {
    method: "get",
    path: "/api/maps/{mapId}/inbox",
    operationId: "listInbox",
    summary: "The inbox, newest first, with each item's triage status",
    access: "owner, editor, commenter and viewer links; API tokens with map:read",
    responses: {
      "200": { description: "Inbox items.", schema: "InboxItemList" },
      ...errors,
    },
  },
  {
    method: "post",
    path: "/api/maps/{mapId}/inbox/import",
    operationId: "importEvidenceCsv",
    summary: `Import up to ${MAX_IMPORT_ROWS} items from CSV, with a preview`,
    description:
      "The header row names the columns: text (or quote), kind, source, url, touchpoint (id or step name), sentiment, contributor, team, key (idempotency key of the row). With ?dryRun=true nothing is written and each row's errors are returned. Otherwise the file is imported whole, or, when any row is invalid, not at all (422 with the per-row errors).",
    access: "owner and editor links; API tokens with evidence:write",
    request: { contentType: "text/csv", schema: "CsvText" },
    parameters: [
      {
        name: "dryRun",
        in: "query",
        required: false,
        schema: { type: "boolean" },
        description: "Preview only.",
      },
    ],
    responses: {
      "200": { description: "Imported, or the preview.", schema: "ImportResult" },
      "422": {
        description: "Some rows are invalid; nothing was imported.",
        schema: "ImportResult",
      },
      "413": { description: "File too large.", schema: "Error" },
      "415": { description: "Not text/csv.", schema: "Error" },
      ...errors,
    },
  },
  {
    method: "get",
    path: "/api/openapi.json",
    operationId: "getOpenApi",
    summary: "This document",
    access: "public",
    responses: { "200": { description: "OpenAPI 3.1 document." } },
  },
];

function componentSchemas(): Record<string, unknown> {
  const requests = z.registry<{ id: string }>();
  requests.add(SubmissionBody, { id: "Submission" });
  const responses = z.registry<{ id: string }>();
  responses.add(InboxItemView, { id: "InboxItem" });
  responses.add(z.array(InboxItemView), { id: "InboxItemList" });
  responses.add(SubmitResult, { id: "SubmitResult" });
  responses.add(Outline, { id: "Outline" });
  responses.add(ImportRow, { id: "ImportRow" });
  responses.add(ImportResult, { id: "ImportResult" });
  responses.add(ErrorBody, { id: "Error" });
  const uri = (id: string) => `#/components/schemas/${id}`;
  const out: Record<string, unknown> = {
    CsvText: { type: "string", description: "RFC 4180 CSV with a header row." },
  };
  for (const [registry, io] of [
    [requests, "input"],
    [responses, "output"],
  ] as const) {
    const { schemas } = z.toJSONSchema(registry, { target: "draft-2020-12", io, uri });
    for (const [id, schema] of Object.entries(schemas)) {
      const { $schema: _s, $id: _i, ...rest } = schema as Record<string, unknown>;
      out[id] = rest;
    }
  }
  return out;
}

const ref = (schema: string) => ({ $ref: `#/components/schemas/${schema}` });

/** `serverUrl` is the configured public URL, or "/" (relative to where the document was read). */
export function openApiDocument(serverUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of CONTRIB_ROUTES) {
    const mapParam = route.path.includes("{mapId}")
      ? [{ name: "mapId", in: "path", required: true, schema: { type: "string" } }]
      : [];
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method] = {
      operationId: route.operationId,
      summary: route.summary,
      description: [route.description, `Who may call it: ${route.access}.`]
        .filter(Boolean)
        .join("\n\n"),
      ...(route.access === "public" ? { security: [] } : {}),
      parameters: [...mapParam, ...(route.parameters ?? [])],
      ...(route.request
        ? {
            requestBody: {
              required: true,
              content: { [route.request.contentType]: { schema: ref(route.request.schema) } },
            },
          }
        : {}),
      responses: Object.fromEntries(
        Object.entries(route.responses).map(([status, r]) => [
          status,
          {
            description: r.description,
            ...(r.schema ? { content: { "application/json": { schema: ref(r.schema) } } } : {}),
          },
        ]),
      ),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Journeymap contribution API",
      version: "1",
      description:
        "Lets CRMs, help desks and people outside the mapping workshop add evidence (quotes, tickets, call notes, metrics) to a journey map's inbox. Authenticate with `Authorization: Bearer <token>`: an API token created by the map's owner (POST /api/maps/{mapId}/links with actions) or a contributor link's token. Tokens are scoped to one map.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A Journeymap token (jm1.…)." },
      },
      schemas: componentSchemas(),
    },
  };
}
