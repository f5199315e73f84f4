/**
 * A metric CSV as rows for resolveMetricRows (pure): the header names the columns in any case
 * or spacing (METRIC_CSV_COLUMNS), unknown columns are reported, not fatal.
 */
import { METRIC_CSV_COLUMNS, MAX_METRIC_ROWS } from "@journeymap/protocol/http";
import { CsvError, type MetricRow, parseCsv } from "@journeymap/schema";

type Column = keyof typeof METRIC_CSV_COLUMNS;

export interface MetricCsv {
  readonly rows: readonly MetricRow[];
  readonly ignoredColumns: readonly string[];
}

const normalise = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");

function columnOf(name: string): Column | null {
  const entry = Object.entries(METRIC_CSV_COLUMNS).find(([, names]) =>
    (names as readonly string[]).includes(normalise(name)),
  );
  return entry ? (entry[0] as Column) : null;
}

export function readMetricCsv(text: string): MetricCsv {
  const [header, ...body] = parseCsv(text).filter((cells) => cells.some((c) => c.trim() !== ""));
  if (!header) throw new CsvError("The file is empty");
  const columns = header.map(columnOf);
  for (const needed of ["step", "value"] as const) {
    if (!columns.includes(needed) && !(needed === "value" && columns.includes("target"))) {
      throw new CsvError(
        `The header needs a ${needed} column (one of: ${METRIC_CSV_COLUMNS[needed].join(", ")})`,
      );
    }
  }
  if (body.length > MAX_METRIC_ROWS) {
    throw new CsvError(`At most ${MAX_METRIC_ROWS} rows per import (got ${body.length})`);
  }
  const rows = body.map((cells) => {
    const values: Partial<Record<Column, string>> = {};
    columns.forEach((column, i) => {
      if (column) values[column] = cells[i]?.trim() ?? "";
    });
    return {
      step: values.step ?? "",
      lane: values.lane,
      value: values.value,
      target: values.target,
      date: values.date,
    };
  });
  const ignoredColumns = header.filter((_, i) => columns[i] === null).map((n) => n.slice(0, 60));
  return { rows, ignoredColumns };
}
