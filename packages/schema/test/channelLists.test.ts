import fc from "fast-check";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  CHANNELS,
  migrateMap,
  readJourneyMap,
  type TouchpointId,
  validChannelList,
} from "../src/index.ts";
import { seededMap, updatesDuring } from "./support/seededMap.ts";

/** A schema-v2 map: steps with one `channel` and no `channels` list. */
function v2Map(channels: readonly string[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    doc.getMap("meta").set("schemaVersion", 2);
    doc.getMap("phases").set("p1", new Y.Map([["pos", { parent: "", key: "a0" }]]));
    const steps = doc.getMap("touchpoints");
    channels.forEach((channel, i) => {
      const step = new Y.Map<unknown>([
        ["pos", { parent: "p1", key: `a${i}` }],
        ["name", `Step ${i}`],
        ["channel", channel],
      ]);
      steps.set(`s${i}`, step);
    });
  });
  migrateLanesOnly(doc);
  return doc;
}

/** Gives the fixture its built-in lanes, so only the channel migration is left to run. */
function migrateLanesOnly(doc: Y.Doc) {
  const steps = doc.getMap("touchpoints");
  migrateMap(doc);
  doc.transact(() => {
    for (const step of steps.values()) (step as Y.Map<unknown>).delete("channels");
  });
  doc.getMap("meta").set("schemaVersion", 2);
}

const channelArb = fc.oneof(fc.constantFrom(...CHANNELS), fc.string({ maxLength: 8 }));

describe("channel lists (schema v3)", () => {
  it("INV-V1: migrates one channel per step into a list of that channel", () => {
    const doc = v2Map(["email", "custom", "pigeon"]);
    expect(readJourneyMap(doc).touchpoints.map((t) => t.channels)).toEqual([
      ["email"],
      ["custom"],
      ["custom"],
    ]);
    expect(migrateMap(doc)).toEqual(["channel-lists"]);
    const steps = doc.getMap<Y.Map<unknown>>("touchpoints");
    expect(steps.get("s0")?.get("channels")).toEqual(["email"]);
    expect(steps.get("s2")?.get("channels")).toEqual(["custom"]);
    expect(readJourneyMap(doc).meta.schemaVersion).toBe(3);
  });

  it("INV-V2/INV-V3: migration is idempotent and two clients migrating at once converge", () => {
    fc.assert(
      fc.property(
        fc.array(channelArb, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (list, aFirst) => {
          const a = v2Map(list);
          const b = new Y.Doc();
          Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
          migrateMap(a);
          migrateMap(b);
          const [x, y] = aFirst ? [a, b] : [b, a];
          Y.applyUpdate(y, Y.encodeStateAsUpdate(x));
          Y.applyUpdate(x, Y.encodeStateAsUpdate(y));
          expect(readJourneyMap(a)).toEqual(readJourneyMap(b));
          expect(readJourneyMap(a).touchpoints).toHaveLength(list.length);
          for (const doc of [a, b]) {
            expect(updatesDuring(doc, () => expect(migrateMap(doc)).toEqual([]))).toBe(0);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("INV-D7: keeps several channels per step, custom names included, deduplicated and trimmed", () => {
    const { editor, map } = seededMap();
    const step = map().touchpoints[0]!;
    editor.updateTouchpoint(step.id, {
      channels: [" Live chat ", "WhatsApp", "whatsapp", "email"],
    });
    const read = map().touchpoints[0]!;
    expect(read.channels).toEqual(["liveChat", "WhatsApp", "email"]);
    expect(read.channel).toBe("liveChat");
    editor.updateTouchpoint(step.id, { channels: ["WhatsApp", "phone"] });
    expect(map().touchpoints[0]!.channel).toBe("custom");
  });

  it("a single channel choice replaces the main (first) channel and keeps the rest", () => {
    const { editor, map } = seededMap();
    const id = map().touchpoints[0]!.id;
    editor.updateTouchpoint(id, { channels: ["reviewSite"] });
    editor.updateTouchpoint(id, { channel: "mobileApp" });
    expect(map().touchpoints[0]!.channels).toEqual(["mobileApp"]);
    editor.updateTouchpoint(id, { channels: ["WhatsApp", "email", "phone"] });
    editor.updateTouchpoint(id, { channel: "email" });
    expect(map().touchpoints[0]!.channels).toEqual(["email", "phone"]);
    editor.updateTouchpoint(id, { channel: "website" });
    expect(map().touchpoints[0]!.channels).toEqual(["website", "phone"]);
  });

  it.each([
    [["", "email"], "A channel needs a name."],
    [["x".repeat(41)], "A channel name has at most 40 characters."],
    [["a", "b", "c", "d", "e", "f", "g", "h", "i"], "A step has at most 8 channels."],
  ])("refuses %j with a clear message and writes nothing", (channels, message) => {
    const { doc, editor, map } = seededMap();
    const id = map().touchpoints[0]!.id as TouchpointId;
    expect(
      updatesDuring(doc, () =>
        expect(() => editor.updateTouchpoint(id, { channels, name: "Renamed" })).toThrow(message),
      ),
    ).toBe(0);
    expect(map().touchpoints[0]!.name).not.toBe("Renamed");
    expect(() => validChannelList(channels)).toThrow(RangeError);
  });

  it("INV-R9: reads hostile channel lists as valid ones", () => {
    const { doc, map } = seededMap();
    const id = map().touchpoints[0]!.id;
    const step = doc.getMap<Y.Map<unknown>>("touchpoints").get(id)!;
    const hostile = [7, null, "  ", "Email", "EMAIL", "x".repeat(300), ...Array(20).fill("y")];
    step.set("channels", hostile);
    const read = map().touchpoints[0]!;
    expect(read.channels).toEqual(["email", "x".repeat(40), "y"]);
    // Not a list at all: read as before lists existed, the one `channel`.
    step.set("channels", "not a list");
    expect(map().touchpoints[0]!.channels).toEqual([step.get("channel")]);
  });
});
