/**
 * The roll-up's filters as the table holds them, and as they travel: in the page's address
 * (so back, reload and a shared link show the same cards) and in the API's query.
 */
import type { LibraryCardSort } from "@journeymap/protocol/http";
import type { CardKind, CardStatus } from "@journeymap/schema";

export interface CardFilters {
  readonly kind: CardKind | "";
  readonly persona: string;
  readonly phase: string;
  readonly channel: string;
  readonly minRating: number;
  readonly status: CardStatus | "";
  readonly owner: string;
  readonly minEvidence: number;
  readonly sort: LibraryCardSort;
}

export const NO_FILTERS: CardFilters = {
  kind: "",
  persona: "",
  phase: "",
  channel: "",
  minRating: 1,
  status: "",
  owner: "",
  minEvidence: 0,
  sort: "rating",
};

const NAMES = Object.keys(NO_FILTERS) as (keyof CardFilters)[];

/** Only what differs from no filter: the API's query and the address stay short. */
export function toQuery(filters: CardFilters): Record<string, string | number> {
  const query: Record<string, string | number> = {};
  for (const name of NAMES) if (filters[name] !== NO_FILTERS[name]) query[name] = filters[name];
  return query;
}

/** Filters from an address's query (unknown or malformed values are left at no filter). */
export function fromSearch(search: string): CardFilters {
  const params = new URLSearchParams(search);
  const read: Record<string, string | number> = {};
  for (const name of NAMES) {
    const raw = params.get(name);
    if (raw === null || raw === "") continue;
    if (typeof NO_FILTERS[name] === "number") {
      const n = Number(raw);
      if (Number.isInteger(n) && n >= 0 && n <= 1_000) read[name] = n;
    } else read[name] = raw.slice(0, 200);
  }
  return { ...NO_FILTERS, ...read } as CardFilters;
}

export function isFiltered(filters: CardFilters): boolean {
  return NAMES.some((name) => name !== "sort" && filters[name] !== NO_FILTERS[name]);
}
