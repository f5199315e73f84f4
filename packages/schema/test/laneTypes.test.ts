import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  cardDescriptionRootName,
  importSnapshot,
  type LaneId,
  MapEditor,
  plainTextOf,
  readJourneyMap,
  snapshotMap,
  type TouchpointId,
} from "../src/index.ts";
import { mapFileSchema, readMapFile, serializeMapFile, toMapFile } from "../src/format/index.ts";
import { comparableMap } from "../src/testing/index.ts";
import { seededMap, updatesDuring } from "./support/seededMap.ts";

function typedMap() {
  const seeded = seededMap();
  const { editor, map } = seeded;
  const [first, second] = map().touchpoints;
  const rating = editor.addLane({ name: "Satisfaction", type: "rating" });
  const minutes = editor.addLane({ name: "Wait", type: "number", unit: " min " });
  const link = editor.addLane({ name: "Research", type: "link" });
  const channels = editor.addLane({ name: "Backstage channels", type: "channels" });
  const lane = (id: LaneId) => seeded.map().lanes.find((l) => l.id === id)!;
  return { ...seeded, first: first!.id, second: second!.id, rating, minutes, link, channels, lane };
}

describe("typed lanes", () => {
  it("stores each step's value by the lane's type", () => {
    const m = typedMap();
    m.editor.setLaneValue(m.rating, m.first, 4);
    m.editor.setLaneValue(m.minutes, m.first, 12.5);
    m.editor.setLaneValue(m.link, m.first, "https://example.com/study");
    m.editor.setLaneValue(m.channels, m.first, ["WhatsApp", "Email"]);
    expect(m.lane(m.rating)).toMatchObject({ type: "rating", kind: "text" });
    expect(m.lane(m.rating).values.get(m.first)).toBe(4);
    expect(m.lane(m.minutes)).toMatchObject({ type: "number", unit: "min" });
    expect(m.lane(m.minutes).values.get(m.first)).toBe(12.5);
    expect(m.lane(m.link).values.get(m.first)).toBe("https://example.com/study");
    expect(m.lane(m.channels).values.get(m.first)).toEqual(["WhatsApp", "email"]);
    m.editor.setLaneValue(m.rating, m.first, null);
    expect(m.lane(m.rating).values.has(m.first)).toBe(false);
  });

  it.each([
    ["rating", 6, "A rating is from 1 to 5."],
    ["rating", 2.5, "A rating is a whole number from 1 to 5."],
    ["minutes", Number.NaN, "This lane holds numbers."],
    ["minutes", 1e13, "That number is too large."],
    ["link", "javascript:alert(1)", "A link starts with http:// or https://."],
    ["link", "example.com", "A link starts with http:// or https://."],
    ["channels", "Email", "This lane holds a list of channels."],
  ] as const)(
    "refuses a bad %s value (%s) with a clear message and writes nothing",
    (lane, value, message) => {
      const m = typedMap();
      const laneId = m[lane];
      expect(
        updatesDuring(m.doc, () =>
          expect(() => m.editor.setLaneValue(laneId, m.first, value as never)).toThrow(message),
        ),
      ).toBe(0);
    },
  );

  it("refuses to retype a built-in lane and writes nothing", () => {
    const { doc, editor, map } = seededMap();
    const actions = map().lanes.find((l) => l.kind === "actions")!;
    expect(
      updatesDuring(doc, () =>
        expect(() => editor.updateLane(actions.id, { type: "rating" })).toThrow(
          "Only lanes you added",
        ),
      ),
    ).toBe(0);
  });

  it("INV-R9: validates and clamps values from the network instead of throwing", () => {
    const m = typedMap();
    const lanes = m.doc.getMap<Y.Map<unknown>>("lanes");
    m.doc.transact(() => {
      lanes.get(m.rating)!.set(`value/${m.first}`, 99);
      lanes.get(m.rating)!.set(`value/${m.second}`, "three");
      lanes.get(m.minutes)!.set(`value/${m.first}`, -1e300);
      lanes.get(m.minutes)!.set(`value/${m.second}`, "12");
      lanes.get(m.minutes)!.set("unit", "x".repeat(100));
      lanes.get(m.link)!.set(`value/${m.first}`, "javascript:alert(1)");
      lanes.get(m.link)!.set(`value/${m.second}`, " https://ok.example/a ");
      lanes.get(m.channels)!.set(`value/${m.first}`, [1, "", "Phone", "phone", "Fax"]);
      lanes.get(m.rating)!.set("type", "hologram");
    });
    const read = (id: LaneId) => m.lane(id);
    // An unknown type reads as text: its stored values are kept but not shown.
    expect(read(m.rating)).toMatchObject({ type: "text" });
    expect(read(m.rating).values.size).toBe(0);
    expect(read(m.minutes).values.get(m.first)).toBe(-1e12);
    expect(read(m.minutes).values.has(m.second)).toBe(false);
    expect(read(m.minutes).unit).toHaveLength(12);
    expect(read(m.link).values.has(m.first)).toBe(false);
    expect(read(m.link).values.get(m.second)).toBe("https://ok.example/a");
    expect(read(m.channels).values.get(m.first)).toEqual(["phone", "Fax"]);
    m.doc.transact(() => lanes.get(m.rating)!.set("type", "rating"));
    expect(read(m.rating).values.get(m.first)).toBe(5);
  });

  it("a step's values are hidden while it is deleted and come back when it is restored", () => {
    const m = typedMap();
    m.editor.setLaneValue(m.rating, m.first, 2);
    const undo = new Y.UndoManager(
      ["touchpoints", "cards", "emotions", "lanes"].map((n) => m.doc.getMap(n)),
      { trackedOrigins: new Set([m.editor.ctx.origin]) },
    );
    m.editor.deleteTouchpoint(m.first);
    expect(m.lane(m.rating).values.has(m.first)).toBe(false);
    undo.undo();
    expect(m.lane(m.rating).values.get(m.first)).toBe(2);
  });
});

describe("card descriptions", () => {
  it("INV-R7: are in the read model while their card exists, and back when its delete is undone", () => {
    const { doc, editor, map } = seededMap();
    const card = [...map().cardsByTouchpoint.values()][0]![0]!;
    editor.setCardDescriptionText(card.id, "Three clicks too many");
    expect(map().cardDescriptions.get(card.id)?.text).toBe("Three clicks too many");
    const undo = new Y.UndoManager(doc.getMap("cards"), {
      trackedOrigins: new Set([editor.ctx.origin]),
    });
    editor.deleteCard(card.id);
    expect(map().cardDescriptions.has(card.id)).toBe(false);
    undo.undo();
    expect(map().cardDescriptions.get(card.id)?.text).toBe("Three clicks too many");
  });

  it("are rich text that two people typing into an empty one at once both keep", () => {
    const { doc, editor, map } = seededMap();
    const card = map().cardsByTouchpoint.values().next().value![0]!;
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    editor.setCardDescriptionText(card.id, "Slow");
    new MapEditor(other).setCardDescriptionText(card.id, "Confusing");
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    const text = plainTextOf(editor.cardDescription(card.id));
    expect(text).toContain("Slow");
    expect(text).toContain("Confusing");
    expect(plainTextOf(new MapEditor(other).cardDescription(card.id))).toBe(text);
  });
});

describe("INV-E1: typed lanes, channel lists and card descriptions survive export → import", () => {
  it("through a snapshot and through the JSON file", () => {
    const m = typedMap();
    m.editor.setLaneValue(m.rating, m.first, 4);
    m.editor.setLaneValue(m.minutes, m.second, 3);
    m.editor.setLaneValue(m.link, m.first, "https://example.com/");
    m.editor.setLaneValue(m.channels, m.first, ["SMS", "social"]);
    m.editor.updateTouchpoint(m.first, { channels: ["email", "WhatsApp"] });
    const card =
      m.map().cardsByTouchpoint.get(m.first as TouchpointId)?.[0] ??
      [...m.map().cardsByTouchpoint.values()][0]![0]!;
    m.editor.setCardDescriptionText(card.id, "Customers give up here");

    const viaSnapshot = new Y.Doc();
    importSnapshot(viaSnapshot, snapshotMap(m.doc));
    const file = serializeMapFile(toMapFile(snapshotMap(m.doc), new Date(0)));
    expect(mapFileSchema.safeParse(JSON.parse(file)).success).toBe(true);
    const preview = readMapFile(file);
    expect(preview.errors).toEqual([]);
    const viaFile = new Y.Doc();
    importSnapshot(viaFile, preview.snapshot!);

    for (const copy of [viaSnapshot, viaFile]) {
      expect(comparableMap(readJourneyMap(copy))).toEqual(comparableMap(m.map()));
      expect(snapshotMap(copy)).toEqual(snapshotMap(m.doc));
      expect(readJourneyMap(copy).touchpoints[0]!.channels).toEqual(["email", "WhatsApp"]);
      expect(plainTextOf(copy.getXmlFragment(cardDescriptionRootName(card.id)))).toBe(
        "Customers give up here",
      );
    }
  });

  it("reads files written before lane types, channel lists and card descriptions", () => {
    const m = typedMap();
    const file = JSON.parse(serializeMapFile(toMapFile(snapshotMap(m.doc), new Date(0))));
    for (const t of file.map.touchpoints) delete t.channels;
    for (const l of file.map.lanes) {
      delete l.type;
      delete l.unit;
      delete l.values;
    }
    for (const c of file.map.cards) delete c.description;
    file.map.touchpoints[0].channel = "phone";
    const preview = readMapFile(file);
    expect(preview.errors).toEqual([]);
    expect(preview.snapshot!.touchpoints[0]!.channels).toEqual(["phone"]);
    expect(preview.snapshot!.lanes.every((l) => l.type === "text")).toBe(true);
    expect(preview.snapshot!.cards[0]!.description).toEqual([]);
  });
});
