/**
 * CSV import of contributions: an RFC 4180 parser (quoted fields, doubled quotes, CR/LF and
 * newlines inside quotes) and the mapping of a header row to submission fields. Validation
 * of the values is the server's (one validator for JSON and CSV); this only shapes rows.
 */

export class CsvError extends Error {
  override name = "CsvError";
}

/**
 * Bounds checked while parsing, so a hostile upload costs at most a limit's worth of work and
 * its error quotes nothing back (a 1,000,000-column header took seconds and a 2 MB error).
 */
export interface CsvLimits {
  /** Fields in one row; our imports read under ten, spreadsheets add a few more. */
  readonly maxColumns: number;
  /** Characters in one field; a contribution's text is at most 10,000. */
  readonly maxFieldChars: number;
  /** Rows below the header (blank lines are not rows). */
  readonly maxRows: number;
}

export const CSV_LIMITS: CsvLimits = { maxColumns: 100, maxFieldChars: 20_000, maxRows: 10_000 };

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Rows of fields. Throws CsvError on an unterminated quote or a broken limit. Linear: runs of
 * plain characters are sliced out whole rather than appended one by one.
 */
export function parseCsv(text: string, limits: CsvLimits = CSV_LIMITS): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  const where = () => `row ${rows.length + 1}`;
  const append = (part: string) => {
    if (field.length + part.length > limits.maxFieldChars)
      throw new CsvError(`${where()}: a field is longer than ${limits.maxFieldChars} characters`);
    field += part;
  };
  const endField = () => {
    if (row.length >= limits.maxColumns)
      throw new CsvError(`${where()}: more than ${limits.maxColumns} columns`);
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    if (!(row.length === 1 && row[0] === "")) {
      // rows[0] is the header
      if (rows.length > limits.maxRows) throw new CsvError(`more than ${limits.maxRows} rows`);
      rows.push(row);
    }
    row = [];
  };
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // spreadsheet exports start with a BOM
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE && field === "") {
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close === -1) throw new CsvError("A quoted field is not closed");
        append(text.slice(from, close));
        if (text.charCodeAt(close + 1) !== QUOTE) {
          i = close + 1;
          break;
        }
        append('"'); // a doubled quote inside quotes
        from = close + 2;
      }
    } else if (c === COMMA) {
      endField();
      i++;
    } else if (c === LF) {
      endRow();
      i++;
    } else if (c === CR) {
      endRow();
      i += text.charCodeAt(i + 1) === LF ? 2 : 1;
    } else {
      // Stop scanning one past the field limit: append() then refuses without reading on.
      const stop = Math.min(text.length, i + limits.maxFieldChars - field.length + 1);
      let j = i + 1;
      for (; j < stop; j++) {
        const d = text.charCodeAt(j);
        if (d === COMMA || d === LF || d === CR) break;
      }
      append(text.slice(i, j));
      i = j;
    }
  }
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
  /** Header cells that map to no field (reported, not fatal), cut to MAX_COLUMN_NAME. */
  readonly ignoredColumns: readonly string[];
}

/** Characters of an ignored column's name echoed back: enough to recognise it. */
export const MAX_COLUMN_NAME = 60;

const normalise = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");

export function csvTable(text: string, limits: CsvLimits = CSV_LIMITS): CsvTable {
  const [header, ...body] = parseCsv(text, limits);
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
  const ignoredColumns = header
    .filter((_, i) => fields[i] === null)
    .map((name) => name.slice(0, MAX_COLUMN_NAME));
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
