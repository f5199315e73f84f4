/**
 * The rows of an evidence CSV checked against the map (pure): each row's submission or its
 * errors, and why a row is not imported. Nothing is skipped without a reason the person
 * importing can read: errors, a key already used, a key repeated in the file.
 */
import { type CsvTable, MAX_IDEMPOTENCY_KEY } from "@journeymap/schema";
import { formatIssues, SubmissionBody } from "@journeymap/protocol/http";

export interface CheckedRow {
  /** Line in the file; the header is row 1. */
  readonly row: number;
  readonly key: string | null;
  readonly body: SubmissionBody | null;
  readonly errors: readonly string[];
}

/** Characters of a key echoed back in a reason. */
const MAX_KEY_SHOWN = 60;

export const SKIPPED = {
  errors: "it has errors",
  used: (key: string) => `already imported (key ${JSON.stringify(key.slice(0, MAX_KEY_SHOWN))})`,
  repeated: (row: number) => `the same key as row ${row}`,
} as const;

/**
 * Each row validated as one submission; `touchpoints` maps ids and lower-cased step names to
 * ids, so a file may name the step.
 */
export function checkRows(table: CsvTable, touchpoints: ReadonlyMap<string, string>): CheckedRow[] {
  return table.rows.map(({ row, values }) => {
    const errors: string[] = [];
    let touchpointId: string | null = null;
    if (values.touchpoint) {
      touchpointId =
        touchpoints.get(values.touchpoint) ??
        touchpoints.get(values.touchpoint.toLowerCase()) ??
        null;
      if (!touchpointId)
        errors.push(`touchpoint: no step named or with id "${values.touchpoint.slice(0, 60)}"`);
    }
    const key = values.key ?? null;
    if (key !== null && key.length > MAX_IDEMPOTENCY_KEY)
      errors.push(`key: at most ${MAX_IDEMPOTENCY_KEY} characters`);
    const sentiment = values.sentiment === undefined ? null : Number(values.sentiment);
    const parsed = SubmissionBody.safeParse({
      text: values.text ?? "",
      kind: values.kind ? normaliseKind(values.kind) : undefined,
      source: values.source,
      url: values.url,
      touchpointId,
      sentiment,
      contributor: values.contributor ?? "",
      team: values.team,
    });
    if (!parsed.success) errors.unshift(formatIssues(parsed.error));
    return { row, key, body: parsed.success ? parsed.data : null, errors };
  });
}

/** Valid rows whose key an earlier valid row of the file has, each to that earlier row. */
export function repeatedKeys(rows: readonly CheckedRow[]): Map<number, number> {
  const first = new Map<string, number>();
  const repeats = new Map<number, number>();
  for (const { row, key, errors } of rows) {
    if (key === null || errors.length > 0) continue;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, row);
    else repeats.set(row, earlier);
  }
  return repeats;
}

/** Why a row is not imported, or undefined when it is; `used`: its key names an item already. */
export function skipReason(
  row: CheckedRow,
  repeats: ReadonlyMap<number, number>,
  used: boolean,
): string | undefined {
  if (row.errors.length > 0) return SKIPPED.errors;
  const earlier = repeats.get(row.row);
  if (earlier !== undefined) return SKIPPED.repeated(earlier);
  return used && row.key !== null ? SKIPPED.used(row.key) : undefined;
}

/** Spreadsheet spellings of the kinds ("Call note", "call_note") to the API's. */
function normaliseKind(kind: string): string {
  const k = kind
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
  return k === "callnote" ? "callNote" : k;
}
