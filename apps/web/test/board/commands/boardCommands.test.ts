import { createBoardUndoManager, MapEditor, MapReader } from "@journeymap/schema";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CommandRegistry } from "../../../src/commands/CommandRegistry.ts";
import type {
  BoardCommandContext,
  BoardUi,
} from "../../../src/board/commands/boardCommandContext.ts";
import { boardCommands } from "../../../src/board/commands/boardCommands.ts";
import { NEW_STEP } from "../../../src/board/commands/phaseCommands.ts";
import type { NamedRef } from "../../../src/board/FreshElement.ts";
import { answerConfirmation, currentConfirmation } from "../../../src/ui/confirmRequests.ts";
import { templateMap } from "../../support/templateMap.ts";

function board() {
  const { doc } = templateMap("default");
  const added: NamedRef[] = [];
  const ui: BoardUi = {
    openPalette: vi.fn(),
    openPersonas: vi.fn(),
    setZoom: vi.fn(),
    fitToWindow: vi.fn(),
    toggleMinimap: vi.fn(),
    togglePersona: vi.fn(),
    hiddenPersonas: new Set(),
    added: (ref) => added.push(ref),
  };
  const context: BoardCommandContext = {
    editor: new MapEditor(doc),
    reader: new MapReader(doc),
    undo: createBoardUndoManager(doc),
    movePhase: vi.fn(),
    moveTouchpoint: vi.fn(),
    ui,
  };
  const registry = new CommandRegistry();
  registry.add(boardCommands(context));
  return { context, registry, added };
}

/** The question the command asked in the app's dialog, answered `yes` (it waits for the answer). */
async function answer(yes: boolean): Promise<string> {
  const asked = currentConfirmation();
  if (!asked) throw new Error("nothing was asked");
  answerConfirmation(asked.id, yes);
  await Promise.resolve();
  return `${asked.title} ${asked.body ?? ""}`.trim();
}
afterEach(() => {
  for (let asked = currentConfirmation(); asked; asked = currentConfirmation())
    answerConfirmation(asked.id, false);
});

describe("the board's commands", () => {
  it("list in the palette by group and in each context menu in the order people know", () => {
    const { registry } = board();
    const inGroup = (group: string) =>
      registry
        .forPalette()
        .filter((c) => c.group === group)
        .map((c) => c.id);
    expect(inGroup("Edit")).toEqual(["undo", "redo", "phase.add", "persona.add", "lane.add"]);
    expect(inGroup("View")).toEqual([
      "palette.open",
      "zoom.in",
      "zoom.out",
      "zoom.reset",
      "zoom.fit",
      "minimap.toggle",
      "theme.light",
      "theme.dark",
      "theme.system",
    ]);
    expect(inGroup("Map")).toEqual(["personas.edit"]);
    expect(inGroup("Go to")).toEqual(["maps.all"]);
    const menu = (kind: "phase" | "touchpoint" | "lane" | "persona") =>
      registry.forTarget(kind).map((c) => c.id);
    expect(menu("phase")).toEqual([
      "phase.addStep",
      "phase.moveLeft",
      "phase.moveRight",
      "phase.delete",
    ]);
    expect(menu("touchpoint")).toEqual([
      "touchpoint.addPain",
      "touchpoint.addOpportunity",
      "touchpoint.moveLeft",
      "touchpoint.moveRight",
      "touchpoint.delete",
    ]);
    expect(menu("lane")).toEqual(["lane.moveUp", "lane.moveDown", "lane.hide", "lane.delete"]);
    expect(menu("persona")).toEqual(["persona.editOne", "persona.toggleOne", "persona.delete"]);
    const viewOnly = registry
      .list()
      .filter((c) => c.needsTarget && !c.edits)
      .map((c) => c.id);
    expect(viewOnly).toEqual(["persona.editOne", "persona.toggleOne"]);
  });

  it("adds a step with the defaults and tells the board, which opens its name", () => {
    const { context, registry, added } = board();
    const phase = context.reader.read().phases[0]!;
    const before = context.reader.read().touchpointsByPhase.get(phase.id)?.length ?? 0;
    registry.run("phase.addStep", { kind: "phase", id: phase.id });
    const steps = context.reader.read().touchpointsByPhase.get(phase.id) ?? [];
    expect(steps).toHaveLength(before + 1);
    expect(added).toEqual([{ kind: "touchpoint", id: expect.any(String) }]);
    const step = steps.find((t) => t.id === added[0]?.id);
    expect(step).toMatchObject(NEW_STEP);
  });

  it("B7: tells the board what each add made, so its name opens instead of the button keeping focus", () => {
    const { context, registry, added } = board();
    const step = context.reader.read().touchpoints[0]!;
    registry.run("phase.add");
    registry.run("lane.add");
    registry.run("persona.add");
    registry.run("touchpoint.addPain", { kind: "touchpoint", id: step.id });
    registry.run("touchpoint.addOpportunity", { kind: "touchpoint", id: step.id });
    const map = context.reader.read();
    expect(added.map((ref) => ref.kind)).toEqual(["phase", "lane", "persona", "card", "card"]);
    expect(map.phases.find((p) => p.id === added[0]?.id)?.name).toBe("New phase");
    expect(map.lanes.find((l) => l.id === added[1]?.id)?.name).toBe("Notes");
    expect(map.personas.find((p) => p.id === added[2]?.id)?.name).toBe("New persona");
    const cards = map.cardsByTouchpoint.get(step.id) ?? [];
    expect(cards.find((c) => c.id === added[3]?.id)).toMatchObject({
      kind: "painPoint",
      title: "New pain point",
    });
    expect(cards.find((c) => c.id === added[4]?.id)).toMatchObject({
      kind: "opportunity",
      title: "New opportunity",
    });
  });

  it("asks before deleting a phase, naming its steps, and keeps it when the answer is no", async () => {
    const { context, registry } = board();
    const map = context.reader.read();
    const phase = map.phases[0]!;
    const steps = map.touchpointsByPhase.get(phase.id)?.length ?? 0;
    registry.run("phase.delete", { kind: "phase", id: phase.id });
    expect(await answer(false)).toBe(
      `Delete the phase “${phase.name}”? Its ${steps} step${steps === 1 ? "" : "s"} and everything in them go too. You can undo with Ctrl+Z.`,
    );
    expect(context.reader.read().phases.some((p) => p.id === phase.id)).toBe(true);
    registry.run("phase.delete", { kind: "phase", id: phase.id });
    await answer(true);
    expect(context.reader.read().phases.some((p) => p.id === phase.id)).toBe(false);
  });

  it("asks a shorter question for a phase without steps", async () => {
    const { context, registry } = board();
    const id = context.editor.addPhase({ name: "Empty" });
    registry.run("phase.delete", { kind: "phase", id });
    expect(await answer(true)).toBe("Delete the phase “Empty”? You can undo with Ctrl+Z.");
    expect(context.reader.read().phases.some((p) => p.id === id)).toBe(false);
  });

  it("offers to hide a standard lane instead of deleting it, and deletes a custom one", async () => {
    const { context, registry } = board();
    const standard = context.reader.read().lanes.find((l) => l.kind !== "text")!;
    registry.run("lane.delete", { kind: "lane", id: standard.id });
    expect(await answer(true)).toMatch(/standard lanes/);
    expect(context.reader.read().lanes.find((l) => l.id === standard.id)?.hidden).toBe(true);
    const custom = context.editor.addLane({ name: "Notes" });
    registry.run("lane.delete", { kind: "lane", id: custom });
    expect(await answer(true)).toMatch(/Delete the lane “Notes”/);
    expect(context.reader.read().lanes.some((l) => l.id === custom)).toBe(false);
  });

  it("deletes a persona only after a yes", async () => {
    const { context, registry } = board();
    const persona = context.reader.read().personas[0]!;
    registry.run("persona.delete", { kind: "persona", id: persona.id });
    await answer(false);
    expect(context.reader.read().personas.some((p) => p.id === persona.id)).toBe(true);
    registry.run("persona.delete", { kind: "persona", id: persona.id });
    await answer(true);
    expect(context.reader.read().personas.some((p) => p.id === persona.id)).toBe(false);
  });
});
