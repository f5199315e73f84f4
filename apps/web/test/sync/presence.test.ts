import { talkTargetOf } from "@journeymap/schema";
import { Awareness } from "y-protocols/awareness";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  readOwnSelection,
  readPeers,
  readSelection,
  toWireSelection,
} from "../../src/sync/presence/presenceState.ts";
import { presenceWriter } from "../../src/sync/presence/presenceWriter.ts";

const user = (name: string) => ({ name, colour: "#2563eb" });

describe("presenceWriter", () => {
  it("leaves the `cursor` field to y-prosemirror's carets", () => {
    const awareness = new Awareness(new Y.Doc());
    // What the caret plugin writes while a cell editor has focus.
    const caret = { anchor: { type: null, tname: "cell", item: null, assoc: 0 }, head: null };
    awareness.setLocalStateField("cursor", caret);
    const publish = presenceWriter(awareness);
    publish.pointer({ x: 10, y: 20 });
    publish.viewport({ left: 5, top: 0 });
    const state = awareness.getLocalState() as Record<string, unknown>;
    expect(state.cursor).toEqual(caret);
    expect(state.pointer).toEqual({ x: 10, y: 20 });
    expect(state.viewport).toEqual({ left: 5, top: 0 });
    awareness.destroy();
  });

  it("writes the fields older clients read, in the shapes they read", () => {
    const awareness = new Awareness(new Y.Doc());
    const publish = presenceWriter(awareness);
    const selection = readSelection({ kind: "point", id: "p1/tp1", editing: true });
    publish.select(selection);
    publish.place("history");
    publish.presenting("slide1");
    publish.watching(7);
    expect(awareness.getLocalState()).toMatchObject({
      selection: { kind: "point", id: "p1/tp1", editing: true },
      place: "history",
      presenting: { slide: "slide1" },
      watching: 7,
    });
    const states = awareness.getStates() as Map<number, Record<string, unknown>>;
    expect(readOwnSelection(states, awareness.clientID)).toEqual(selection);

    publish.stopEditing();
    expect(awareness.getLocalState()?.selection).toEqual({
      kind: "point",
      id: "p1/tp1",
      editing: false,
    });
    publish.select(null);
    publish.place("board");
    publish.presenting(null);
    publish.watching(null);
    expect(awareness.getLocalState()).toMatchObject({
      selection: null,
      place: null,
      presenting: null,
      watching: null,
    });
    awareness.destroy();
  });

  it("does nothing without awareness", () => {
    const publish = presenceWriter(null);
    expect(() => {
      publish.select(null);
      publish.stopEditing();
      publish.place("history");
    }).not.toThrow();
  });
});

describe("reading presence", () => {
  it("sends a selection as the two halves of its element key and reads it back", () => {
    for (const wire of [
      { kind: "phase", id: "ph1", editing: false },
      { kind: "touchpoint", id: "tp1", editing: true },
      { kind: "card", id: "c1", editing: false },
      { kind: "cell", id: "cell/lane1/tp1", editing: true },
      { kind: "point", id: "p1/tp1", editing: false },
    ])
      expect(toWireSelection(readSelection(wire))).toEqual(wire);
    expect(toWireSelection(null)).toBeNull();
  });

  it("ignores selections it cannot name and what cannot be selected", () => {
    for (const wire of [
      null,
      "touchpoint:tp1",
      { kind: "touchpoint", id: "bad/id" },
      { kind: "touchpoint", id: 42 },
      { kind: "emotion", id: "p1/tp1" },
      { kind: "lane", id: "lane-actions" },
      { kind: "persona", id: "p1" },
      { kind: "cell", id: "lane1/tp1" },
    ])
      expect(readSelection(wire)).toBeNull();
  });

  it("maps board selections to comment targets", () => {
    const target = (wire: unknown) => {
      const selection = readSelection(wire);
      return selection && talkTargetOf(selection.ref);
    };
    expect(target({ kind: "cell", id: "cell/lane1/tp1", editing: false })).toEqual({
      kind: "cell",
      id: "lane1/tp1",
    });
    expect(target({ kind: "point", id: "p1/tp1", editing: false })).toEqual({
      kind: "emotion",
      id: "p1/tp1",
    });
    expect(target({ kind: "touchpoint", id: "bad/id", editing: false })).toBeNull();
    expect(target(null)).toBeNull();
  });

  it("lists the stamped peers but ourselves, with validated fields", () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: user("Me"), selection: { kind: "phase", id: "ph1" } }],
      [2, { user: { name: "Ben", colour: "red" }, pointer: { x: 1, y: "2" }, viewport: {} }],
      [3, { selection: { kind: "phase", id: "ph1" } }], // not stamped by the server
      [
        4,
        {
          user: user("Cy".repeat(30)),
          pointer: { x: 1, y: 2 },
          viewport: { left: 3, top: 4 },
          drag: { personaId: "p1", touchpointId: "tp1", score: 2.5 },
        },
      ],
      [5, { user: user("Dee"), drag: { personaId: "p1", touchpointId: "no/pe", score: 1 } }],
    ]);
    const peers = readPeers(states, 1);
    expect(peers.map((p) => p.clientId)).toEqual([2, 4, 5]);
    expect(peers[0]).toEqual({
      clientId: 2,
      name: "Ben",
      colour: "#666666",
      guest: false,
      selection: null,
      pointer: null,
      viewport: null,
      drag: null,
      place: "board",
    });
    expect(peers[1]).toMatchObject({
      name: "Cy".repeat(20),
      pointer: { x: 1, y: 2 },
      viewport: { left: 3, top: 4 },
      drag: { personaId: "p1", touchpointId: "tp1", score: 2.5 },
    });
    expect(peers[2]?.drag).toBeNull();
  });

  it("marks a guest only when the server stamped them as one", () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { name: "Ana", guest: true } }],
      [2, { user: { name: "Ben", guest: false } }],
      [3, { user: { name: "Cy", guest: "yes" } }],
      [4, { user: { name: "Dee" } }],
    ]);
    expect(readPeers(states, 0).map((p) => [p.name, p.guest])).toEqual([
      ["Ana", true],
      ["Ben", false],
      ["Cy", false],
      ["Dee", false],
    ]);
  });

  it("puts people marked as in the history there and everyone else on the board", () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { name: "Ana" }, place: "history" }],
      [2, { user: { name: "Ben" } }],
      [3, { user: { name: "Eve" }, place: { toString: () => "history" } }],
      [4, { user: { name: "Kim" }, place: "HISTORY" }],
    ]);
    expect(readPeers(states, 0).map((p) => [p.clientId, p.place])).toEqual([
      [1, "history"],
      [2, "board"],
      [3, "board"],
      [4, "board"],
    ]);
  });
});
