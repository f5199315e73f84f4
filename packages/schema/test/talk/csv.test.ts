/** Evidence from a CSV file: the parser and the mapping of header names to fields. */
import { describe, expect, it } from "vitest";
import { CsvError, csvTable, parseCsv } from "../../src/index.ts";

describe("talk: CSV import", () => {
  it("parses quotes, doubled quotes, newlines in quotes, CRLF, a BOM and blank lines", () => {
    const text = '\ufeffa,b\r\n"x, y","he said ""hi"""\n\n"multi\nline",z\n';
    expect(parseCsv(text)).toEqual([
      ["a", "b"],
      ["x, y", 'he said "hi"'],
      ["multi\nline", "z"],
    ]);
    expect(() => parseCsv('a,"open')).toThrow(CsvError);
  });

  it("maps header names to fields, numbers rows, reports unknown columns", () => {
    const table = csvTable(
      "Quote,Type,Ticket,Step,Score,Name,Team,Key\nSlow,ticket,ZD-1,Sign up,-1,Sam,Support,k1\n",
    );
    expect(table.ignoredColumns).toEqual(["Ticket"]);
    expect(table.rows).toEqual([
      {
        row: 2,
        values: {
          text: "Slow",
          kind: "ticket",
          touchpoint: "Sign up",
          sentiment: "-1",
          contributor: "Sam",
          team: "Support",
          key: "k1",
        },
      },
    ]);
    expect(() => csvTable("kind,source\nquote,x")).toThrow(/text column/);
    expect(() => csvTable("")).toThrow(/empty/);
  });
});
