import { createMapFromTemplate, findTemplate, readJourneyMap } from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { outlineOfMap, outlineOfTemplate, outlineSlots } from "../../src/maps/mapOutline.ts";

describe("map outlines", () => {
  it("draws a template's phases, steps and first persona's curve", () => {
    const template = findTemplate("default")!;
    const outline = outlineOfTemplate(template);
    expect(outline.phases.map((p) => p.steps)).toEqual(
      template.phases.map((p) => p.touchpoints.length),
    );
    expect(outline.curve).toHaveLength(template.phases.flatMap((p) => p.touchpoints).length);
    expect(outline.curve.some((s) => s !== null)).toBe(true);
    expect(outline.curveColour).toBe(template.personas[0]!.colour);
  });

  it("gives the same outline for a map made from the template", () => {
    const doc = new Y.Doc();
    createMapFromTemplate(doc, "saas-trial");
    const fromMap = outlineOfMap(readJourneyMap(doc));
    const fromTemplate = outlineOfTemplate(findTemplate("saas-trial")!);
    expect(fromMap.phases.map((p) => p.steps)).toEqual(fromTemplate.phases.map((p) => p.steps));
    expect(fromMap.curve).toEqual(fromTemplate.curve);
  });

  it("keeps a slot for a phase without steps, and none for a blank map", () => {
    const outline = {
      phases: [
        { colour: "#000000", steps: 0 },
        { colour: "#ffffff", steps: 3 },
      ],
      curve: [],
      curveColour: null,
    };
    expect(outlineSlots(outline)).toBe(4);
    expect(outlineOfTemplate(findTemplate("blank")!).phases).toEqual([]);
  });
});
