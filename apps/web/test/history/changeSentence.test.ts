import {
  createMapFromTemplate,
  diffMaps,
  LOCAL_ORIGIN,
  MapEditor,
  type MapChange,
  readJourneyMap,
  sequentialIds,
} from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { changeContextOf, changeSentence, phaseNameOf } from "../../src/history/changeSentence.ts";
import { formatWhen } from "../../src/history/format.ts";

describe("changes as sentences (issue 16, R4)", () => {
  it("says who, what, where and when", () => {
    const doc = new Y.Doc();
    createMapFromTemplate(doc, "default", { ids: sequentialIds("t"), now: () => 1 });
    const before = readJourneyMap(doc);
    const phase = before.phases[1]!;
    const step = before.touchpointsByPhase.get(phase.id)![0]!;
    new MapEditor(doc, { origin: LOCAL_ORIGIN, ids: sequentialIds("e") }).updateTouchpoint(
      step.id,
      { name: "Pay" },
    );
    const after = readJourneyMap(doc);
    const [rename] = diffMaps(before, after);
    const at = Date.UTC(2026, 10, 20, 10, 42);
    expect(
      changeSentence(rename!, { who: "Ana", when: at, where: phaseNameOf([after, before]) }),
    ).toBe(`Ana renamed the step “${step.name}” to “Pay” in ${phase.name} · ${formatWhen(at)}`);
    expect(changeSentence(rename!)).toBe(`Renamed the step “${step.name}” to “Pay”`);
  });

  it("never says re-scored", () => {
    const rescored: MapChange = {
      entity: "emotion",
      change: "rescored",
      id: "p",
      label: "Checks out",
      target: "point:p/t",
      detail: "−1 → +2",
    };
    expect(changeSentence(rescored, { who: "Ben" })).toBe(
      "Ben changed the score of the feeling “Checks out” from −1 to +2",
    );
    expect(changeSentence(rescored)).not.toMatch(/re-scored/i);
  });
});

describe("links as sentences (issue 19)", () => {
  it("says what was linked to what, and what was detached", () => {
    const doc = new Y.Doc();
    createMapFromTemplate(doc, "default", { ids: sequentialIds("t"), now: () => 1 });
    const before = readJourneyMap(doc);
    const step = before.touchpoints[0]!;
    const persona = before.personas[0]!;
    const editor = new MapEditor(doc, { origin: LOCAL_ORIGIN, ids: sequentialIds("e") });
    editor.updateTouchpoint(step.id, { subMapId: "onboarding-map-1" });
    editor.linkPersona(persona.id, "lib-1");
    const linked = readJourneyMap(doc);
    const on = diffMaps(before, linked).map((c) => changeSentence(c, { who: "Ana" }));
    expect(on).toEqual([
      `Ana linked a sub-journey to the step “${step.name}”`,
      `Ana linked the persona “${persona.name}” to the library`,
    ]);
    // With the sub-journey's title known (the library's answer), the sentence names it.
    const titles = new Map([["onboarding-map-1", "Onboarding"]]);
    expect(changeSentence(diffMaps(before, linked)[0]!, changeContextOf(null, null, titles))).toBe(
      `Linked the sub-journey “Onboarding” to the step “${step.name}”`,
    );
    editor.updateTouchpoint(step.id, { subMapId: null });
    editor.linkPersona(persona.id, null);
    expect(diffMaps(linked, readJourneyMap(doc)).map((c) => changeSentence(c))).toEqual([
      `Unlinked the sub-journey from the step “${step.name}”`,
      `Detached the persona “${persona.name}” from the library`,
    ]);
  });
});
