import { describe, expect, it } from "vitest";
import type { InboxImportRow } from "@journeymap/protocol/http";
import { csvSummary, importOutcome, previewRows } from "../../../src/talk/inbox/csvPreview.ts";

const CSV = `text,touchpoint,contributor,team,sentiment
"Charged twice, then refunded",Checks out,Sam,Support,-2
,Nowhere,Ana,,7
`;

/** The rows of CSV beside a dry run that answered `rows`. */
const previewOf = (rows: InboxImportRow[]) =>
  previewRows(CSV, { dryRun: true, imported: 0, ignoredColumns: [], rows });

describe("CSV preview rows", () => {
  it("puts the file's values beside the server's verdict for the same row", () => {
    const rows = previewRows(CSV, {
      dryRun: true,
      imported: 0,
      ignoredColumns: [],
      rows: [
        { row: 2, ok: true, errors: [] },
        { row: 3, ok: false, errors: ["text: must not be empty", 'touchpoint: no step "Nowhere"'] },
      ],
    });
    expect(rows).toEqual([
      {
        row: 2,
        text: "Charged twice, then refunded",
        step: "Checks out",
        contributor: "Sam · Support",
        ok: true,
        errors: [],
      },
      {
        row: 3,
        text: "",
        step: "Nowhere",
        contributor: "Ana",
        ok: false,
        errors: ["text: must not be empty", 'touchpoint: no step "Nowhere"'],
      },
    ]);
  });

  it("never shows a row the server did not check as ready", () => {
    const rows = previewRows(CSV, { dryRun: true, imported: 0, ignoredColumns: [], rows: [] });
    expect(rows.map((r) => r.ok)).toEqual([false, false]);
  });

  it("counts the rows an import takes and skips, and its button never promises skipped rows", () => {
    const rows = previewOf([
      { row: 2, ok: true, errors: [], skipped: 'already imported (key "t-1")' },
      { row: 3, ok: false, errors: ["text: must not be empty"], skipped: "it has errors" },
    ]);
    expect(rows[0]?.skipped).toBe('already imported (key "t-1")');
    expect(rows[1]?.skipped).toBeUndefined();
    expect(csvSummary(rows, ["notes"])).toEqual({
      text: "2 rows · 0 ready · 1 with errors (skipped on import) · 1 already imported (skipped) · ignored columns: notes",
      ready: 0,
      button: "Nothing to import",
    });
    const oneReady = previewOf([
      { row: 2, ok: true, errors: [] },
      { row: 3, ok: false, errors: ["text: must not be empty"] },
    ]);
    expect(csvSummary(oneReady, []).button).toBe("Import 1 row, skip 1");
  });

  it("says what an import did and why each skipped row was skipped", () => {
    expect(
      importOutcome({
        dryRun: false,
        imported: 1,
        ignoredColumns: [],
        rows: [
          { row: 2, ok: true, errors: [], created: true },
          { row: 3, ok: false, errors: ["text: must not be empty"], skipped: "it has errors" },
          { row: 4, ok: true, errors: [], created: false, skipped: "the same key as row 2" },
        ],
      }),
    ).toBe("Imported 1 row. Skipped 2 — row 3: it has errors; row 4: the same key as row 2.");
  });
});
