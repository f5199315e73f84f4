import { createKeybindingsHandler } from "tinykeys";
import { describe, expect, it } from "vitest";
import type { BoardCommandContext, BoardUi } from "../../src/board/commands/boardCommandContext.ts";
import { viewCommands } from "../../src/board/commands/viewCommands.ts";
import { formatKeys } from "../../src/commands/CommandRegistry.ts";

/** What Chromium sends for a key press on a US layout: `key` is what Shift makes of the key. */
function keydown(key: string, code: string, modifiers: readonly string[] = []) {
  const target = { matches: () => false };
  return {
    key,
    code,
    repeat: false,
    isComposing: false,
    target,
    currentTarget: target,
    getModifierState: (mod: string) => modifiers.includes(mod),
  } as unknown as KeyboardEvent;
}

function viewCommandsCalling(onFit: () => void) {
  const ui = { fitToWindow: onFit, setZoom: () => {} } as unknown as BoardUi;
  return viewCommands({ ui } as BoardCommandContext);
}

describe("view shortcuts", () => {
  it("runs 'fit' on Shift+1, whose key event says '!' (issue 15, B10)", () => {
    let fitted = 0;
    const fit = viewCommandsCalling(() => fitted++).find((c) => c.id === "zoom.fit")!;
    const bindings = Object.fromEntries((fit.keys ?? []).map((k) => [k, () => fit.run()]));
    const handle = createKeybindingsHandler(bindings);
    handle(keydown("!", "Digit1", ["Shift"]));
    expect(fitted).toBe(1);
    // A plain "1" (typed into nothing) is not "fit".
    handle(keydown("1", "Digit1"));
    expect(fitted).toBe(1);
  });

  it("shows the fit shortcut as people read it", () => {
    const fit = viewCommandsCalling(() => {}).find((c) => c.id === "zoom.fit")!;
    expect(formatKeys(fit.keys![0]!, false)).toBe("Shift+1");
    expect(formatKeys(fit.keys![0]!, true)).toBe("⇧1");
  });
});
