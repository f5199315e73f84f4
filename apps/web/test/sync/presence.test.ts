import { Awareness } from "y-protocols/awareness";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { presencePublisher } from "../../src/sync/presence.ts";

describe("presencePublisher", () => {
  it("leaves the `cursor` field to y-prosemirror's carets", () => {
    const awareness = new Awareness(new Y.Doc());
    // What the caret plugin writes while a cell editor has focus.
    const caret = { anchor: { type: null, tname: "cell", item: null, assoc: 0 }, head: null };
    awareness.setLocalStateField("cursor", caret);
    const publish = presencePublisher(awareness);
    publish.pointer({ x: 10, y: 20 });
    publish.viewport({ left: 5, top: 0 });
    const state = awareness.getLocalState() as Record<string, unknown>;
    expect(state.cursor).toEqual(caret);
    expect(state.pointer).toEqual({ x: 10, y: 20 });
    expect(state.viewport).toEqual({ left: 5, top: 0 });
    awareness.destroy();
  });
});
