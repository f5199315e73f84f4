import { elementKey } from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import { dragAnnouncements } from "../../src/board/dragAnnouncements.ts";
import { emptyPhaseSlotId } from "../../src/board/dragIds.ts";
import { templateMap } from "../support/templateMap.ts";

describe("drag announcements", () => {
  const { map } = templateMap("default");
  const say = dragAnnouncements(() => map);
  const [first, second] = map.phases;
  const item = (id: string) => ({ id }) as never;

  it("name elements, never their ids (B11)", () => {
    const phase = elementKey({ kind: "phase", id: first!.id });
    const started = say.onDragStart({ active: item(phase) });
    expect(started).toBe(`Picked up Phase · ${first!.name}.`);
    expect(started).not.toContain(first!.id);
    expect(say.onDragOver({ active: item(phase), over: item(phase) })).toBeUndefined();
    const over = say.onDragOver({
      active: item(phase),
      over: item(elementKey({ kind: "phase", id: second!.id })),
    });
    expect(over).toBe(`Phase · ${first!.name} is over Phase · ${second!.name}.`);
    expect(say.onDragEnd({ active: item(phase), over: null })).toBe(
      `Phase · ${first!.name} was dropped.`,
    );
    expect(say.onDragCancel({ active: item(phase), over: null })).toBe(
      `Moving Phase · ${first!.name} was cancelled.`,
    );
  });

  it("names the step row of an empty phase by its phase", () => {
    const step = elementKey({ kind: "touchpoint", id: map.touchpoints[0]!.id });
    expect(say.onDragEnd({ active: item(step), over: item(emptyPhaseSlotId(second!.id)) })).toBe(
      `Step · ${map.touchpoints[0]!.name} was dropped into Phase · ${second!.name}.`,
    );
  });
});
