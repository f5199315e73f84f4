import { describe, expect, it } from "vitest";
import { previewRows } from "../../../src/talk/inbox/csvPreview.ts";

const CSV = `text,touchpoint,contributor,team,sentiment
"Charged twice, then refunded",Checks out,Sam,Support,-2
,Nowhere,Ana,,7
`;

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
});
