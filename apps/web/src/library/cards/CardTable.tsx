/**
 * Every pain point and opportunity of the maps I can open, filtered and sorted by the server,
 * with counts, exports (CSV from the server, JSON as the answer itself) and, on an opportunity
 * card, "Add to library" (a library opportunity made from it, for the matrix).
 */
import type { LibraryCardList, LibraryCardRow } from "@journeymap/protocol/http";
import { channelLabel, entityKey } from "@journeymap/schema";
import { Download, LibraryBig, Lightbulb, TriangleAlert } from "lucide-react";
import { useState } from "react";
import { createLibraryOpportunity, libraryCardsCsvUrl } from "../../api/libraryCardsApi.ts";
import { AppLink } from "../../ui/AppLink.tsx";
import { FormError } from "../../ui/FormError.tsx";
import { useAction } from "../../ui/useAction.ts";
import { CardFilterBar } from "./CardFilterBar.tsx";
import { type CardFilters, fromSearch, toQuery } from "./cardFilters.ts";
import { KIND_WORDS, STATUS_WORDS } from "./cardWords.ts";
import { useLibraryCards } from "./useLibraryCards.ts";
import { focusPath } from "../../board/focusPath.ts";

/** The filters kept in the address, beside the view. */
function keepFilters(filters: CardFilters): void {
  const url = new URL(window.location.href);
  const view = url.searchParams.get("view");
  url.search = new URLSearchParams(
    Object.entries(toQuery(filters)).map(([k, v]) => [k, String(v)]),
  ).toString();
  if (view) url.searchParams.set("view", view);
  window.history.replaceState(window.history.state, "", url);
}

function downloadJson(list: LibraryCardList, workspaceId: string): void {
  const blob = new Blob([JSON.stringify(list, null, 2)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = `journeymap-cards-${workspaceId}-${new Date().toISOString().slice(0, 10)}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

function Summary({ list }: { list: LibraryCardList }) {
  const { painPoint, opportunity } = list.counts;
  return (
    <p className="cards-summary" data-testid="cards.summary">
      <strong>{painPoint.total}</strong> pain point{painPoint.total === 1 ? "" : "s"} ·{" "}
      <strong>{opportunity.total}</strong> opportunit{opportunity.total === 1 ? "y" : "ies"} across{" "}
      {list.maps} map{list.maps === 1 ? "" : "s"}
      {list.truncated && ` — showing the first ${list.cards.length} of ${list.total}`}
    </p>
  );
}

function LibraryCell({ row, workspaceId }: { row: LibraryCardRow; workspaceId: string }) {
  const adding = useAction();
  // The card is linked at once; the roll-up says so once the map's summary catches up.
  const [added, setAdded] = useState(false);
  if (row.kind !== "opportunity") return null;
  if (row.libraryOpportunityId || added)
    return (
      <span className="cards-in-library">
        <LibraryBig size={13} aria-hidden="true" /> In library
      </span>
    );
  return (
    <>
      <button
        type="button"
        className="btn btn--ghost cards-add"
        disabled={adding.busy}
        onClick={() =>
          void adding.run(async () => {
            await createLibraryOpportunity(workspaceId, {
              from: { mapId: row.mapId, cardId: row.cardId },
            });
            setAdded(true);
          })
        }
        data-testid="cards.add-to-library"
      >
        Add to library
      </button>
      <FormError error={adding.error} />
    </>
  );
}

export function CardTable({ workspaceId }: { workspaceId: string }) {
  const [filters, setFilters] = useState<CardFilters>(() => fromSearch(window.location.search));
  const { list, error, loading } = useLibraryCards(workspaceId, filters);
  const change = (next: CardFilters) => {
    setFilters(next);
    keepFilters(next);
  };
  return (
    <div className="cards-table-view">
      <CardFilterBar filters={filters} facets={list?.facets ?? null} onChange={change} />
      <div className="cards-toolbar">
        {list ? <Summary list={list} /> : <p className="cards-summary">Loading…</p>}
        <div className="cards-exports">
          <a
            className="btn"
            href={libraryCardsCsvUrl(workspaceId, toQuery(filters))}
            download
            data-testid="cards.export.csv"
          >
            <Download size={14} aria-hidden="true" /> CSV
          </a>
          <button
            type="button"
            className="btn"
            disabled={!list}
            onClick={() => list && downloadJson(list, workspaceId)}
            data-testid="cards.export.json"
          >
            <Download size={14} aria-hidden="true" /> JSON
          </button>
        </div>
      </div>
      <FormError error={error} />
      {list && list.cards.length === 0 && !loading && (
        <p className="page-lede">
          {list.maps === 0
            ? "No maps to show yet: the maps you can open in this workspace appear here."
            : "No card matches these filters."}
        </p>
      )}
      {list && list.cards.length > 0 && (
        <div className="cards-table-frame" aria-busy={loading}>
          <table className="cards-table" data-testid="cards.table">
            <thead>
              <tr>
                <th scope="col">Card</th>
                <th scope="col">Map</th>
                <th scope="col">Phase · Step</th>
                <th scope="col">Rating</th>
                <th scope="col">Status</th>
                <th scope="col">Owner</th>
                <th scope="col">Evidence</th>
                <th scope="col">
                  <span className="visually-hidden">Library</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.cards.map((row) => (
                <tr key={`${row.mapId}/${row.cardId}`} data-testid="cards.row">
                  <td>
                    <span className={`cards-kind cards-kind--${row.kind}`}>
                      {row.kind === "painPoint" ? (
                        <TriangleAlert size={13} aria-hidden="true" />
                      ) : (
                        <Lightbulb size={13} aria-hidden="true" />
                      )}
                      <span className="visually-hidden">{KIND_WORDS[row.kind]}: </span>
                    </span>
                    {row.title}
                  </td>
                  <td>
                    <AppLink href={focusPath(row.mapId, entityKey("card", row.cardId))}>
                      {row.mapTitle}
                    </AppLink>
                  </td>
                  <td className="cards-where">
                    {row.phaseName || "Unassigned"} · {row.stepName}
                    {row.channels.length > 0 && (
                      <span className="cards-channels">
                        {row.channels.map(channelLabel).join(", ")}
                      </span>
                    )}
                  </td>
                  <td>
                    <span className="cards-rating">
                      <span className="visually-hidden">
                        {row.kind === "painPoint" ? "Severity" : "Impact"}{" "}
                      </span>
                      {row.rating}
                      <span className="visually-hidden"> of 5</span>
                    </span>
                  </td>
                  <td>{STATUS_WORDS[row.status]}</td>
                  <td>{row.owner}</td>
                  <td className="cards-number">{row.evidenceCount}</td>
                  <td>
                    <LibraryCell row={row} workspaceId={workspaceId} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
