/**
 * Files made by other tools, in the shape people really have them (docs/examples): a journey
 * map kept in a spreadsheet with words for emotions and more columns than a touchpoint list,
 * and a Mermaid journey with YAML front matter. Nothing may be dropped without saying so.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  detectImportKind,
  emotionFromWord,
  isImportable,
  parseMermaidJourney,
  parseTouchpointCsv,
} from "../src/format/index.ts";

const example = (name: string) =>
  readFileSync(new URL(`../../../docs/examples/${name}`, import.meta.url), "utf8");

describe("a journey-map CSV from a spreadsheet", () => {
  const preview = parseTouchpointCsv(example("journey-map.csv"));
  const map = preview.snapshot!;
  const lane = (kind: string) => map.lanes.find((l) => l.kind === kind)!.id;
  const cellsOf = (kind: string) =>
    map.cells.filter((c) => c.laneId === lane(kind)).map((c) => JSON.stringify(c.content));

  it("imports, with emotion words on the documented scale", () => {
    expect(preview.errors).toEqual([]);
    expect(isImportable(preview)).toBe(true);
    expect(map.phases.map((p) => p.name)).toEqual([
      "Awareness",
      "Consideration",
      "Purchase",
      "Delivery",
      "Return",
    ]);
    expect(map.emotions.map((e) => e.score)).toEqual([1, 0, -2, 2, -1, -3, 3]);
  });

  it("puts actions and thoughts in their lanes, pain points and opportunities on cards", () => {
    expect(cellsOf("actions")).toHaveLength(7);
    expect(cellsOf("actions")[0]).toContain("Taps the ad for running shoes");
    expect(cellsOf("thoughts")).toHaveLength(7);
    expect(cellsOf("thoughts")[2]).toContain('\\"Is a 44 here the same as a 44 elsewhere?\\"');
    expect(map.cards.filter((c) => c.kind === "painPoint")).toHaveLength(4);
    expect(map.cards.filter((c) => c.kind === "opportunity").map((c) => c.title)).toContain(
      "Instant exchange: ship the new size first",
    );
  });

  it("says where each column went and which were ignored", () => {
    expect(preview.notes).toEqual([
      "Columns used: Stage → phases · Touchpoint → steps · User Action → Actions lane · Thought/Quote → Thoughts lane · Emotion → emotion of Customer · Pain Point → pain-point cards · Opportunity → opportunity cards.",
      'Ignored (the map has no place for it): "Confidence".',
      "Emotion words were read on the −3..+3 scale (docs/format.md lists them).",
    ]);
  });

  it("reports an unknown emotion word with the words it knows", () => {
    const bad = parseTouchpointCsv("Stage,Touchpoint,Emotion\nA,b,Hangry\n");
    expect(bad.errors[0]!.message).toMatch(
      /^the emotion "Hangry" is not a score from -3 to \+3 or a known word \(Furious/,
    );
    expect(emotionFromWord("  DELIGHTED ")).toBe(3);
    expect(emotionFromWord("very negative")).toBe(-3);
  });
});

describe("a Mermaid journey with YAML front matter", () => {
  const text = example("journey-frontmatter.mmd");

  it("is detected and read, its title taken from the front matter", () => {
    expect(detectImportKind(text)).toBe("mermaid");
    const preview = parseMermaidJourney(text);
    expect(preview.errors).toEqual([]);
    expect(preview.snapshot?.title).toBe("Buying running shoes");
    expect(preview.snapshot?.phases.map((p) => p.name)).toEqual(["Choose", "Buy"]);
    expect(preview.snapshot?.personas.map((p) => p.name)).toEqual(["Jamal", "Erin"]);
  });

  it("keeps line numbers counted from the top of the file", () => {
    const preview = parseMermaidJourney(`---\nconfig:\n  theme: dark\n---\njourney\n  oops\n`);
    expect(preview.errors.map((e) => e.line)).toEqual([6]);
  });

  it("reports front matter that is never closed", () => {
    const preview = parseMermaidJourney("---\nconfig:\njourney\n  A: 3: Me\n");
    expect(preview.errors[0]!.message).toMatch(/front matter/);
  });
});
