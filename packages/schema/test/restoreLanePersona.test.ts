import { describe, expect, it } from "vitest";
import { cellRootName, emotionKey, LOCAL_ORIGIN, readJourneyMap } from "../src/index.ts";
import { restoreEntity } from "../src/history/restoreEntity.ts";
import { copyOf, seededMap } from "./support/seededMap.ts";

describe("restoreEntity for lanes and personas", () => {
  it("brings back a deleted custom lane with its cells, at its place among the lanes", () => {
    const { doc, editor, map } = seededMap();
    const lane = editor.addLane({ name: "Backstage", index: 2 });
    const step = map().touchpoints[1]!.id;
    editor.setCellText(lane, step, "Coupon service");
    const old = copyOf(doc);
    const before = readJourneyMap(old);
    editor.deleteLane(lane); // hides its cells
    editor.updateTouchpoint(step, { name: "Renamed after the delete" });
    expect(map().lanes.map((l) => l.id)).not.toContain(lane);

    expect(restoreEntity(doc, old, { kind: "lane", id: lane }, { origin: LOCAL_ORIGIN })).toBe(
      true,
    );
    const now = map();
    expect(now.lanes.map((l) => l.id)).toEqual(before.lanes.map((l) => l.id));
    expect(now.cells.get(cellRootName(lane, step))?.text).toBe("Coupon service");
    expect(now.touchpoints[1]!.name).toBe("Renamed after the delete");
  });

  it("brings back a deleted persona with its curve and profile, leaving other personas alone", () => {
    const { doc, editor, map } = seededMap();
    const persona = editor.addPersona({ name: "Ben, reseller" });
    editor.updatePersona(persona, { quote: "I sell it for you" });
    const steps = map()
      .touchpoints.slice(0, 3)
      .map((t) => t.id);
    for (const [i, step] of steps.entries()) editor.setEmotion(persona, step, i - 1);
    const old = copyOf(doc);
    const before = readJourneyMap(old);
    editor.deletePersona(persona); // deletes the curve too
    const other = map().personas[0]!;
    editor.updatePersona(other.id, { name: "Maya, after the delete" });
    expect(map().personas.map((p) => p.id)).not.toContain(persona);

    expect(
      restoreEntity(doc, old, { kind: "persona", id: persona }, { origin: LOCAL_ORIGIN }),
    ).toBe(true);
    const now = map();
    expect(now.personas.map((p) => p.id)).toEqual(before.personas.map((p) => p.id));
    expect(now.personas.find((p) => p.id === persona)?.quote).toBe("I sell it for you");
    expect(steps.map((s) => now.emotions.get(emotionKey(persona, s))?.score)).toEqual([-1, 0, 1]);
    expect(now.personas.find((p) => p.id === other.id)?.name).toBe("Maya, after the delete");
  });
});
