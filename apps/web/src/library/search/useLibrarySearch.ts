/**
 * Searching as one types: the query waits SEARCH_DEBOUNCE_MS of quiet before it is sent, and an
 * answer to an older query than the latest is dropped (answers can arrive out of order).
 */
import {
  DEFAULT_SEARCH_LIMIT,
  type LibrarySearchHit,
  MAX_SEARCH_QUERY,
} from "@journeymap/protocol/http";
import { useEffect, useRef, useState } from "react";
import { ApiError, callApi } from "../../api/apiClient.ts";

/** Long enough to skip the keys of a word being typed, short enough to feel immediate. */
export const SEARCH_DEBOUNCE_MS = 200;

export type SearchState =
  | { readonly kind: "idle" }
  | { readonly kind: "loading"; readonly query: string }
  | { readonly kind: "done"; readonly query: string; readonly hits: readonly LibrarySearchHit[] }
  | { readonly kind: "error"; readonly query: string; readonly message: string };

export function useLibrarySearch(
  workspaceId: string,
  query: string,
  limit = DEFAULT_SEARCH_LIMIT,
): SearchState {
  const [state, setState] = useState<SearchState>({ kind: "idle" });
  const latest = useRef(0);

  useEffect(() => {
    const q = query.trim() === "" ? "" : query.slice(0, MAX_SEARCH_QUERY);
    const request = ++latest.current;
    if (q === "") {
      setState({ kind: "idle" });
      return;
    }
    setState((was) => (was.kind === "done" ? was : { kind: "loading", query: q }));
    const timer = setTimeout(() => {
      callApi("searchLibrary", { params: { workspaceId }, query: { q, limit } })
        .then((answer) => {
          if (request === latest.current) setState({ kind: "done", query: q, hits: answer.hits });
        })
        .catch((error: unknown) => {
          if (request !== latest.current) return;
          const message =
            error instanceof ApiError
              ? (error.reason ?? error.message)
              : "The server did not answer";
          setState({ kind: "error", query: q, message });
        });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [workspaceId, query, limit]);

  return state;
}
