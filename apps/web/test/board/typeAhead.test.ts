import { describe, expect, it } from "vitest";
import { heldKey, type KeyPress } from "../../src/board/CellEditorTypeAhead.ts";

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe("heldKey: which keys pressed before the cell editor has focus are kept for it", () => {
  it("keeps printable characters, shifted ones, spaces and accented letters as text", () => {
    expect(heldKey(press("a"))).toEqual({ kind: "text", text: "a" });
    expect(heldKey(press("A"))).toEqual({ kind: "text", text: "A" });
    expect(heldKey(press(" "))).toEqual({ kind: "text", text: " " });
    expect(heldKey(press("é"))).toEqual({ kind: "text", text: "é" });
    // One character outside the basic plane (an emoji key) is still one character.
    expect(heldKey(press("😀"))).toEqual({ kind: "text", text: "😀" });
  });

  it("keeps Backspace, Enter and Escape, which the editor does itself", () => {
    expect(heldKey(press("Backspace"))).toEqual({ kind: "Backspace" });
    expect(heldKey(press("Enter"))).toEqual({ kind: "Enter" });
    expect(heldKey(press("Escape"))).toEqual({ kind: "Escape" });
  });

  it("leaves shortcuts, navigation and keys during composition to the page", () => {
    expect(heldKey(press("b", { ctrlKey: true }))).toBeNull();
    expect(heldKey(press("k", { metaKey: true }))).toBeNull();
    expect(heldKey(press("F10", { altKey: true }))).toBeNull();
    expect(heldKey(press("Enter", { ctrlKey: true }))).toBeNull();
    expect(heldKey(press("Tab"))).toBeNull();
    expect(heldKey(press("ArrowLeft"))).toBeNull();
    expect(heldKey(press("Shift"))).toBeNull();
    expect(heldKey(press("a", { isComposing: true }))).toBeNull();
  });
});
