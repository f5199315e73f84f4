/**
 * The CSV import preview's rows: the file's values as read here (text, step, contributor)
 * beside the server's verdict for the same row (its dry run is the one validator), the
 * summary and button that count them, and what an import did. Pure.
 */
import { csvTable } from "@journeymap/schema";
import type { InboxImportResult } from "@journeymap/protocol/http";

export interface PreviewRow {
  /** Line in the file; the header is row 1 (as the server numbers them). */
  readonly row: number;
  readonly text: string;
  readonly step: string;
  readonly contributor: string;
  readonly ok: boolean;
  readonly errors: readonly string[];
  /** Why the row is not imported though it is valid ("already imported (key …)"). */
  readonly skipped?: string;
}

const MAX_TEXT = 140;

export function previewRows(csv: string, result: InboxImportResult): PreviewRow[] {
  const verdicts = new Map(result.rows.map((r) => [r.row, r]));
  return csvTable(csv).rows.map(({ row, values }) => {
    const verdict = verdicts.get(row);
    const text = values.text ?? "";
    return {
      row,
      text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text,
      step: values.touchpoint ?? "",
      contributor: [values.contributor, values.team].filter(Boolean).join(" · "),
      // A row the server did not answer for is not ready (it would not be imported as shown).
      ok: verdict?.ok ?? false,
      errors: verdict ? verdict.errors : ["not checked by the server"],
      ...(verdict?.ok && verdict.skipped ? { skipped: verdict.skipped } : {}),
    };
  });
}

const rowsWord = (n: number) => `${n} ${n === 1 ? "row" : "rows"}`;

/** What the preview says about the file and what its button does. */
export function csvSummary(
  rows: readonly PreviewRow[],
  ignoredColumns: readonly string[],
): { readonly text: string; readonly ready: number; readonly button: string } {
  const bad = rows.filter((r) => !r.ok).length;
  const keyed = rows.filter((r) => r.ok && r.skipped).length;
  const ready = rows.length - bad - keyed;
  const parts = [`${rowsWord(rows.length)}`, `${ready} ready`];
  if (bad > 0) parts.push(`${bad} with errors (skipped on import)`);
  if (keyed > 0) parts.push(`${keyed} already imported (skipped)`);
  if (ignoredColumns.length > 0) parts.push(`ignored columns: ${ignoredColumns.join(", ")}`);
  const skipped = bad + keyed;
  const button =
    ready === 0
      ? "Nothing to import"
      : skipped > 0
        ? `Import ${rowsWord(ready)}, skip ${skipped}`
        : `Import ${rowsWord(ready)}`;
  return { text: parts.join(" · "), ready, button };
}

/** Rows listed by name in an import's outcome; the rest are counted. */
const MAX_REASONS = 5;

/** "Imported 2 rows. Skipped 2 — row 3: it has errors; row 5: the same key as row 2." */
export function importOutcome(result: InboxImportResult): string {
  const skipped = result.rows.filter((r) => r.skipped);
  const imported = `Imported ${rowsWord(result.imported)}.`;
  if (skipped.length === 0) return imported;
  const listed = skipped.slice(0, MAX_REASONS).map((r) => `row ${r.row}: ${r.skipped}`);
  const more = skipped.length - listed.length;
  return `${imported} Skipped ${skipped.length} — ${listed.join("; ")}${more > 0 ? `; and ${more} more` : ""}.`;
}
