/**
 * H2: every parser of uploaded text runs in time linear in its input, checks line, column,
 * field and depth limits before the costly work, and answers with short errors that never
 * echo unbounded input. One time bound for all: far above what the linear code needs (a few ms
 * quiet; 200–340 ms were seen on a loaded 2-core CI machine, which failed a 200 ms bound) and
 * far below what quadratic code takes on these inputs (10^10 and more steps: tens of seconds).
 */
import { describe, expect, it } from "vitest";
import {
  describeIssue,
  detectImportKind,
  type ImportPreview,
  MAX_CSV_ROWS,
  MAX_MERMAID_TASKS,
  parseMermaidJourney,
  parseTouchpointCsv,
  readMapFile,
} from "../src/format/index.ts";
import { CsvError, csvTable, parseCsv } from "../src/talk/csv.ts";

/** See the file's comment: linear code stays far under it on any machine, quadratic code never does. */
const LINEAR_BUDGET_MS = 2_000;

function timed<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

/** Everything the preview would send back to the client. */
const replySize = (preview: ImportPreview) => JSON.stringify(preview.errors).length;

const MANY_COLUMNS = Array.from({ length: 1_000_000 }, (_, i) => `c${i % 10}`).join(",");
const SPACES = " ".repeat(128 * 1024);

describe("H2 Mermaid", () => {
  it("H2: a task line of A, 128 KiB of spaces and B is refused", () => {
    const { result, ms } = timed(() => parseMermaidJourney(`journey\nA${SPACES}B`));
    expect(ms).toBeLessThan(LINEAR_BUDGET_MS);
    expect(result.snapshot).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(describeIssue(result.errors[0]!)).toMatch(/^line 2: .*longer than \d+ characters/);
  });

  it("H2: a long line of spaces around a colon is refused", () => {
    const { result, ms } = timed(() => parseMermaidJourney(`journey\nA${SPACES}:${SPACES}3`));
    expect(ms).toBeLessThan(LINEAR_BUDGET_MS);
    expect(result.errors[0]?.message).toMatch(/longer than \d+ characters/);
  });

  it("H2: a bad score is quoted shortly, and a flood of bad lines gives a bounded list", () => {
    const score = `9${"x".repeat(4000)}`;
    const one = parseMermaidJourney(`journey\nTask: ${score}: Ana`);
    expect(one.errors[0]!.message.length).toBeLessThan(300);
    const lines = Array.from({ length: 4999 }, (_, i) => `Task ${i}: ${score.slice(0, 1000)}`);
    const { result, ms } = timed(() => parseMermaidJourney(`journey\n${lines.join("\n")}`));
    expect(ms).toBeLessThan(LINEAR_BUDGET_MS);
    expect(result.errors.length).toBeLessThanOrEqual(51);
    expect(result.errors.at(-1)!.message).toMatch(/more problems/);
    expect(replySize(result)).toBeLessThan(20_000);
  });

  it("H2: more tasks than MAX_MERMAID_TASKS are refused before seeding a map from them", () => {
    const tasks = Array.from({ length: MAX_MERMAID_TASKS + 1 }, (_, i) => `Task ${i}: 3`);
    const { result, ms } = timed(() => parseMermaidJourney(`journey\n${tasks.join("\n")}`));
    expect(ms).toBeLessThan(LINEAR_BUDGET_MS);
    expect(describeIssue(result.errors[0]!)).toBe(
      `line ${MAX_MERMAID_TASKS + 2}: more than ${MAX_MERMAID_TASKS} tasks`,
    );
  });

  it("H2: legitimate journeys still parse, tasks with colons in the actor list included", () => {
    const preview = parseMermaidJourney(
      "journey\n  title Buy\n  section Find\n    Search : 5 : Ana, Bo\n    :Odd: 3\n",
    );
    expect(preview.errors).toEqual([]);
    const touchpoints = preview.snapshot!.touchpoints;
    expect(touchpoints.map((t) => t.name)).toEqual(["Search", ":Odd"]);
  });

  it("H2: detecting the kind of a long run of comments is quick", () => {
    const text = `${"%% note\n".repeat(400_000)}journey\n`;
    const { result, ms } = timed(() => detectImportKind(text));
    expect(result).toBe("mermaid");
    expect(ms).toBeLessThan(LINEAR_BUDGET_MS);
  });
});

describe("H2 CSV", () => {
  it("H2: a 1,000,000-column touchpoint header is refused with an error under 300 characters", () => {
    const { result, ms } = timed(() => parseTouchpointCsv(`${MANY_COLUMNS}\nx,y\n`));
    expect(ms).toBeLessThan(LINEAR_BUDGET_MS);
    expect(result.snapshot).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(describeIssue(result.errors[0]!).length).toBeLessThan(300);
    expect(result.errors[0]!.message).toMatch(/more than \d+ columns/);
  });

  it("H2: a 1,000,000-column contribution header is refused with a short error", () => {
    const { result, ms } = timed(() => {
      try {
        csvTable(`text,${MANY_COLUMNS}\nhello\n`);
        return null;
      } catch (error) {
        return error;
      }
    });
    expect(ms).toBeLessThan(LINEAR_BUDGET_MS);
    expect(result).toBeInstanceOf(CsvError);
    expect((result as CsvError).message.length).toBeLessThan(300);
    expect((result as CsvError).message).toMatch(/more than \d+ columns/);
  });

  it("H2: a 4 MiB field is refused without being echoed", () => {
    const { result, ms } = timed(() =>
      parseTouchpointCsv(`phase,touchpoint\n"${"a".repeat(4 << 20)}",x`),
    );
    expect(ms).toBeLessThan(LINEAR_BUDGET_MS);
    expect(result.errors[0]!.message).toMatch(/longer than \d+ characters/);
    expect(replySize(result)).toBeLessThan(300);
  });

  it("H2: rows past the limit stop the parser, and each row's problems quote values shortly", () => {
    const rows = Array.from({ length: MAX_CSV_ROWS * 20 }, () => "p,t");
    const { result, ms } = timed(() => parseTouchpointCsv(`phase,touchpoint\n${rows.join("\n")}`));
    expect(ms).toBeLessThan(LINEAR_BUDGET_MS);
    expect(result.errors[0]!.message).toBe(`more than ${MAX_CSV_ROWS} rows`);
    const channel = "z".repeat(5000);
    const bad = Array.from({ length: 500 }, () => `p,t,${channel},+9${"9".repeat(3000)}`);
    const preview = parseTouchpointCsv(`phase,touchpoint,channel,emotion\n${bad.join("\n")}`);
    expect(preview.errors.length).toBeLessThanOrEqual(51);
    expect(preview.errors.every((e) => e.message.length < 300)).toBe(true);
  });

  it("H2: a header without the needed columns names only a few of the found ones", () => {
    const header = Array.from({ length: 60 }, (_, i) => `${"long name ".repeat(20)}${i}`);
    const preview = parseTouchpointCsv(`${header.join(",")}\nx`);
    expect(describeIssue(preview.errors[0]!).length).toBeLessThan(300);
  });

  it("H2: quoted fields, doubled quotes and newlines inside quotes still parse", () => {
    expect(parseCsv('\ufeffa,"b ""c""",d\r\n"x\ny",,z\n\n')).toEqual([
      ["a", 'b "c"', "d"],
      ["x\ny", "", "z"],
    ]);
    expect(() => parseCsv('a,"open')).toThrow(CsvError);
  });
});

describe("H2 JSON", () => {
  it("H2: a 2,000,000-deep JSON file is refused, before parsing", () => {
    const deep = `{"a":${"[".repeat(2_000_000)}${"]".repeat(2_000_000)}}`;
    const { result, ms } = timed(() => readMapFile(deep));
    expect(ms).toBeLessThan(LINEAR_BUDGET_MS);
    expect(result.errors[0]!.message).toMatch(/nested deeper than \d+ levels/);
  });

  it("H2: brackets inside strings do not count as nesting", () => {
    const text = JSON.stringify({ format: "nope", note: "[".repeat(10_000) });
    expect(readMapFile(text).errors[0]!.path).toBe("format");
  });
});
