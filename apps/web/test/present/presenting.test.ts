import {
  builtInLaneId,
  createMapFromTemplate,
  formatScore,
  MapEditor,
  readJourneyMap,
  sequentialIds,
  type Template,
  writeRichText,
} from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  moveForKey,
  moveSlide,
  slideIndex,
  slideLabel,
  slidesOf,
} from "../../src/present/presenting.ts";
import { phaseSlideContent } from "../../src/present/slideContent.ts";
import { countWatchers, readPresenters } from "../../src/sync/presence/presenceState.ts";
import { STRIP, stripGeometry } from "../../src/present/strip.ts";

const TEMPLATE: Template = {
  id: "t",
  name: "T",
  summary: "",
  title: "Trial",
  scenario: "Signs up, tries, pays",
  personas: [{ name: "Ana" }, { name: "Ben" }],
  phases: [
    {
      name: "Discover",
      touchpoints: [
        {
          name: "Reads a review",
          channel: "reviewSite",
          action: "Compares tools",
          actions: "Reads G2 and Capterra",
          thoughts: "Is it worth it?",
          emotions: [1, -2],
          painPoints: [{ title: "Pricing hidden", rating: 4 }],
          opportunities: [{ title: "Public pricing", rating: 5, status: "dismissed" }],
        },
      ],
    },
    { name: "Buy", touchpoints: [{ name: "Pays", channel: "website", action: "Enters card" }] },
  ],
};

function sample() {
  const doc = new Y.Doc();
  createMapFromTemplate(doc, TEMPLATE, { ids: sequentialIds("t"), now: () => 1 });
  return { doc, map: readJourneyMap(doc) };
}

describe("slides", () => {
  it("are the overview, then one per phase, keyed by phase id", () => {
    const { map } = sample();
    const slides = slidesOf(map);
    expect(slides.map((s) => s.phaseId)).toEqual([null, ...map.phases.map((p) => p.id)]);
    expect(slideLabel(0, slides.length)).toBe("Overview");
    expect(slideLabel(2, slides.length)).toBe("Phase 2 of 2");
  });

  it("find a slide by key and fall back near the old place when it is gone", () => {
    const { map } = sample();
    const slides = slidesOf(map);
    expect(slideIndex(slides, map.phases[1]!.id)).toBe(2);
    expect(slideIndex(slides, "deleted-phase", 2)).toBe(2);
    expect(slideIndex(slides, "deleted-phase", 9)).toBe(2);
    expect(slideIndex(slides, null)).toBe(0);
  });

  it("move without wrapping, by the keys clickers send", () => {
    expect(moveSlide(0, "previous", 3)).toBe(0);
    expect(moveSlide(0, "next", 3)).toBe(1);
    expect(moveSlide(2, "next", 3)).toBe(2);
    expect(moveSlide(1, "last", 3)).toBe(2);
    expect(moveSlide(2, "first", 3)).toBe(0);
    expect(moveForKey("PageDown")).toBe("next");
    expect(moveForKey(" ", true)).toBe("previous");
    expect(moveForKey("ArrowLeft")).toBe("previous");
    expect(moveForKey("a")).toBeNull();
  });
});

describe("a phase's slide", () => {
  it("shows each step's action text, thought, emotions in words, open cards", () => {
    const { map } = sample();
    const content = phaseSlideContent(map, map.phases[0]!.id)!;
    expect(content.phase.name).toBe("Discover");
    const [step] = content.steps;
    expect(step).toMatchObject({
      name: "Reads a review",
      channelLabel: "Review site",
      doing: "Reads G2 and Capterra",
      thinking: "Is it worth it?",
    });
    expect(step!.emotions.map((e) => [e.persona, e.score, e.label])).toEqual([
      ["Ana", 1, "Slightly positive"],
      ["Ben", -2, "Negative"],
    ]);
    expect(step!.painPoints.map((c) => c.title)).toEqual(["Pricing hidden"]);
    expect(step!.opportunities).toEqual([]); // dismissed
    expect(phaseSlideContent(map, "nope")).toBeNull();
  });

  it("falls back to the one-line action and leaves out lanes and personas hidden", () => {
    const { doc, map } = sample();
    const buy = phaseSlideContent(map, map.phases[1]!.id)!;
    expect(buy.steps[0]!.doing).toBe("Enters card");
    const editor = new MapEditor(doc);
    editor.updateLane(builtInLaneId("thoughts"), { hidden: true });
    editor.updateLane(builtInLaneId("painPoints"), { hidden: true });
    const after = readJourneyMap(doc);
    const ben = after.personas[1]!.id;
    const [step] = phaseSlideContent(after, after.phases[0]!.id, new Set([ben]))!.steps;
    expect(step!.thinking).toBe("");
    expect(step!.painPoints).toEqual([]);
    expect(step!.emotions.map((e) => e.persona)).toEqual(["Ana"]);
  });

  it("carries the actions and thoughts cells' rich text, not only their words", () => {
    const { doc, map } = sample();
    const tp = map.touchpoints[0]!;
    const fragment = new MapEditor(doc).cellFragment(builtInLaneId("actions"), tp.id);
    const bold = { type: "bold", attrs: {} };
    doc.transact(() =>
      writeRichText(fragment, [
        {
          type: "paragraph",
          attrs: {},
          children: [{ type: "text", text: "Reads G2", marks: [bold] }],
        },
      ]),
    );
    const [step] = phaseSlideContent(readJourneyMap(doc), map.phases[0]!.id)!.steps;
    expect(step!.doing).toBe("Reads G2");
    expect(step!.doingContent).toEqual([
      {
        type: "paragraph",
        attrs: {},
        children: [{ type: "text", text: "Reads G2", marks: [bold] }],
      },
    ]);
    expect(step!.thinkingContent).not.toEqual([]);
    // The step's one-line action stands in for an empty actions lane, as plain text.
    const [pays] = phaseSlideContent(map, map.phases[1]!.id)!.steps;
    expect(pays).toMatchObject({ doing: "Enters card", doingContent: [] });
  });

  it("writes scores with a sign and a real minus", () => {
    expect([formatScore(-3), formatScore(0), formatScore(2)]).toEqual(["−3", "0", "+2"]);
  });
});

describe("presenter following through awareness", () => {
  const user = (name: string) => ({ name, colour: "#2563eb" });
  it("lists stamped presenters but ourselves, lowest client id first, ignoring bad values", () => {
    const states = new Map<number, Record<string, unknown>>([
      [9, { user: user("Cy"), presenting: { slide: "p2" } }],
      [3, { user: user("Ana"), presenting: { slide: "title" } }],
      [5, { user: user("Me"), presenting: { slide: "p1" } }],
      [6, { presenting: { slide: "p1" } }], // not stamped by the server
      [7, { user: user("Dee"), presenting: { slide: 4 } }],
      [8, { user: user("Eve"), presenting: null }],
      [10, { user: { name: "Fay", colour: "red" }, presenting: { slide: "x".repeat(500) } }],
    ]);
    expect(readPresenters(states, 5)).toEqual([
      { clientId: 3, name: "Ana", colour: "#2563eb", guest: false, slide: "title" },
      { clientId: 9, name: "Cy", colour: "#2563eb", guest: false, slide: "p2" },
    ]);
  });

  it("counts who follows a presenter", () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { watching: null }],
      [2, { watching: 1 }],
      [3, { watching: 1 }],
      [4, { watching: 7 }],
    ]);
    expect(countWatchers(states, 1)).toBe(2);
    expect(countWatchers(states, 5)).toBe(0);
  });
});

describe("the journey strip", () => {
  it("lays phases side by side by their steps and draws each persona's scores across them", () => {
    const { doc, map } = sample();
    new MapEditor(doc).addPhase({ name: "Empty" });
    const strip = stripGeometry(readJourneyMap(doc));
    expect(strip.bands.map((b) => [b.name, b.x, b.width])).toEqual([
      ["Discover", 0, STRIP.step],
      ["Buy", STRIP.step, STRIP.step],
      ["Empty", 2 * STRIP.step, STRIP.step / 2], // still visible
    ]);
    expect(strip.width).toBe(2.5 * STRIP.step);
    // Ana scored the first step +1, Ben −2; higher scores are higher up (smaller y).
    const [ana, ben] = strip.curves;
    expect(ana!.points.map((p) => [p.x, p.score])).toEqual([[STRIP.step / 2, 1]]);
    expect(ben!.points[0]!.score).toBe(-2);
    expect(ana!.points[0]!.y).toBeLessThan(strip.midline);
    expect(ben!.points[0]!.y).toBeGreaterThan(strip.midline);
    expect(map.personas).toHaveLength(2);
  });
});
