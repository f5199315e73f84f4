/**
 * Search across the workspace's maps (issue 19): a box that searches as one types, and the
 * hits grouped by map — what each is (icon and words), where it is, and the words that
 * matched highlighted in a snippet. A hit opens its map. The server answers only maps the
 * person may open; nothing here filters.
 */
import {
  MAX_SEARCH_QUERY,
  type LibrarySearchHit,
  type SearchKind,
  type Snippet,
} from "@journeymap/protocol/http";
import {
  Columns3,
  Footprints,
  Inbox,
  Lightbulb,
  type LucideIcon,
  MapIcon,
  MessageSquare,
  Quote,
  Search,
  StickyNote,
  TriangleAlert,
  User,
} from "lucide-react";
import { useState } from "react";
import { AppLink } from "../../ui/AppLink.tsx";
import type { LibrarySectionProps } from "../LibraryPage.tsx";
import { groupHitsByMap, snippetParts } from "./groupHits.ts";
import { type SearchState, useLibrarySearch } from "./useLibrarySearch.ts";
import "./search.css";
import { focusPath } from "../../board/focusPath.ts";

const KINDS: Readonly<Record<SearchKind, { readonly Icon: LucideIcon; readonly word: string }>> = {
  map: { Icon: MapIcon, word: "Map" },
  phase: { Icon: Columns3, word: "Phase" },
  step: { Icon: Footprints, word: "Step" },
  painPoint: { Icon: TriangleAlert, word: "Pain point" },
  opportunity: { Icon: Lightbulb, word: "Opportunity" },
  cell: { Icon: StickyNote, word: "Cell" },
  evidence: { Icon: Quote, word: "Evidence" },
  persona: { Icon: User, word: "Persona" },
  comment: { Icon: MessageSquare, word: "Comment" },
  inbox: { Icon: Inbox, word: "Inbox" },
};

/** Results the section asks for: enough for a screen of groups. */
const RESULT_LIMIT = 50;

/** The query kept in the address (`?q=`), so back and a shared link show the same results. */
function initialQuery(): string {
  return new URLSearchParams(window.location.search).get("q")?.slice(0, MAX_SEARCH_QUERY) ?? "";
}

function keepQuery(q: string): void {
  const url = new URL(window.location.href);
  if (q.trim() === "") url.searchParams.delete("q");
  else url.searchParams.set("q", q);
  window.history.replaceState(window.history.state, "", url);
}

export default function SearchSection({ workspaceId }: LibrarySectionProps) {
  const [query, setQuery] = useState(initialQuery);
  const state = useLibrarySearch(workspaceId, query, RESULT_LIMIT);
  return (
    <section className="library-search" aria-label="Search the library">
      <label className="library-search-box">
        <Search size={16} aria-hidden="true" />
        <input
          type="search"
          aria-label="Search every map of the workspace"
          placeholder="Search titles, steps, cards, cells, evidence and comments"
          value={query}
          maxLength={MAX_SEARCH_QUERY}
          data-testid="library.search.input"
          onChange={(e) => {
            setQuery(e.target.value);
            keepQuery(e.target.value);
          }}
        />
      </label>
      <Results state={state} />
    </section>
  );
}

function Results({ state }: { state: SearchState }) {
  switch (state.kind) {
    case "idle":
      return (
        <p className="page-lede" data-testid="library.search.idle">
          Find anything written on the maps you can open: every word must match, and the last one
          may be the start of a word.
        </p>
      );
    case "loading":
      return (
        <p className="page-lede" aria-live="polite">
          Searching…
        </p>
      );
    case "error":
      return (
        <p className="notice notice--error" role="alert" data-testid="library.search.error">
          Search failed: {state.message}
        </p>
      );
    case "done":
      return state.hits.length === 0 ? (
        <p className="empty-state" data-testid="library.search.empty">
          Nothing matches “{state.query}” in the maps you can open.
        </p>
      ) : (
        <Groups hits={state.hits} />
      );
  }
}

function Groups({ hits }: { hits: readonly LibrarySearchHit[] }) {
  const groups = groupHitsByMap(hits);
  return (
    <div className="library-search-results" aria-live="polite">
      <p className="library-search-count">
        {hits.length} {hits.length === 1 ? "match" : "matches"} in {groups.length}{" "}
        {groups.length === 1 ? "map" : "maps"}
      </p>
      {groups.map((group) => (
        <section
          key={group.mapId}
          className="library-search-map"
          data-testid="library.search.map"
          aria-label={group.mapTitle || "Untitled map"}
        >
          <h2 className="library-search-map-title">
            <AppLink href={`/maps/${encodeURIComponent(group.mapId)}`}>
              {group.mapTitle || "Untitled map"}
            </AppLink>
          </h2>
          <ul className="library-search-hits">
            {group.hits.map((hit) => (
              <Hit key={`${hit.elementKey}`} hit={hit} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function Hit({ hit }: { hit: LibrarySearchHit }) {
  const { Icon, word } = KINDS[hit.kind];
  return (
    <li>
      <AppLink
        href={focusPath(hit.mapId, hit.elementKey)}
        className="library-search-hit"
        data-testid="library.search.hit"
        data-kind={hit.kind}
      >
        <span className={`library-search-kind library-search-kind--${hit.kind}`} title={word}>
          <Icon size={16} aria-hidden="true" />
          <span className="visually-hidden">{word}</span>
        </span>
        <span className="library-search-hit-body">
          <span className="library-search-label">
            <Marked snippet={{ text: hit.label, marks: hit.labelMarks }} />
          </span>
          {hit.snippet.text === "" ? null : (
            <span className="library-search-snippet">
              <Marked snippet={hit.snippet} />
            </span>
          )}
        </span>
      </AppLink>
    </li>
  );
}

/** Text with its matched words in <mark> (React elements: nothing is parsed as markup). */
function Marked({ snippet }: { snippet: Snippet }) {
  return snippetParts(snippet).map((part, i) =>
    part.marked ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional and never reorder
      <mark key={i}>{part.text}</mark>
    ) : (
      part.text
    ),
  );
}
