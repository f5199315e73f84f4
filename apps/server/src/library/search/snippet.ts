/**
 * The snippet of a search hit: plain text around the first match, with the matched words as
 * offsets (never markup). Words are compared the way the index's tokenizer reads them —
 * letters, digits and marks, case and diacritics folded, the last typed word as a prefix — so
 * what is marked is what matched.
 */
import type { Snippet } from "@journeymap/protocol/http";
import type { SearchTerms } from "@journeymap/storage";

/** About this many characters of context: two lines of a result list. */
export const SNIPPET_CHARS = 160;
/** Of which, before the first match. */
const LEAD_CHARS = 40;
const ELLIPSIS = "…";

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** A word as the index compares it: no case, no diacritics. */
export function foldWord(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/** The spans of `text`'s words that match one of the terms. */
export function matchedWords(text: string, { words, prefix }: SearchTerms): Span[] {
  const folded = words.map(foldWord);
  const last = folded.length - 1;
  const spans: Span[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = foldWord(m[0]);
    const hit = folded.some((t, i) => word === t || (prefix && i === last && word.startsWith(t)));
    if (hit) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

/** A word boundary at or before `at` (so a snippet does not start mid-word). */
function wordStartBefore(text: string, at: number): number {
  const space = text.lastIndexOf(" ", at);
  return space < 0 || at - space > 15 ? at : space + 1;
}

/** Around the first match of `text` (or its start when nothing matches). */
export function snippetOf(text: string, terms: SearchTerms): Snippet {
  // Parts of a text were lines (a step's action, its description, its team): kept apart.
  const flat = text
    .split(/\n+/)
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line !== "")
    .join(" · ");
  const spans = matchedWords(flat, terms);
  const first = spans[0]?.start ?? 0;
  const start = first <= LEAD_CHARS ? 0 : wordStartBefore(flat, first - LEAD_CHARS);
  const end = Math.min(flat.length, Math.max(start + SNIPPET_CHARS, spans[0]?.end ?? 0));
  const lead = start > 0 ? ELLIPSIS : "";
  const shown = `${lead}${flat.slice(start, end)}${end < flat.length ? ELLIPSIS : ""}`;
  return {
    text: shown,
    marks: spans
      .filter((s) => s.start >= start && s.end <= end)
      .map((s) => ({ start: s.start - start + lead.length, length: s.end - s.start })),
  };
}

/**
 * The matched words of a hit's label, within the element's name only: the rest of the label
 * ("Step ·", the step of a cell) was not searched, so a word there is not a match.
 */
export function labelMarks(label: string, name: string, terms: SearchTerms): Snippet["marks"] {
  const from = name === "" ? -1 : label.lastIndexOf(name);
  if (from < 0) return [];
  return matchedWords(name, terms).map((s) => ({ start: from + s.start, length: s.end - s.start }));
}
