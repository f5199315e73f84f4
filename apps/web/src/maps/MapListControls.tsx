import type { MapListSort } from "@journeymap/protocol/http";
import { Search } from "lucide-react";
import { ChoiceSelect } from "../ui/ChoiceSelect.tsx";

const SORT_LABELS: Readonly<Record<MapListSort, string>> = {
  updated: "Last edited",
  title: "Title",
  created: "Newest",
};

/** What the list shows: the maps or the trash, titles with `q` in them, in `sort` order. */
export interface MapFilters {
  readonly trash: boolean;
  readonly q: string;
  readonly sort: MapListSort;
}

export const ALL_MAPS: MapFilters = { trash: false, q: "", sort: "updated" };

/** Maps or the trash, a title search and the order. */
export function MapListControls({
  filters,
  onFilters,
}: {
  filters: MapFilters;
  onFilters: (next: MapFilters) => void;
}) {
  const { trash, q, sort } = filters;
  const set = (patch: Partial<MapFilters>) => onFilters({ ...filters, ...patch });
  return (
    <div className="map-controls">
      <div className="tabs" role="tablist" aria-label="Maps or trash">
        <button
          type="button"
          role="tab"
          aria-selected={!trash}
          data-testid="maps.tab-maps"
          onClick={() => set({ trash: false })}
        >
          Maps
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={trash}
          data-testid="maps.tab-trash"
          onClick={() => set({ trash: true })}
        >
          Trash
        </button>
      </div>
      <label className="map-search">
        <Search size={14} aria-hidden="true" />
        <input
          type="search"
          aria-label="Search maps by title"
          placeholder="Search maps"
          value={q}
          data-testid="maps.search"
          onChange={(e) => set({ q: e.target.value })}
        />
      </label>
      <ChoiceSelect
        aria-label="Sort maps"
        data-testid="maps.sort"
        labels={SORT_LABELS}
        value={sort}
        onChoose={(next) => set({ sort: next })}
      />
    </div>
  );
}
