/**
 * The header row of a touchpoint CSV: which column feeds which part of the map. Names are
 * matched loosely (case, spaces and punctuation ignored; the synonyms spreadsheets use), and
 * the preview says where every column went, including the ones the map has no place for.
 */
import { quote } from "./untrustedText.ts";

export const CSV_TOUCHPOINT_COLUMNS = {
  phase: ["phase", "stage"],
  touchpoint: ["touchpoint", "step", "name", "task"],
  channel: ["channel"],
  action: ["action", "customer action", "doing"],
  actions: ["user action", "user actions", "actions", "activity", "activities"],
  thoughts: ["thought/quote", "thought", "thoughts", "quote", "quotes", "thinking", "says"],
  emotion: ["emotion score", "emotion", "score", "feeling", "feelings", "mood", "sentiment"],
  painPoint: ["pain point", "pain", "painpoint", "pain points", "problem", "problems"],
  opportunity: ["opportunity", "opportunities", "idea", "ideas"],
} as const;
export type CsvColumn = keyof typeof CSV_TOUCHPOINT_COLUMNS;

/** Where each column ends up, as the preview says it. */
const DESTINATIONS: Readonly<Record<CsvColumn, string>> = {
  phase: "phases",
  touchpoint: "steps",
  channel: "channels",
  action: "each step's action line",
  actions: "Actions lane",
  thoughts: "Thoughts lane",
  emotion: "emotion of Customer",
  painPoint: "pain-point cards",
  opportunity: "opportunity cards",
};

/** Header names listed when the needed columns are missing. */
const MAX_NAMES_LISTED = 8;

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/** The column index of each known column; the first of two synonyms wins. */
export function columnsOf(header: readonly string[]): Map<CsvColumn, number> {
  const out = new Map<CsvColumn, number>();
  header.forEach((name, index) => {
    const key = squash(name);
    for (const [column, names] of Object.entries(CSV_TOUCHPOINT_COLUMNS) as [
      CsvColumn,
      readonly string[],
    ][]) {
      if (!out.has(column) && names.some((n) => squash(n) === key)) {
        out.set(column, index);
        return;
      }
    }
  });
  return out;
}

/** The first few header names, each cut short: the header may be hostile. */
export function namesOf(header: readonly string[]): string {
  if (header.every((name) => name === "")) return "nothing";
  const listed = header.slice(0, MAX_NAMES_LISTED).map((name) => quote(name, 20));
  const more = header.length - listed.length;
  return more > 0 ? `${listed.join(", ")} and ${more} more` : listed.join(", ");
}

/**
 * "Columns used: Stage → phases · …" and, when some are, "Ignored …: "Confidence"": no
 * column is dropped without the preview saying so.
 */
export function columnNotes(
  header: readonly string[],
  columns: ReadonlyMap<CsvColumn, number>,
  personaName: string,
): string[] {
  const used = [...columns]
    .sort(([, a], [, b]) => a - b)
    .map(([column, index]) => {
      const where = DESTINATIONS[column].replace("Customer", personaName);
      return `${(header[index] ?? "").trim().slice(0, 40)} → ${where}`;
    });
  const taken = new Set(columns.values());
  const ignored = header.flatMap((name, index) =>
    taken.has(index) || name.trim() === "" ? [] : [name],
  );
  const notes = [`Columns used: ${used.join(" · ")}.`];
  if (ignored.length > 0) {
    notes.push(
      `Ignored (the map has no place for ${ignored.length === 1 ? "it" : "them"}): ${namesOf(ignored)}.`,
    );
  }
  return notes;
}
