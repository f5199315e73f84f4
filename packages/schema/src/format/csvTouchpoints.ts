/**
 * CSV of touchpoints, one row each: phase, touchpoint, channel, action, emotion score, pain
 * point. Header names are matched loosely (case, spaces and punctuation ignored; a few
 * synonyms). Rows keep file order; phases appear in the order first seen. Every bad row is
 * reported with its spreadsheet row number, and the preview still shows the good rows.
 */
import { CSV_LIMITS, CsvError, parseCsv } from "../talk/csv.ts";
import type { TemplatePhase, TemplateTouchpoint } from "../templates/Template.ts";
import { EMOTION_MAX, EMOTION_MIN } from "../vocabulary.ts";
import { CHANNEL_CHOICES, channelFromText } from "./channels.ts";
import type { ImportIssue, ImportPreview } from "./ImportPreview.ts";
import { snapshotFromOutline } from "./outline.ts";
import { capIssues, quote } from "./untrustedText.ts";

export const CSV_TOUCHPOINT_COLUMNS = {
  phase: ["phase", "stage"],
  touchpoint: ["touchpoint", "step", "name", "task"],
  channel: ["channel"],
  action: ["action", "customer action", "doing"],
  emotion: ["emotion score", "emotion", "score", "feeling"],
  painPoint: ["pain point", "pain", "painpoint", "problem"],
} as const;
type Column = keyof typeof CSV_TOUCHPOINT_COLUMNS;

/**
 * Far more than a journey map holds: a bigger file is a mistake (or an attack). Seeding costs
 * grow faster than the row count (about 1 s of a worker's time for 1,000 rows).
 */
export const MAX_CSV_ROWS = 1000;
const MAX_TEXT = 500;
/** Header names listed when the needed columns are missing. */
const MAX_NAMES_LISTED = 8;

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

function columnsOf(header: readonly string[]): Map<Column, number> {
  const out = new Map<Column, number>();
  header.forEach((name, index) => {
    const key = squash(name);
    for (const [column, names] of Object.entries(CSV_TOUCHPOINT_COLUMNS) as [
      Column,
      readonly string[],
    ][]) {
      if (!out.has(column) && names.some((n) => squash(n) === key)) out.set(column, index);
    }
  });
  return out;
}

/** The first few header names, each cut short: the header may be hostile. */
function namesOf(header: readonly string[]): string {
  if (header.every((name) => name === "")) return "nothing";
  const listed = header.slice(0, MAX_NAMES_LISTED).map((name) => quote(name, 20));
  const more = header.length - listed.length;
  return more > 0 ? `${listed.join(", ")} and ${more} more` : listed.join(", ");
}

export interface CsvImportOptions {
  readonly title?: string;
  /** The persona the emotion scores belong to. */
  readonly personaName?: string;
}

export function parseTouchpointCsv(text: string, options: CsvImportOptions = {}): ImportPreview {
  const fail = (message: string, row?: number): ImportPreview => ({
    kind: "csv",
    snapshot: null,
    errors: [{ path: "", message, ...(row !== undefined ? { row } : {}) }],
    notes: [],
  });
  let rows: string[][];
  try {
    rows = parseCsv(text, { ...CSV_LIMITS, maxRows: MAX_CSV_ROWS });
  } catch (error) {
    return fail(error instanceof CsvError ? error.message : "the file is not CSV");
  }
  const [header, ...body] = rows;
  if (!header) return fail("the file is empty");
  const columns = columnsOf(header);
  const missing = (["phase", "touchpoint"] as const).filter((c) => !columns.has(c));
  if (missing.length > 0) {
    return fail(
      `the header row needs a ${missing.join(" and a ")} column (found: ${namesOf(header)})`,
      1,
    );
  }
  if (body.length === 0) return fail("no rows below the header");

  const errors: ImportIssue[] = [];
  const phases = new Map<string, { name: string; touchpoints: TemplateTouchpoint[] }>();
  body.forEach((cells, i) => {
    const row = i + 2; // the header is row 1
    const get = (c: Column) => {
      const index = columns.get(c);
      return index === undefined ? "" : (cells[index] ?? "").trim();
    };
    const problems: string[] = [];
    const phase = get("phase");
    const name = get("touchpoint");
    if (phase === "") problems.push("the phase is empty");
    if (name === "") problems.push("the touchpoint is empty");
    for (const c of ["phase", "touchpoint", "action", "painPoint"] as const) {
      if (get(c).length > MAX_TEXT) problems.push(`the ${c} is longer than ${MAX_TEXT} characters`);
    }
    const channel = channelFromText(get("channel"));
    if (channel === null) {
      problems.push(`unknown channel ${quote(get("channel"))} (one of: ${CHANNEL_CHOICES})`);
    }
    const rawScore = get("emotion");
    const score = rawScore === "" ? null : Number(rawScore.replace(/^\+/, ""));
    if (
      score !== null &&
      (!Number.isInteger(score) || score < EMOTION_MIN || score > EMOTION_MAX)
    ) {
      problems.push(
        `the emotion score ${quote(rawScore)} is not a whole number from ${EMOTION_MIN} to +${EMOTION_MAX}`,
      );
    }
    if (problems.length > 0) {
      for (const message of problems) errors.push({ path: "", row, message });
      return;
    }
    const key = phase.toLowerCase();
    if (!phases.has(key)) phases.set(key, { name: phase, touchpoints: [] });
    const pain = get("painPoint");
    phases.get(key)!.touchpoints.push({
      name,
      channel: channel!,
      action: get("action"),
      ...(score !== null ? { emotions: [score] } : {}),
      ...(pain ? { painPoints: [{ title: pain }] } : {}),
    });
  });
  const outline: TemplatePhase[] = [...phases.values()];
  const snapshot =
    outline.length === 0
      ? null
      : snapshotFromOutline({
          id: "import-csv",
          name: "CSV import",
          summary: "",
          title: options.title?.trim() || "Imported journey",
          scenario: "",
          personas: [{ name: options.personaName?.trim() || "Customer" }],
          phases: outline,
        });
  return { kind: "csv", snapshot, errors: capIssues(errors), notes: [] };
}
