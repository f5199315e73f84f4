import { MapEditor, readJourneyMap } from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type Overwrite, watchOverwrites } from "../../src/sync/overwriteWatch.ts";

const REMOTE = "remote";

/** Sends what `to` lacks from `from`, as the provider would (a remote origin). */
function deliver(from: Y.Doc, to: Y.Doc) {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), REMOTE);
}

/**
 * Ana (client 1) and Ben (client 2) share a map with two phases, a step and a card; Ana's
 * overwrites are recorded. In a concurrent write to one field the higher client id wins, so
 * Ben wins every race here.
 */
function twoPeople() {
  const ana = new Y.Doc();
  ana.clientID = 1;
  const ben = new Y.Doc();
  ben.clientID = 2;
  const anaEdits = new MapEditor(ana);
  const benEdits = new MapEditor(ben);
  const first = anaEdits.addPhase({ name: "Discover" });
  const second = anaEdits.addPhase({ name: "Buy" });
  const step = anaEdits.addTouchpoint({ phaseId: first, name: "Browse" });
  const other = anaEdits.addTouchpoint({ phaseId: first, name: "Compare" });
  const card = anaEdits.addCard({ kind: "painPoint", touchpointId: step, title: "Slow" });
  deliver(ana, ben);
  const seen: Overwrite[] = [];
  const watch = watchOverwrites(ana, (o) => seen.push(o));
  const sync = () => {
    deliver(ana, ben);
    deliver(ben, ana);
  };
  return {
    ana,
    ben,
    anaEdits,
    benEdits,
    first,
    second,
    step,
    other,
    card,
    seen,
    watch,
    sync,
  };
}

describe("watchOverwrites", () => {
  it("B2: reports a concurrent rename of the same step that replaced mine, with its author", () => {
    const { anaEdits, benEdits, step, seen, sync } = twoPeople();
    anaEdits.updateTouchpoint(step, { name: "Pay" });
    benEdits.updateTouchpoint(step, { name: "Checkout" });
    sync();
    expect(seen).toEqual([
      {
        ref: { kind: "touchpoint", id: step },
        field: "name",
        mine: "Pay",
        theirs: "Checkout",
        by: 2,
      },
    ]);
  });

  it("B2: the winner of the race hears nothing", () => {
    const { ana, ben, step, first } = twoPeople();
    const benSeen: Overwrite[] = [];
    watchOverwrites(ben, (o) => benSeen.push(o));
    new MapEditor(ana).updateTouchpoint(step, { name: "Pay" });
    new MapEditor(ben).updateTouchpoint(step, { name: "Checkout" });
    new MapEditor(ana).updatePhase(first, { name: "Look" });
    deliver(ana, ben);
    deliver(ben, ana);
    expect(benSeen).toEqual([]);
  });

  it("B2: covers phase, lane, persona and card names", () => {
    const { ana, anaEdits, benEdits, first, card, seen, sync } = twoPeople();
    const lane = anaEdits.addLane({ name: "Notes" });
    const persona = anaEdits.addPersona({ name: "Sam" });
    sync();
    anaEdits.updatePhase(first, { name: "Look around" });
    anaEdits.updateLane(lane, { name: "My notes" });
    anaEdits.updatePersona(persona, { name: "Samira" });
    anaEdits.updateCard(card, { title: "Too slow" });
    benEdits.updatePhase(first, { name: "Explore" });
    benEdits.updateLane(lane, { name: "Quotes" });
    benEdits.updatePersona(persona, { name: "Sami" });
    benEdits.updateCard(card, { title: "Slow pages" });
    sync();
    expect(seen.map((o) => [o.ref.kind, o.field, o.mine, o.theirs])).toEqual(
      expect.arrayContaining([
        ["phase", "name", "Look around", "Explore"],
        ["lane", "name", "My notes", "Quotes"],
        ["persona", "name", "Samira", "Sami"],
        ["card", "title", "Too slow", "Slow pages"],
      ]),
    );
    expect(seen).toHaveLength(4);
    expect(ana.getMap("phases").size).toBe(2);
  });

  it("B2: reports a card and a step moved elsewhere at the same time as my move", () => {
    const { anaEdits, benEdits, first, second, step, other, card, seen, sync } = twoPeople();
    anaEdits.moveCard(card, other, 0);
    benEdits.moveCard(card, step, 0);
    anaEdits.moveTouchpoint(step, second, 0);
    benEdits.moveTouchpoint(step, first, 1);
    sync();
    const moves = seen.map((o) => [o.ref.kind, o.field, (o.mine as { parent: string }).parent]);
    expect(moves).toEqual(
      expect.arrayContaining([
        ["card", "pos", other],
        ["touchpoint", "pos", second],
      ]),
    );
    const card0 = seen.find((o) => o.ref.kind === "card")!;
    expect((card0.theirs as { parent: string }).parent).toBe(step);
  });

  it("B2: a later change by someone who had mine is not reported, however soon", () => {
    const { anaEdits, benEdits, step, first, seen, sync } = twoPeople();
    anaEdits.updateTouchpoint(step, { name: "Pay" });
    anaEdits.updatePhase(first, { name: "Look" });
    sync();
    benEdits.updatePhase(first, { name: "Explore" });
    benEdits.updateTouchpoint(step, { name: "Pay now" });
    sync();
    expect(seen).toEqual([]);
  });

  it("B2: each overwrite is reported once, and putting mine back is a normal edit", () => {
    const { ben, anaEdits, benEdits, step, seen, sync } = twoPeople();
    anaEdits.updateTouchpoint(step, { name: "Pay" });
    benEdits.updateTouchpoint(step, { name: "Checkout" });
    sync();
    sync();
    expect(seen).toHaveLength(1);
    anaEdits.updateTouchpoint(step, { name: "Pay" });
    sync();
    expect(readJourneyMap(ben).touchpoints.find((t) => t.id === step)?.name).toBe("Pay");
    expect(seen).toHaveLength(1);
  });

  it("B2: stop ends the watch", () => {
    const { anaEdits, benEdits, step, seen, sync, watch } = twoPeople();
    watch.stop();
    anaEdits.updateTouchpoint(step, { name: "Pay" });
    benEdits.updateTouchpoint(step, { name: "Checkout" });
    sync();
    expect(seen).toEqual([]);
  });
});
