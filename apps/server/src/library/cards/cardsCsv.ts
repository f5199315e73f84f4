/**
 * The roll-up as CSV (RFC 4180: every cell quoted, quotes doubled, CRLF between rows), safe to
 * open in a spreadsheet: a cell starting with =, +, - or @ (or a tab or carriage return, which
 * some spreadsheets strip before reading a formula) is prefixed with ' so it is shown as text,
 * never run as a formula (OWASP "CSV injection").
 */
import type { LibraryCardRow } from "@journeymap/protocol/http";

const COLUMNS: readonly (readonly [string, (row: LibraryCardRow) => string | number])[] = [
  ["Map", (r) => r.mapTitle],
  ["Kind", (r) => (r.kind === "painPoint" ? "Pain point" : "Opportunity")],
  ["Title", (r) => r.title],
  ["Phase", (r) => r.phaseName],
  ["Step", (r) => r.stepName],
  ["Channels", (r) => r.channels.join("; ")],
  ["Personas", (r) => r.personas.join("; ")],
  ["Rating", (r) => r.rating],
  ["Status", (r) => r.status],
  ["Owner", (r) => r.owner],
  ["Evidence", (r) => r.evidenceCount],
  ["Library opportunity", (r) => r.libraryOpportunityId ?? ""],
  ["Map id", (r) => r.mapId],
  ["Card id", (r) => r.cardId],
];

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number): string {
  const text = String(value);
  const safe = typeof value === "string" && FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function cardsCsv(rows: readonly LibraryCardRow[]): string {
  const lines = [COLUMNS.map(([name]) => csvCell(name)).join(",")];
  for (const row of rows) lines.push(COLUMNS.map(([, cell]) => csvCell(cell(row))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
