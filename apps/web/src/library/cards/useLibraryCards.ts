/**
 * The roll-up for the current filters: asked again as they change (a moment after the last
 * change, so typing a number asks once), an answer to older filters than the latest dropped.
 */
import type { LibraryCardList } from "@journeymap/protocol/http";
import { useEffect, useRef, useState } from "react";
import { listLibraryCards } from "../../api/libraryCardsApi.ts";
import { messageOf } from "../../ui/useAction.ts";
import { type CardFilters, toQuery } from "./cardFilters.ts";

const ASK_AFTER_MS = 150;

export interface LibraryCards {
  readonly list: LibraryCardList | null;
  readonly error: string | null;
  readonly loading: boolean;
}

export function useLibraryCards(workspaceId: string, filters: CardFilters): LibraryCards {
  const [list, setList] = useState<LibraryCardList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    setLoading(true);
    const timer = setTimeout(() => {
      listLibraryCards(workspaceId, toQuery(filters)).then(
        (answer) => {
          if (request !== latest.current) return;
          setList(answer);
          setError(null);
          setLoading(false);
        },
        (failure: unknown) => {
          if (request !== latest.current) return;
          setError(messageOf(failure));
          setLoading(false);
        },
      );
    }, ASK_AFTER_MS);
    return () => clearTimeout(timer);
  }, [workspaceId, filters]);

  return { list, error, loading };
}
