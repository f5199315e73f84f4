/**
 * Search across maps (issue 19): what a signed-in person finds in the maps of a workspace they
 * may open — titles, phases, steps, cards, cells, evidence, comments and the evidence inbox.
 * A snippet is plain text with the matched words given as offsets: nothing in an answer is
 * markup a client must trust.
 */
import * as z from "zod/mini";
import { SIGNED_IN } from "./access.ts";
import { described } from "./described.ts";
import { RATE_LIMITED, refusal, SIGNED_OUT } from "./refusals.ts";
import type { Payload } from "./route.ts";

/** What a hit is. `painPoint` and `opportunity` are cards; `inbox` is evidence not triaged yet. */
export const SEARCH_KINDS = [
  "map",
  "phase",
  "step",
  "painPoint",
  "opportunity",
  "cell",
  "evidence",
  "persona",
  "comment",
  "inbox",
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Longer queries are refused: nobody types more, and each word is an index lookup. */
export const MAX_SEARCH_QUERY = 200;
export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 50;

export const SnippetMark = z.object({
  start: described(z.int(), "Offset in the snippet's text (UTF-16 code units)."),
  length: z.int(),
});

export const Snippet = z.object({
  text: described(
    z.string(),
    "The element's text around its first match, '…' where cut (its start when only the name matched; empty when it has no text).",
  ),
  marks: described(z.array(SnippetMark), "The matched words, in order."),
});
export type Snippet = Payload<typeof Snippet>;

export const LibrarySearchHit = z.object({
  mapId: z.string(),
  mapTitle: z.string(),
  elementKey: described(
    z.string(),
    "The element: `meta`, `phase:<id>`, `touchpoint:<id>`, `card:<id>`, `cell:<root>`, `evidence:<id>`, `persona:<id>`, `thread:<id>` or `inbox:<id>`.",
  ),
  kind: z.enum(SEARCH_KINDS),
  label: described(z.string(), 'What and where it is, in words ("Step · Checkout").'),
  labelMarks: described(z.array(SnippetMark), "The matched words in the label."),
  snippet: Snippet,
  score: described(z.number(), "Higher is better; comparable within one answer only."),
});
export type LibrarySearchHit = Payload<typeof LibrarySearchHit>;

export const LibrarySearchResult = z.object({
  query: z.string(),
  hits: described(z.array(LibrarySearchHit), "Best first."),
});
export type LibrarySearchResult = Payload<typeof LibrarySearchResult>;

export const LIBRARY_SEARCH_ROUTES = {
  searchLibrary: {
    method: "GET",
    path: "/api/workspaces/{workspaceId}/library/search",
    summary: "Search the maps of a workspace I can open",
    description:
      "Every word must match (the last one as a prefix while typing, with no space after it); titles and names rank above text. Maps I cannot open, and maps in the trash, are never searched. Edits are found within about a second.",
    access: SIGNED_IN,
    query: {
      q: {
        schema: z.string().check(z.minLength(1), z.maxLength(MAX_SEARCH_QUERY)),
        description: `What to find: words (1–${MAX_SEARCH_QUERY} characters); quotes, operators and brackets are read as separators.`,
      },
      limit: {
        schema: z.int().check(z.minimum(1), z.maximum(MAX_SEARCH_LIMIT)),
        description: `How many hits at most (${DEFAULT_SEARCH_LIMIT} by default).`,
      },
    },
    responses: { 200: { description: "The hits, best first.", schema: LibrarySearchResult } },
    errors: {
      ...SIGNED_OUT,
      ...RATE_LIMITED,
      400: refusal("q is missing, empty or too long, or limit is not 1–50."),
    },
  },
} as const;
