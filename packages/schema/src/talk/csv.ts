/**
 * CSV import of contributions: an RFC 4180 parser (quoted fields, doubled quotes, CR/LF and
 * newlines inside quotes) and the mapping of a header row to submission fields. Validation
 * of the values is the server's (one validator for JSON and CSV); this only shapes rows.
 */

export class CsvError extends Error {
  override name = "CsvError";
}

/** Rows of fields. Throws CsvError on an unterminated quote. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // spreadsheet exports start with a BOM
  const endField = () => {
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    if (!(row.length === 1 && row[0] === "")) rows.push(row); // skip blank lines
    row = [];
  };
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") endField();
    else if (ch === "\n") endRow();
    else if (ch === "\r") {
      if (text[i + 1] === "\n") i++;
      endRow();
    } else field += ch;
  }
  if (quoted) throw new CsvError("A quoted field is not closed");
  if (field !== "" || row.length > 0) endRow();
  return rows;
}

/** Column names understood in the header row (case and spacing ignored), by field. */
export const CSV_COLUMNS = {
  text: ["text", "quote", "observation", "evidence"],
  kind: ["kind", "type"],
  source: ["source", "source reference", "reference", "ref"],
  url: ["url", "link", "source link"],
  touchpoint: ["touchpoint", "step", "touchpoint id"],
  sentiment: ["sentiment", "score"],
  contributor: ["contributor", "name", "author"],
  team: ["team"],
  key: ["key", "idempotency key", "id"],
} as const;
export type CsvField = keyof typeof CSV_COLUMNS;

export interface CsvRow {
  /** 1-based line of the row in the file, counting the header as row 1. */
  readonly row: number;
  readonly values: Partial<Record<CsvField, string>>;
}

export interface CsvTable {
  readonly rows: readonly CsvRow[];
  /** Header cells that map to no field (reported, not fatal). */
  readonly ignoredColumns: readonly string[];
}

const normalise = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");

export function csvTable(text: string): CsvTable {
  const [header, ...body] = parseCsv(text);
  if (!header) throw new CsvError("The file is empty");
  const fields: (CsvField | null)[] = header.map((cell) => {
    const name = normalise(cell);
    const entry = Object.entries(CSV_COLUMNS).find(([, names]) =>
      (names as readonly string[]).includes(name),
    );
    return entry ? (entry[0] as CsvField) : null;
  });
  if (!fields.includes("text"))
    throw new CsvError(`The header needs a text column (one of: ${CSV_COLUMNS.text.join(", ")})`);
  const ignoredColumns = header.filter((_, i) => fields[i] === null);
  const rows = body.map((cells, index) => {
    const values: Partial<Record<CsvField, string>> = {};
    fields.forEach((field, i) => {
      const cell = cells[i]?.trim();
      if (field && cell) values[field] = cell;
    });
    return { row: index + 2, values };
  });
  return { rows, ignoredColumns };
}
