/**
 * A Mermaid `journey` diagram: `title`, `section` → phases, `Task: score: Actor, Actor` →
 * touchpoints, actors → personas, scores 1–5 → −3..+3 (fromFivePointScore). Comments (%%),
 * accessibility lines and YAML front matter (its title aside) are skipped. Each bad line is reported with its line number.
 */
import type { TemplatePhase, TemplateTouchpoint } from "../templates/Template.ts";
import { readFrontMatter } from "./frontMatter.ts";
import type { ImportIssue, ImportPreview } from "./ImportPreview.ts";
import { fromFivePointScore, snapshotFromOutline } from "./outline.ts";
import { capIssues, quote } from "./untrustedText.ts";

const MAX_LINES = 5000;
/** As many as a CSV import's rows (MAX_CSV_ROWS), for the same reason. */
export const MAX_MERMAID_TASKS = 1000;
const MAX_TEXT = 500;
/**
 * Longer lines are refused before they are parsed: a task with 20 long actor names fits, and
 * no line costs more than this much work (one of 128 KiB once took a regex ten seconds).
 */
export const MAX_MERMAID_LINE = 4000;
const MAX_ACTORS = 20;
/** Tasks before the first section go here (Mermaid draws them without a section). */
const DEFAULT_SECTION = "Journey";

/**
 * `Task : score : Actor, Actor` split at its first two colons (the actors may hold more); the
 * name takes at least one character, so ":Odd: 3" names the task ":Odd". Plain string search
 * on purpose: the regex this replaces backtracked quadratically on long lines without a colon.
 */
function splitTask(line: string): { name: string; score: string; actors: string } | null {
  const first = line.indexOf(":", 1);
  if (first === -1) return null;
  const second = line.indexOf(":", first + 1);
  return {
    name: line.slice(0, first).trim(),
    score: line.slice(first + 1, second === -1 ? undefined : second).trim(),
    actors: second === -1 ? "" : line.slice(second + 1),
  };
}

export function parseMermaidJourney(text: string): ImportPreview {
  const fail = (message: string, line?: number): ImportPreview => ({
    kind: "mermaid",
    snapshot: null,
    errors: [{ path: "", message, ...(line !== undefined ? { line } : {}) }],
    notes: [],
  });
  const lines = text.replace(/^\ufeff/, "").split(/\r\n|\r|\n/);
  if (lines.length > MAX_LINES) return fail(`more than ${MAX_LINES} lines`);
  const frontMatter = readFrontMatter(lines);
  if (frontMatter === "unclosed") return fail("the front matter (---) is never closed", 1);
  const first = lines.findIndex(
    (l, i) => i >= (frontMatter?.end ?? 0) && l.trim() !== "" && !l.trim().startsWith("%%"),
  );
  if (first === -1) return fail("the file is empty");
  if (lines[first]!.trim() !== "journey") {
    return fail(
      `a Mermaid journey starts with "journey" (found ${quote(lines[first]!.trim())})`,
      first + 1,
    );
  }

  const errors: ImportIssue[] = [];
  let title = frontMatter?.title.slice(0, MAX_TEXT) ?? "";
  const actors: string[] = [];
  const phases: {
    name: string;
    touchpoints: (TemplateTouchpoint & { scores: Map<number, number> })[];
  }[] = [];
  let rescaled = false;
  let tasks = 0;
  for (let i = first + 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const lineNo = i + 1;
    if (line.length > MAX_MERMAID_LINE) {
      errors.push({
        path: "",
        line: lineNo,
        message: `longer than ${MAX_MERMAID_LINE} characters`,
      });
      continue;
    }
    if (line === "" || line.startsWith("%%")) continue;
    if (/^acc(Title|Descr)\b/.test(line)) continue;
    const keyword = /^(title|section)\s+(.*)$/.exec(line);
    if (keyword) {
      const value = keyword[2]!.trim();
      if (value.length > MAX_TEXT) {
        errors.push({ path: "", line: lineNo, message: `longer than ${MAX_TEXT} characters` });
      } else if (keyword[1] === "title") title = value;
      else phases.push({ name: value, touchpoints: [] });
      continue;
    }
    const task = splitTask(line);
    if (!task) {
      errors.push({
        path: "",
        line: lineNo,
        message: `expected "section Name" or "Task: score: Actor, Actor", found ${quote(line, 60)}`,
      });
      continue;
    }
    const { name } = task;
    const score = Number(task.score);
    if (task.score === "" || !Number.isInteger(score) || score < 1 || score > 5) {
      errors.push({
        path: "",
        line: lineNo,
        message: `the score ${quote(task.score)} of ${quote(name, 60)} is not a whole number from 1 to 5`,
      });
      continue;
    }
    if (name.length > MAX_TEXT) {
      errors.push({
        path: "",
        line: lineNo,
        message: `the task name is longer than ${MAX_TEXT} characters`,
      });
      continue;
    }
    const taskActors = task.actors
      .split(",")
      .map((a) => a.trim())
      .filter((a) => a !== "");
    const scores = new Map<number, number>();
    for (const actor of taskActors.length > 0 ? taskActors : ["Customer"]) {
      let index = actors.indexOf(actor);
      if (index === -1) {
        if (actors.length >= MAX_ACTORS) {
          errors.push({ path: "", line: lineNo, message: `more than ${MAX_ACTORS} actors` });
          continue;
        }
        index = actors.push(actor.slice(0, MAX_TEXT)) - 1;
      }
      const mapped = fromFivePointScore(score);
      scores.set(index, mapped);
      rescaled = true;
    }
    if (++tasks > MAX_MERMAID_TASKS) return fail(`more than ${MAX_MERMAID_TASKS} tasks`, lineNo);
    if (phases.length === 0) phases.push({ name: DEFAULT_SECTION, touchpoints: [] });
    phases.at(-1)!.touchpoints.push({ name, channel: "custom", scores });
  }
  if (errors.length === 0 && phases.every((p) => p.touchpoints.length === 0)) {
    return fail("the journey has no tasks");
  }
  const outline: TemplatePhase[] = phases.map((p) => ({
    name: p.name,
    touchpoints: p.touchpoints.map(({ scores, ...t }) => {
      // Sparse on purpose: the seeder skips personas that did not take part in a task.
      const emotions: number[] = [];
      for (const [index, s] of scores) emotions[index] = s;
      return { ...t, emotions };
    }),
  }));
  const snapshot =
    outline.length === 0
      ? null
      : snapshotFromOutline({
          id: "import-mermaid",
          name: "Mermaid import",
          summary: "",
          title: title || "Imported journey",
          scenario: "",
          personas: actors.map((name) => ({ name })),
          phases: outline,
        });
  return {
    kind: "mermaid",
    snapshot,
    errors: capIssues(errors),
    notes: rescaled ? ["Mermaid scores 1–5 were mapped onto −3..+3 (3 is neutral)."] : [],
  };
}
