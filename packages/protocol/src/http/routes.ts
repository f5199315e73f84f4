/**
 * The HTTP API, one entry per route: method, path, who may call it, what it takes and what it
 * answers. The server registers its routes from this table, the OpenAPI document is generated
 * from it (and a test holds the server to it), and the web app's client is typed by it.
 *
 * Left out: /healthz, /readyz and /metrics (for the orchestrator and Prometheus, not API
 * clients) and the web app's own pages.
 */
import { IMPORT_KINDS } from "@journeymap/schema";
import * as z from "zod/mini";
import { EDITORS, OWNER, PUBLIC, READERS, SIGNED_IN, TALK_ACCESS } from "./access.ts";
import { Instance, Me } from "./accounts.ts";
import { ImportRefusal } from "./errors.ts";
import { ImportedMap, ImportPreviewResult } from "./format.ts";
import {
  AttributionTable,
  CreateVersionBody,
  HistoryEntryList,
  RenamedVersion,
  RenameVersionBody,
  SEQ_HEADER,
  THROUGH_HEADER,
  Timeline,
  Version,
  VersionList,
} from "./history.ts";
import {
  CreateLinkBody,
  IssuedLink,
  LinkToken,
  RenameLinkBody,
  ShareLink,
  ShareLinkList,
} from "./links.ts";
import {
  CreatedMap,
  CreateMapBody,
  LookupBody,
  MapSummaryList,
  MAX_MAP_TITLE,
  TemplateList,
} from "./maps.ts";
import { BAD_INPUT, RATE_LIMITED, refusal, SIGNED_OUT, TOO_LARGE } from "./refusals.ts";
import type { Route } from "./route.ts";
import { VOTE_ROUTES } from "./votes.ts";
import { BRANCH_ROUTES } from "./branches.ts";
import { WORKSPACE_MAP_ROUTES } from "./workspaceMapRoutes.ts";
import { WEBHOOK_ROUTES } from "./webhooks.ts";
import { FRESHNESS_ROUTES } from "./freshness.ts";
import { LIBRARY_HIERARCHY_ROUTES } from "./libraryHierarchy.ts";
import { LIBRARY_SEARCH_ROUTES } from "./library.ts";
import { LIBRARY_CARD_ROUTES } from "./libraryCards.ts";
import { METRIC_ROUTES } from "./metrics.ts";
import { LIBRARY_PERSONA_ROUTES } from "./libraryPersonas.ts";
import {
  IDEMPOTENCY_KEY_HEADER,
  InboxImportResult,
  InboxItemList,
  MAX_INBOX_IMPORT_ROWS,
  Outline,
  SUBMITTER_HEADER,
  SubmissionBody,
  SubmitResult,
} from "./talk.ts";

const TOKEN = {
  401: refusal("Missing, invalid, expired or revoked token."),
  403: refusal("The token may not do this."),
};
const CREATION = {
  429: refusal("Too many maps created from this address; see Retry-After."),
  507: refusal("The server's storage is full; no new maps for now."),
};
const IMPORT_THREAD = {
  422: refusal("Reading the file took too long."),
  503: refusal("The import thread is busy; see Retry-After."),
};
const NO_VERSION = { 404: refusal("No such version of this map.") };

const seq = (description: string) => ({ schema: z.int().check(z.minimum(0)), description });
const SEQ_RANGE = { from: seq("First sequence number (1)."), to: seq("Last sequence number.") };
const upload = {
  kind: { schema: z.enum(IMPORT_KINDS), description: "The file's kind (else detected)." },
  filename: { schema: z.string(), description: "The file's name, to detect its kind." },
  title: {
    schema: z.string().check(z.maxLength(MAX_MAP_TITLE)),
    description: "The map's title, for files that carry none (CSV).",
  },
};
const uploadBody = {
  contentType: "text/plain",
  description: "The file: a Journeymap file (JSON), CSV of touchpoints, or a Mermaid journey.",
};
const bytes = "application/octet-stream";

export const ROUTES = {
  listTemplates: {
    method: "GET",
    path: "/api/templates",
    summary: "The templates a new map can start from",
    access: PUBLIC,
    responses: { 200: { description: "Templates.", schema: TemplateList } },
    errors: {},
  },
  createMap: {
    method: "POST",
    path: "/api/maps",
    summary: "Create a map from a template; the answer carries its owner's token",
    description:
      "Anyone may create a map that only its links open. Signed in, with workspaceId, the map goes in that workspace (you must be an admin or member there) and you are its creator.",
    access: PUBLIC,
    body: { schema: CreateMapBody },
    responses: { 201: { description: "Created.", schema: CreatedMap } },
    errors: {
      ...BAD_INPUT,
      ...TOO_LARGE,
      ...CREATION,
      401: refusal("workspaceId given without being signed in."),
      403: refusal("Not an admin or member of that workspace."),
    },
  },
  lookupMaps: {
    method: "POST",
    path: "/api/maps/lookup",
    summary: "The maps the given tokens open, with the role each gives, latest edit first",
    description: "Tokens travel in the body; a revoked or foreign token simply lists nothing.",
    access: PUBLIC,
    body: { schema: LookupBody },
    responses: { 200: { description: "The maps found.", schema: MapSummaryList } },
    errors: { ...BAD_INPUT, ...TOO_LARGE },
  },
  ...WORKSPACE_MAP_ROUTES,
  ...VOTE_ROUTES,
  ...BRANCH_ROUTES,
  ...WEBHOOK_ROUTES,
  ...FRESHNESS_ROUTES,
  ...LIBRARY_HIERARCHY_ROUTES,
  ...LIBRARY_SEARCH_ROUTES,
  ...LIBRARY_CARD_ROUTES,
  ...METRIC_ROUTES,
  ...LIBRARY_PERSONA_ROUTES,
  listLinks: {
    method: "GET",
    path: "/api/maps/{mapId}/links",
    summary: "The map's share links and API tokens",
    access: OWNER,
    responses: { 200: { description: "Links, revoked ones included.", schema: ShareLinkList } },
    errors: { ...TOKEN },
  },
  createLink: {
    method: "POST",
    path: "/api/maps/{mapId}/links",
    summary: "Create a share link (a role) or an API token (actions)",
    access: OWNER,
    body: { schema: CreateLinkBody },
    responses: { 201: { description: "The link and its token.", schema: IssuedLink } },
    errors: { ...BAD_INPUT, ...TOKEN, ...TOO_LARGE },
  },
  renameLink: {
    method: "PATCH",
    path: "/api/maps/{mapId}/links/{linkId}",
    summary: "Name a share link or API token anew",
    access: OWNER,
    body: { schema: RenameLinkBody },
    responses: { 200: { description: "The renamed link.", schema: ShareLink } },
    errors: { ...BAD_INPUT, ...TOKEN, ...TOO_LARGE, 404: refusal("No such live link.") },
  },
  copyLink: {
    method: "POST",
    path: "/api/maps/{mapId}/links/{linkId}/token",
    summary: "A live share link's token again, to copy its address",
    description:
      "Tokens are signed claims of the stored link, re-signed on request; none is stored. " +
      "Share links only: API tokens and owner links are shown once, when created.",
    access: OWNER,
    responses: { 200: { description: "The link's token.", schema: LinkToken } },
    errors: { ...TOKEN, 404: refusal("No such live share link.") },
  },
  revokeLink: {
    method: "DELETE",
    path: "/api/maps/{mapId}/links/{linkId}",
    summary: "Revoke a link: its live connections close and its token opens nothing more",
    access: OWNER,
    responses: { 204: { description: "Revoked." } },
    errors: { ...TOKEN, 404: refusal("No such live link.") },
  },
  getMe: {
    method: "GET",
    path: "/api/me",
    summary: "The signed-in person and the workspaces they belong to, with their role in each",
    access: SIGNED_IN,
    responses: { 200: { description: "The signed-in person.", schema: Me } },
    errors: { ...SIGNED_OUT },
  },
  getInstance: {
    method: "GET",
    path: "/api/instance",
    summary: "How people sign in here: first admin still to create, sign-up, single sign-on, mail",
    access: PUBLIC,
    responses: { 200: { description: "The instance's sign-in settings.", schema: Instance } },
    errors: {},
  },
  getOpenApi: {
    method: "GET",
    path: "/api/openapi.json",
    summary: "This document",
    access: PUBLIC,
    responses: { 200: { description: "OpenAPI 3.1 document.", contentType: "application/json" } },
    errors: {},
  },

  listHistory: {
    method: "GET",
    path: "/api/maps/{mapId}/history",
    summary: "Logged edits from..to (at most 5,000 per answer: page with from)",
    access: READERS,
    query: SEQ_RANGE,
    responses: { 200: { description: "Log entries.", schema: HistoryEntryList } },
    errors: { ...BAD_INPUT, ...TOKEN },
  },
  getTimeline: {
    method: "GET",
    path: "/api/maps/{mapId}/timeline",
    summary: "The whole log grouped into bursts (who, when, how much)",
    access: READERS,
    responses: { 200: { description: "The timeline.", schema: Timeline } },
    errors: { ...TOKEN },
  },
  getState: {
    method: "GET",
    path: "/api/maps/{mapId}/state",
    summary: "The exact state after row seq (or at time at), as a Yjs update",
    access: READERS,
    query: {
      seq: seq("The moment, as a sequence number (the last edit)."),
      at: { schema: z.number(), description: "The moment, as a time in ms." },
      lean: {
        schema: z.boolean(),
        description:
          "For a replay of the next rows only, at a multiple of 500: the state without the deleted content those rows do not name, when the server has made it (then with the header " +
          THROUGH_HEADER +
          "); else the full state.",
      },
      full: {
        schema: z.boolean(),
        description:
          "With lean, false: answer 204 No Content, no body, instead of the full state while the lean state is being made (for fetching ahead; ask again later). Callers that send it read the status themselves.",
      },
    },
    responses: {
      200: {
        description: "A Yjs update.",
        contentType: bytes,
        headers: {
          [SEQ_HEADER]: "The sequence number the state is exact for.",
          [THROUGH_HEADER]:
            "Only on a lean state: the last row it may be brought to (rows after it need the full state).",
        },
      },
    },
    errors: {
      ...BAD_INPUT,
      ...TOKEN,
      410: refusal("History retention compacted that moment; the message names the earliest."),
      416: refusal("The moment is after the map's last edit."),
    },
  },
  getUpdates: {
    method: "GET",
    path: "/api/maps/{mapId}/updates",
    summary: "Logged rows from..to with their bytes, for replay (a page: go on from the last)",
    access: READERS,
    query: SEQ_RANGE,
    responses: { 200: { description: "Row frames (schema encodeRowFrames).", contentType: bytes } },
    errors: { ...BAD_INPUT, ...TOKEN },
  },
  getAttribution: {
    method: "GET",
    path: "/api/maps/{mapId}/attribution",
    summary: "Who created and who last changed each thing on the map",
    access: READERS,
    responses: { 200: { description: "Attribution by target.", schema: AttributionTable } },
    errors: { ...TOKEN },
  },
  listVersions: {
    method: "GET",
    path: "/api/maps/{mapId}/versions",
    summary: "The map's named versions",
    access: READERS,
    responses: { 200: { description: "Versions.", schema: VersionList } },
    errors: { ...TOKEN },
  },
  createVersion: {
    method: "POST",
    path: "/api/maps/{mapId}/versions",
    summary: "Name a moment of the map",
    access: EDITORS,
    body: { schema: CreateVersionBody },
    responses: { 201: { description: "The version.", schema: Version } },
    errors: {
      ...BAD_INPUT,
      ...TOKEN,
      ...TOO_LARGE,
      410: refusal("History retention compacted that moment."),
    },
  },
  renameVersion: {
    method: "PATCH",
    path: "/api/maps/{mapId}/versions/{versionId}",
    summary: "Rename a version",
    access: EDITORS,
    body: { schema: RenameVersionBody },
    responses: { 200: { description: "Renamed.", schema: RenamedVersion } },
    errors: { ...BAD_INPUT, ...TOKEN, ...TOO_LARGE, ...NO_VERSION },
  },
  deleteVersion: {
    method: "DELETE",
    path: "/api/maps/{mapId}/versions/{versionId}",
    summary: "Delete a version (the moment stays in the history)",
    access: EDITORS,
    responses: { 204: { description: "Deleted." } },
    errors: { ...TOKEN, ...NO_VERSION },
  },

  getFormatSchema: {
    method: "GET",
    path: "/api/format/schema.json",
    summary: "The JSON Schema of the Journeymap file format",
    access: PUBLIC,
    responses: { 200: { description: "JSON Schema.", contentType: "application/schema+json" } },
    errors: {},
  },
  exportMap: {
    method: "GET",
    path: "/api/maps/{mapId}/export",
    summary: "The map as a Journeymap file (with its comment threads on request)",
    access: READERS,
    query: { comments: { schema: z.boolean(), description: "Include comment threads." } },
    responses: {
      200: {
        description: "A Journeymap file, as an attachment.",
        contentType: "application/json",
        headers: { "content-disposition": "attachment; filename=…" },
      },
    },
    errors: { ...TOKEN, 404: refusal("No such map.") },
  },
  previewImport: {
    method: "POST",
    path: "/api/import/preview",
    summary: "What importing a file would create, with every problem; writes nothing",
    access: PUBLIC,
    query: upload,
    body: uploadBody,
    responses: { 200: { description: "The preview.", schema: ImportPreviewResult } },
    errors: { ...BAD_INPUT, ...TOO_LARGE, ...IMPORT_THREAD },
  },
  importMap: {
    method: "POST",
    path: "/api/maps/import",
    summary: "Create a map from a file; a file with any problem creates nothing",
    access: PUBLIC,
    query: upload,
    body: uploadBody,
    responses: { 201: { description: "Created.", schema: ImportedMap } },
    errors: {
      ...BAD_INPUT,
      ...TOO_LARGE,
      ...CREATION,
      ...IMPORT_THREAD,
      422: {
        description: "The file has problems (listed), or reading it took too long.",
        schema: ImportRefusal,
      },
    },
  },

  getOutline: {
    method: "GET",
    path: "/api/maps/{mapId}/outline",
    summary: "The map's phases and touchpoints, to pick the touchpoint evidence concerns",
    access: TALK_ACCESS.outline,
    responses: { 200: { description: "The outline.", schema: Outline } },
    errors: { ...BAD_INPUT, ...TOKEN, ...RATE_LIMITED },
  },
  submitEvidence: {
    method: "POST",
    path: "/api/maps/{mapId}/inbox",
    summary: "Submit one piece of evidence to the map's inbox",
    description:
      "Editors see it live in the inbox and triage it (accept onto the map, attach to a pain point, or dismiss).",
    access: TALK_ACCESS.submit,
    headers: {
      [IDEMPOTENCY_KEY_HEADER]: {
        schema: z.string().check(z.minLength(1), z.maxLength(200)),
        description:
          "Makes the post idempotent per token: a retry with the same key returns the first item (200) and adds nothing.",
      },
      [SUBMITTER_HEADER]: {
        schema: z.string().check(z.minLength(16), z.maxLength(200)),
        description:
          "A share link's submitter's own random key, so their idempotency keys are theirs alone.",
      },
    },
    body: { schema: SubmissionBody },
    responses: {
      201: { description: "Added.", schema: SubmitResult },
      200: {
        description: "Idempotency-Key seen before: the first item, nothing added.",
        schema: SubmitResult,
      },
    },
    errors: {
      ...BAD_INPUT,
      ...TOKEN,
      ...TOO_LARGE,
      ...RATE_LIMITED,
      415: refusal("Not JSON."),
    },
  },
  listInbox: {
    method: "GET",
    path: "/api/maps/{mapId}/inbox",
    summary: "The inbox, newest first, with each item's triage status",
    access: TALK_ACCESS.list,
    responses: { 200: { description: "Inbox items.", schema: InboxItemList } },
    errors: { ...BAD_INPUT, ...TOKEN, ...RATE_LIMITED },
  },
  importEvidenceCsv: {
    method: "POST",
    path: "/api/maps/{mapId}/inbox/import",
    summary: `Import up to ${MAX_INBOX_IMPORT_ROWS} items from CSV, with a preview`,
    description:
      "The header row names the columns: text (or quote), kind, source, url, touchpoint (id or step name), sentiment, contributor, team, key (idempotency key of the row). With ?dryRun=true nothing is written and each row's errors are returned. Otherwise the file is imported whole, or, when any row is invalid, not at all (422 with the per-row errors); with ?skipInvalid=true the valid rows are imported and the others skipped. Every row not imported says why in `skipped` (errors, a key already used, a key repeated in the file).",
    access: TALK_ACCESS.import,
    query: {
      dryRun: { schema: z.boolean(), description: "Preview only." },
      skipInvalid: {
        schema: z.boolean(),
        description: "Import the valid rows and skip the invalid ones (default: all or none).",
      },
    },
    body: { contentType: "text/csv", description: "RFC 4180 CSV with a header row." },
    responses: {
      200: { description: "Imported, or the preview.", schema: InboxImportResult },
      422: {
        description: "Some rows are invalid; nothing was imported.",
        schema: InboxImportResult,
      },
    },
    errors: {
      ...BAD_INPUT,
      ...TOKEN,
      ...TOO_LARGE,
      ...RATE_LIMITED,
      415: refusal("Not text/csv."),
    },
  },
} as const satisfies Readonly<Record<string, Route>>;

export type RouteName = keyof typeof ROUTES;
