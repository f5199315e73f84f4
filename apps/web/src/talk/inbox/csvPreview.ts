/**
 * The CSV import preview's rows: the file's values as read here (text, step, contributor)
 * beside the server's verdict for the same row (its dry run is the one validator). Pure.
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
    };
  });
}
