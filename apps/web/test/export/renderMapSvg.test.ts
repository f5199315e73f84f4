import { MapEditor, readJourneyMap } from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import { renderMapSvg } from "../../src/export/renderMapSvg.ts";
import { shownMap } from "../../src/export/shownMap.ts";
import { wrapText } from "../../src/export/svgText.ts";
import { templateMap } from "../support/templateMap.ts";

const sampleMap = () => templateMap("ecommerce-purchase");

const count = (svg: string, pattern: RegExp) => (svg.match(pattern) ?? []).length;
/** The drawn text, wrapped lines joined with spaces (names may wrap across lines). */
const textOf = (svg: string) => [...svg.matchAll(/>([^<]*)<\/text>/g)].map((m) => m[1]).join(" ");

describe("renderMapSvg", () => {
  it("draws every phase, step, visible lane and emotion point of the whole map", () => {
    const { map } = sampleMap();
    const { svg, width, columnCount } = renderMapSvg(map);
    expect(columnCount).toBe(map.touchpoints.length);
    expect(width).toBe(2 * 32 + 184 + columnCount * 220);
    for (const name of [...map.phases, ...map.touchpoints, ...map.lanes].map((x) => x.name)) {
      expect(textOf(svg)).toContain(name.replace(/&/g, "&amp;"));
    }
    const points = map.emotions.size;
    expect(count(svg, /<circle [^>]*r="(12|9)"/g)).toBe(points);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });

  it("escapes markup in names and leaves hidden lanes out", () => {
    const { doc, map } = sampleMap();
    const editor = new MapEditor(doc);
    editor.updatePhase(map.phases[0]!.id, { name: 'A <b>"bold"</b> & co' });
    const thoughts = map.lanes.find((l) => l.kind === "thoughts")!;
    editor.updateLane(thoughts.id, { hidden: true });
    const { svg } = renderMapSvg(readJourneyMap(doc));
    expect(textOf(svg)).toContain("A &lt;b&gt;&quot;bold&quot;&lt;/b&gt; &amp; co");
    expect(svg).not.toContain("<b>");
    expect(textOf(svg)).not.toContain(thoughts.name);
  });

  it("leaves out personas hidden on the board: their chip and their curve", () => {
    const { map } = sampleMap();
    const [jamal, erin] = map.personas;
    const all = renderMapSvg(shownMap(map, new Set()));
    expect(shownMap(map, new Set())).toBe(map);
    const shown = shownMap(map, new Set([erin!.id]));
    expect(shown.personas.map((p) => p.name)).toEqual([jamal!.name]);
    expect([...shown.emotions.values()].every((e) => e.personaId === jamal!.id)).toBe(true);
    const { svg } = renderMapSvg(shown);
    expect(textOf(all.svg)).toContain(erin!.name);
    expect(textOf(svg)).not.toContain(erin!.name);
    expect(count(svg, /<circle [^>]*r="(12|9)"/g)).toBe(shown.emotions.size);
    expect(count(svg, /<circle [^>]*r="(12|9)"/g)).toBeLessThan(map.emotions.size);
  });

  it("draws a slice of columns for paged output, without the header", () => {
    const { map } = sampleMap();
    const slice = renderMapSvg(map, { columns: [2, 4], header: false });
    expect(slice.width).toBe(2 * 32 + 184 + 2 * 220);
    expect(textOf(slice.svg)).toContain(map.touchpoints[2]!.name);
    expect(textOf(slice.svg)).not.toContain(map.touchpoints[0]!.name);
    expect(slice.svg).not.toContain('font-size="28"');
  });
});

describe("wrapText", () => {
  it("wraps by width, breaks long words, keeps paragraphs and ends cut text with …", () => {
    expect(wrapText("one two three four", 60, 13)).toEqual(["one two", "three", "four"]);
    expect(wrapText("a\nb", 100, 13)).toEqual(["a", "b"]);
    const long = wrapText("x".repeat(100), 80, 13);
    expect(long.length).toBeGreaterThan(5);
    expect(long.join("")).toBe("x".repeat(100));
    const cut = wrapText("word ".repeat(50), 80, 13, { maxLines: 2 });
    expect(cut).toHaveLength(2);
    expect(cut[1]!.endsWith("…")).toBe(true);
  });
});
