/**
 * Search across maps (issue 19): the store's own full-text index of what people write on maps
 * (titles, phases, steps, cards, cells, evidence) and in their talk documents (comments, the
 * evidence inbox). The server replaces one map's rows of one document shortly after it changes
 * (MapIndexer → SearchSink), and a search reads only the maps the person may open.
 *
 * The store builds the query syntax itself from the words of what was typed (`searchTerms`):
 * user input never reaches FTS5 or tsquery as syntax, so quotes, `*`, `-`, `NEAR` or brackets
 * are words or separators, never operators.
 */

/** Which of a map's two documents rows come from; each is replaced on its own. */
export type SearchSource = "map" | "talk";

export interface SearchRow {
  /** Schema's element key (`touchpoint:<id>`, `card:<id>`, `cell:…`, `meta`) or `thread:<id>`, `inbox:<id>`. */
  readonly elementKey: string;
  /** What the element is, for the reader: "step", "card", "comment"… */
  readonly kind: string;
  /** Where it is, for the reader ("Step · Checkout"); not searched. */
  readonly label: string;
  /** The element's own name (a title, a step's name): ranks above `text`. */
  readonly name: string;
  /** Everything else written on it. */
  readonly text: string;
}

export interface SearchHit extends SearchRow {
  readonly mapId: string;
  /** Higher is better; comparable within one answer only. */
  readonly score: number;
}

export interface SearchStore {
  /** Replaces the rows one document of a map gave, in one transaction. */
  replaceMap(mapId: string, source: SearchSource, rows: readonly SearchRow[]): Promise<void>;
  /** The best rows matching every word of `query` (the last one as a prefix), in these maps only. */
  search(mapIds: readonly string[], query: string, limit: number): Promise<SearchHit[]>;
}

/** More words than this in one query are not searched for (a sentence pasted in). */
export const MAX_SEARCH_TERMS = 12;

export interface SearchTerms {
  /** Lower-cased words, in the order typed, without repeats. */
  readonly words: readonly string[];
  /** Whether the last word is still being typed (no space after it): matched as a prefix. */
  readonly prefix: boolean;
}

/** Letters, digits and combining marks, as FTS5's unicode61 tokenizer reads a word. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** The words of what someone typed: everything else is a separator, never an operator. */
export function searchTerms(query: string): SearchTerms {
  const text = query.normalize("NFC");
  const typed = (text.match(WORD) ?? []).map((w) => w.toLowerCase());
  const words = [...new Set(typed)].slice(0, MAX_SEARCH_TERMS);
  // Still being typed: the text ends in a word, and that word is the last one searched for.
  const open = /[\p{L}\p{N}\p{M}]$/u.test(text) && typed.at(-1) === words.at(-1);
  return { words, prefix: words.length > 0 && open };
}
