/** The roll-up's filters and sort, each a menu of the values my maps have (the answer's facets). */
import {
  type LibraryCardList,
  LIBRARY_CARD_SORTS,
  type LibraryCardSort,
} from "@journeymap/protocol/http";
import { type CardKind, type CardStatus, channelLabel } from "@journeymap/schema";
import { StatusOptions } from "./StatusOptions.tsx";
import { type CardFilters, isFiltered, NO_FILTERS } from "./cardFilters.ts";

const SORT_LABELS: Record<LibraryCardSort, string> = {
  rating: "Highest rated",
  evidence: "Most evidence",
  map: "Map",
  title: "Title (A–Z)",
};

interface Props {
  readonly filters: CardFilters;
  readonly facets: LibraryCardList["facets"] | null;
  readonly onChange: (filters: CardFilters) => void;
}

/** A menu of a facet's values, with "Any" first; a value no longer offered stays chosen. */
function FacetSelect({
  label,
  value,
  values,
  show = (v) => v,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  values: readonly string[];
  show?: (value: string) => string;
  onChange: (value: string) => void;
  testId: string;
}) {
  const options = value && !values.includes(value) ? [value, ...values] : values;
  return (
    <label className="cards-filter">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">Any</option>
        {options.map((v) => (
          <option key={v} value={v}>
            {show(v)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function CardFilterBar({ filters, facets, onChange }: Props) {
  const set = <K extends keyof CardFilters>(key: K, value: CardFilters[K]) =>
    onChange({ ...filters, [key]: value });
  return (
    <fieldset className="cards-filters">
      <legend className="visually-hidden">Filters</legend>
      <label className="cards-filter">
        <span>Kind</span>
        <select
          value={filters.kind}
          onChange={(e) => set("kind", e.target.value as CardKind | "")}
          data-testid="cards.filter.kind"
        >
          <option value="">Both</option>
          <option value="painPoint">Pain points</option>
          <option value="opportunity">Opportunities</option>
        </select>
      </label>
      <FacetSelect
        label="Persona"
        value={filters.persona}
        values={facets?.personas ?? []}
        onChange={(v) => set("persona", v)}
        testId="cards.filter.persona"
      />
      <FacetSelect
        label="Phase"
        value={filters.phase}
        values={facets?.phases ?? []}
        onChange={(v) => set("phase", v)}
        testId="cards.filter.phase"
      />
      <FacetSelect
        label="Channel"
        value={filters.channel}
        values={facets?.channels ?? []}
        show={channelLabel}
        onChange={(v) => set("channel", v)}
        testId="cards.filter.channel"
      />
      <label className="cards-filter">
        <span>Rating</span>
        <select
          value={filters.minRating}
          onChange={(e) => set("minRating", Number(e.target.value))}
          data-testid="cards.filter.rating"
        >
          {[1, 2, 3, 4, 5].map((r) => (
            <option key={r} value={r}>
              {r === 1 ? "Any" : `${r}+`}
            </option>
          ))}
        </select>
      </label>
      <label className="cards-filter">
        <span>Status</span>
        <select
          value={filters.status}
          onChange={(e) => set("status", e.target.value as CardStatus | "")}
          data-testid="cards.filter.status"
        >
          <option value="">Any</option>
          <StatusOptions />
        </select>
      </label>
      <FacetSelect
        label="Owner"
        value={filters.owner}
        values={facets?.owners ?? []}
        onChange={(v) => set("owner", v)}
        testId="cards.filter.owner"
      />
      <label className="cards-filter cards-filter--narrow">
        <span>Evidence ≥</span>
        <input
          type="number"
          min={0}
          max={999}
          value={filters.minEvidence}
          onChange={(e) =>
            set("minEvidence", Math.max(0, Math.min(999, Number(e.target.value) || 0)))
          }
          data-testid="cards.filter.evidence"
        />
      </label>
      <label className="cards-filter">
        <span>Sort by</span>
        <select
          value={filters.sort}
          onChange={(e) => set("sort", e.target.value as LibraryCardSort)}
          data-testid="cards.sort"
        >
          {LIBRARY_CARD_SORTS.map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      {isFiltered(filters) && (
        <button
          type="button"
          className="btn btn--ghost cards-reset"
          onClick={() => onChange({ ...NO_FILTERS, sort: filters.sort })}
        >
          Clear filters
        </button>
      )}
    </fieldset>
  );
}
