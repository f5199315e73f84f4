import {
  builtInLaneId,
  emotionKey,
  type EmotionPoint,
  type Lane,
  type LaneId,
  type Persona,
  type PersonaId,
  type Touchpoint,
  type TouchpointId,
} from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import { curveSummary } from "../../../src/views/table/curveText.ts";
import { navigate } from "../../../src/views/table/gridNavigation.ts";
import { describeScore, formatScore, parseScore } from "../../../src/views/scores.ts";
import { editKindOf, tableColumns } from "../../../src/views/table/tableColumns.ts";

const lane = (kind: Lane["kind"], extra: Partial<Lane> = {}): Lane => ({
  id: (kind === "text" ? "lane-x" : builtInLaneId(kind)) as LaneId,
  key: "a",
  kind,
  name: kind,
  hidden: false,
  type: "text",
  unit: "",
  preset: "",
  values: new Map(),
  ...extra,
});
const persona = (id: string, name: string): Persona =>
  ({ id: id as PersonaId, name, colour: "#0072b2" }) as Persona;
const step = (id: string, name: string): Touchpoint =>
  ({ id: id as TouchpointId, name }) as Touchpoint;

describe("table columns", () => {
  const lanes = [
    lane("actions"),
    lane("channels"),
    lane("thoughts", { hidden: true }),
    lane("emotions"),
    lane("painPoints"),
    lane("text", { name: "Notes" }),
  ];
  const personas = [persona("p1", "Ana"), persona("p2", "Ben"), persona("p3", "Cy")];

  it("puts the step's fields first, then visible lanes in order, a score column per shown persona", () => {
    const columns = tableColumns(lanes, personas, new Set(["p2"]));
    expect(columns.map((c) => c.key)).toEqual([
      "phase",
      "name",
      "action",
      "channel",
      "team",
      "cell:lane-actions",
      "emotion:p1",
      "emotion:p3",
      "cards:lane-painPoints",
      "cell:lane-x",
    ]);
    expect(columns.find((c) => c.key === "emotion:p1")?.label).toBe("Ana: feeling");
  });

  it("edits fields as lines, cells as text, channels from a list, scores as numbers, cards not at all", () => {
    const kinds = Object.fromEntries(
      tableColumns(lanes, personas, new Set()).map((c) => [c.key, editKindOf(c)]),
    );
    expect(kinds).toMatchObject({
      phase: null,
      name: "line",
      channel: "channel",
      "cell:lane-actions": "text",
      "emotion:p1": "score",
      "cards:lane-painPoints": null,
    });
  });
});

describe("grid navigation", () => {
  const size = { rows: 20, cols: 6 };
  const at = { row: 5, col: 2 };
  it("moves one cell with arrows and stops at the edges", () => {
    expect(navigate(at, "ArrowDown", false, size)).toEqual({ row: 6, col: 2 });
    expect(navigate(at, "ArrowLeft", false, size)).toEqual({ row: 5, col: 1 });
    expect(navigate({ row: 0, col: 0 }, "ArrowUp", false, size)).toEqual({ row: 0, col: 0 });
    expect(navigate({ row: 19, col: 5 }, "ArrowRight", false, size)).toEqual({ row: 19, col: 5 });
  });
  it("goes to the row's ends with Home/End and the grid's ends with Ctrl", () => {
    expect(navigate(at, "Home", false, size)).toEqual({ row: 5, col: 0 });
    expect(navigate(at, "End", false, size)).toEqual({ row: 5, col: 5 });
    expect(navigate(at, "Home", true, size)).toEqual({ row: 0, col: 0 });
    expect(navigate(at, "End", true, size)).toEqual({ row: 19, col: 5 });
  });
  it("pages by ten rows, clamped", () => {
    expect(navigate(at, "PageDown", false, size)).toEqual({ row: 15, col: 2 });
    expect(navigate(at, "PageUp", false, size)).toEqual({ row: 0, col: 2 });
  });
  it("ignores other keys and empty grids", () => {
    expect(navigate(at, "a", false, size)).toBeNull();
    expect(navigate(at, "ArrowDown", false, { rows: 0, cols: 3 })).toBeNull();
  });
});

describe("scores", () => {
  it("formats with a real minus sign and the scale's label", () => {
    expect(formatScore(-2)).toBe("\u22122");
    expect(formatScore(3)).toBe("+3");
    expect(describeScore(0)).toBe("0 Neutral");
    expect(describeScore(-3)).toBe("\u22123 Very negative");
  });
  it("parses what people type, including a typographic minus", () => {
    expect(parseScore(" -2 ")).toEqual({ ok: true, score: -2 });
    expect(parseScore("\u22123")).toEqual({ ok: true, score: -3 });
    expect(parseScore("+1")).toEqual({ ok: true, score: 1 });
    expect(parseScore("-0")).toEqual({ ok: true, score: 0 });
    expect(parseScore("")).toEqual({ ok: true, score: null });
  });
  it("says what is wrong with a bad score", () => {
    const off = parseScore("5");
    expect(off.ok).toBe(false);
    if (!off.ok) expect(off.error).toMatch(/\+5 is off the scale/);
    const text = parseScore("2.5");
    expect(text.ok).toBe(false);
    if (!text.ok) expect(text.error).toMatch(/not a whole number/);
    expect(parseScore("abc").ok).toBe(false);
  });
});

describe("curve in words", () => {
  const steps = [step("t1", "Sign up"), step("t2", "Invite"), step("t3", "Pay"), step("t4", "Use")];
  const point = (p: string, t: string, score: number): [string, EmotionPoint] => [
    emotionKey(p, t),
    { personaId: p as PersonaId, touchpointId: t as TouchpointId, score, note: "" },
  ];
  it("names the start, the lowest and highest points with their steps, and the end", () => {
    const emotions = new Map([point("p1", "t1", 1), point("p1", "t2", -2), point("p1", "t4", 1)]);
    expect(curveSummary(persona("p1", "Ana"), steps, emotions)).toBe(
      "Ana: starts at +1 Slightly positive (Sign up); lowest \u22122 Negative at Invite; " +
        "highest +1 Slightly positive at Sign up and Use; ends at +1 Slightly positive (Use). " +
        "3 of 4 steps scored.",
    );
  });
  it("says when nothing is scored", () => {
    expect(curveSummary(persona("p2", "Ben"), steps, new Map())).toBe(
      "Ben: no feelings scored yet.",
    );
  });
});
