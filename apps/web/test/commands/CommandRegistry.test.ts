import type { PhaseId } from "@journeymap/schema";
import { describe, expect, it, vi } from "vitest";
import {
  type Command,
  CommandRegistry,
  formatKeys,
  isSingleKey,
} from "../../src/commands/CommandRegistry.ts";

const command = (id: string, extra: Partial<Command> = {}): Command => ({
  id,
  title: id,
  group: "Edit",
  run: () => {},
  ...extra,
});

describe("CommandRegistry", () => {
  it("adds and removes sets of commands, notifying subscribers", () => {
    const registry = new CommandRegistry();
    const listener = vi.fn();
    registry.subscribe(listener);
    const remove = registry.add([command("a"), command("b")]);
    expect(registry.list().map((c) => c.id)).toEqual(["a", "b"]);
    remove();
    expect(registry.list()).toEqual([]);
    expect(listener).toHaveBeenCalledTimes(2);
    remove(); // a second removal changes nothing
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it("lets a later set override a command with the same id, and restores it when removed", () => {
    const registry = new CommandRegistry();
    registry.add([command("undo", { title: "Undo board" })]);
    const remove = registry.add([command("undo", { title: "Undo text" })]);
    expect(registry.get("undo")?.title).toBe("Undo text");
    remove();
    expect(registry.get("undo")?.title).toBe("Undo board");
  });

  it("runs a command with its target; targeted commands stay out of the palette", () => {
    const registry = new CommandRegistry();
    const run = vi.fn();
    registry.add([
      command("phase.delete", { run, targets: ["phase"], needsTarget: true }),
      command("phase.add", { targets: ["phase"] }),
    ]);
    expect(registry.run("phase.delete", { kind: "phase", id: "p1" as PhaseId })).toBe(true);
    expect(run).toHaveBeenCalledWith({ kind: "phase", id: "p1" });
    expect(registry.run("missing")).toBe(false);
    expect(registry.forPalette().map((c) => c.id)).toEqual(["phase.add"]);
    expect(registry.forTarget("phase").map((c) => c.id)).toEqual(["phase.delete", "phase.add"]);
    expect(registry.forTarget("lane")).toEqual([]);
  });
});

describe("formatKeys", () => {
  it("spells shortcuts for each platform", () => {
    expect(formatKeys("$mod+Shift+z", false)).toBe("Ctrl+Shift+Z");
    expect(formatKeys("$mod+Shift+z", true)).toBe("⌘⇧Z");
    expect(formatKeys("$mod+Equal", false)).toBe("Ctrl++");
    expect(formatKeys("?", false)).toBe("?");
  });
});

describe("isSingleKey", () => {
  it("B7: tells keys people also type (kept off buttons and fields) from chords", () => {
    expect(["m", "Shift+1", "Shift+?"].map(isSingleKey)).toEqual([true, true, true]);
    expect(["$mod+k", "$mod+Shift+z", "Control+Minus", "Alt+ArrowLeft"].map(isSingleKey)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
