/**
 * CSV of touchpoints, one row each: phase, touchpoint, channel, action, emotion score, pain
 * point. Header names are matched loosely (case, spaces and punctuation ignored; a few
 * synonyms). Rows keep file order; phases appear in the order first seen. Every bad row is
 * reported with its spreadsheet row number, and the preview still shows the good rows.
 */
import { CSV_LIMITS, CsvError, parseCsv } from "../talk/csv.ts";
import type { TemplatePhase, TemplateTouchpoint } from "../templates/Template.ts";
import { EMOTION_MAX, EMOTION_MIN } from "../vocabulary.ts";
import { channelKind } from "../records/channelList.ts";
import { channelsFromText } from "./channels.ts";
import { type CsvColumn, columnNotes, columnsOf, namesOf } from "./csvColumns.ts";
import { EMOTION_WORD_CHOICES, emotionFromWord } from "./emotionWords.ts";
import type { ImportIssue, ImportPreview } from "./ImportPreview.ts";
import { snapshotFromOutline } from "./outline.ts";
import { capIssues, quote } from "./untrustedText.ts";

/**
 * Far more than a journey map holds: a bigger file is a mistake (or an attack). Seeding costs
 * grow faster than the row count (about 1 s of a worker's time for 1,000 rows).
 */
export const MAX_CSV_ROWS = 1000;
const MAX_TEXT = 500;
const TEXT_COLUMNS = [
  "phase",
  "touchpoint",
  "action",
  "actions",
  "thoughts",
  "painPoint",
  "opportunity",
] as const;

/** A score ("+2", "-1") or an emotion word ("Frustrated"); undefined when neither. */
function readEmotion(raw: string): { score: number | null; word: boolean } | undefined {
  if (raw === "") return { score: null, word: false };
  const score = Number(raw.replace(/^\+/, "").replace("\u2212", "-"));
  if (Number.isInteger(score) && score >= EMOTION_MIN && score <= EMOTION_MAX) {
    return { score, word: false };
  }
  const fromWord = emotionFromWord(raw);
  return fromWord === null ? undefined : { score: fromWord, word: true };
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
  const personaName = options.personaName?.trim() || "Customer";
  const missing = (["phase", "touchpoint"] as const).filter((c) => !columns.has(c));
  if (missing.length > 0) {
    return fail(
      `the header row needs a ${missing.join(" and a ")} column (found: ${namesOf(header)})`,
      1,
    );
  }
  if (body.length === 0) return fail("no rows below the header");

  const errors: ImportIssue[] = [];
  let wordsRead = false;
  const phases = new Map<string, { name: string; touchpoints: TemplateTouchpoint[] }>();
  body.forEach((cells, i) => {
    const row = i + 2; // the header is row 1
    const get = (c: CsvColumn) => {
      const index = columns.get(c);
      return index === undefined ? "" : (cells[index] ?? "").trim();
    };
    const problems: string[] = [];
    const phase = get("phase");
    const name = get("touchpoint");
    if (phase === "") problems.push("the phase is empty");
    if (name === "") problems.push("the touchpoint is empty");
    for (const c of TEXT_COLUMNS) {
      if (get(c).length > MAX_TEXT) problems.push(`the ${c} is longer than ${MAX_TEXT} characters`);
    }
    // Several channels per cell, and names of channels the app has no icon for, are kept.
    const channels = channelsFromText(get("channel"));
    if ("error" in channels) problems.push(channels.error);
    const rawScore = get("emotion");
    const emotion = readEmotion(rawScore);
    if (emotion === undefined && /^[+\-\u2212]?[\d.]+$/.test(rawScore)) {
      problems.push(
        `the emotion score ${quote(rawScore)} is not a whole number from ${EMOTION_MIN} to +${EMOTION_MAX}`,
      );
    } else if (emotion === undefined) {
      problems.push(
        `the emotion ${quote(rawScore)} is not a score from ${EMOTION_MIN} to +${EMOTION_MAX} or a known word (${EMOTION_WORD_CHOICES})`,
      );
    } else if (emotion.word) {
      wordsRead = true;
    }
    if (problems.length > 0) {
      for (const message of problems) errors.push({ path: "", row, message });
      return;
    }
    const key = phase.toLowerCase();
    if (!phases.has(key)) phases.set(key, { name: phase, touchpoints: [] });
    const pain = get("painPoint");
    const opportunity = get("opportunity");
    const score = emotion!.score;
    phases.get(key)!.touchpoints.push({
      name,
      ...("channels" in channels && channels.channels.length > 0
        ? { channel: channelKind(channels.channels[0]!), channels: channels.channels }
        : { channel: "custom" as const }),
      action: get("action"),
      actions: get("actions"),
      thoughts: get("thoughts"),
      ...(score !== null ? { emotions: [score] } : {}),
      ...(pain ? { painPoints: [{ title: pain }] } : {}),
      ...(opportunity ? { opportunities: [{ title: opportunity }] } : {}),
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
          personas: [{ name: personaName }],
          phases: outline,
        });
  const notes = columnNotes(header, columns, personaName);
  if (wordsRead)
    notes.push("Emotion words were read on the −3..+3 scale (docs/format.md lists them).");
  return { kind: "csv", snapshot, errors: capIssues(errors), notes };
}
