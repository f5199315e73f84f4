/**
 * The roll-up's filters and sort, read from a request's query string: every value is checked
 * against the protocol's schema (a malformed one is a 400 that names it), and text filters are
 * compared in lower case.
 */
import { LIBRARY_CARD_ROUTES, type LibraryCardSort } from "@journeymap/protocol/http";
import type { CardKind, CardStatus } from "@journeymap/schema";

export interface CardQuery {
  readonly kind: CardKind | null;
  /** Lower case; matched against persona names and library persona ids. */
  readonly persona: string | null;
  readonly phase: string | null;
  readonly channel: string | null;
  readonly minRating: number;
  readonly status: CardStatus | null;
  readonly owner: string | null;
  readonly minEvidence: number;
  readonly sort: LibraryCardSort;
}

export const NO_FILTER: CardQuery = {
  kind: null,
  persona: null,
  phase: null,
  channel: null,
  minRating: 1,
  status: null,
  owner: null,
  minEvidence: 0,
  sort: "rating",
};

const PARAMS = LIBRARY_CARD_ROUTES.listLibraryCards.query;
type ParamName = keyof typeof PARAMS;

/** Query values as the route table types them: whole numbers from their digits. */
const NUMERIC: ReadonlySet<ParamName> = new Set(["minRating", "minEvidence"]);
/** Free text, compared in lower case; the others are words of a fixed list. */
const TEXT: ReadonlySet<ParamName> = new Set(["persona", "phase", "channel", "owner"]);

/** The query, or the message of a 400 saying which parameter is wrong. */
export function readCardQuery(values: Readonly<Record<string, string>>): CardQuery | string {
  const read: Record<string, string | number> = {};
  for (const name of Object.keys(PARAMS) as ParamName[]) {
    const raw = values[name];
    if (raw === undefined || raw === "") continue;
    const value = NUMERIC.has(name) ? (/^\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN) : raw;
    if (!PARAMS[name].schema.safeParse(value).success)
      return `${name} is malformed: ${PARAMS[name].description}`;
    read[name] = typeof value === "string" && TEXT.has(name) ? value.trim().toLowerCase() : value;
  }
  return {
    ...NO_FILTER,
    ...(read as Partial<CardQuery>),
    sort: (read.sort as LibraryCardSort | undefined) ?? "rating",
  };
}
