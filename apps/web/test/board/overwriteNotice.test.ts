import { MapEditor, readJourneyMap } from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { describeOverwrite, putMineBack } from "../../src/board/overwriteNotice.ts";
import type { Overwrite } from "../../src/sync/overwriteWatch.ts";

function board() {
  const doc = new Y.Doc();
  const editor = new MapEditor(doc);
  const discover = editor.addPhase({ name: "Discover" });
  const buy = editor.addPhase({ name: "Buy" });
  const browse = editor.addTouchpoint({ phaseId: discover, name: "Browse" });
  const compare = editor.addTouchpoint({ phaseId: discover, name: "Compare" });
  const pay = editor.addTouchpoint({ phaseId: buy, name: "Checkout" });
  const card = editor.addCard({ kind: "painPoint", touchpointId: browse, title: "Slow" });
  const posOf = (root: string, id: string) =>
    (doc.getMap(root).get(id) as Y.Map<unknown>).get("pos") as { parent: string; key: string };
  return { doc, editor, discover, buy, browse, compare, pay, card, posOf };
}

describe("overwrite notices", () => {
  it("B2: names who renamed what, and putting mine back renames it again", () => {
    const { doc, editor, pay } = board();
    const o: Overwrite = {
      ref: { kind: "touchpoint", id: pay },
      field: "name",
      mine: "Pay",
      theirs: "Checkout",
      by: 2,
    };
    expect(describeOverwrite(readJourneyMap(doc), o, "Ben")).toEqual({
      text: "Ben renamed the step “Pay” to “Checkout” after you",
      canPutBack: true,
    });
    expect(putMineBack(editor, readJourneyMap(doc), o)).toBe(true);
    expect(readJourneyMap(doc).touchpoints.find((t) => t.id === pay)?.name).toBe("Pay");
  });

  it("B2: says where a card went and where I had put it; putting it back moves it there", () => {
    const { doc, editor, browse, compare, card, posOf } = board();
    const theirs = posOf("cards", card);
    const mine = { parent: compare, key: theirs.key };
    const o: Overwrite = { ref: { kind: "card", id: card }, field: "pos", mine, theirs, by: 2 };
    expect(describeOverwrite(readJourneyMap(doc), o, "Ben")?.text).toBe(
      "Ben moved the pain point “Slow” to the step “Browse” after you; you had moved it to the step “Compare”",
    );
    expect(putMineBack(editor, readJourneyMap(doc), o)).toBe(true);
    expect(
      readJourneyMap(doc)
        .cardsByTouchpoint.get(compare)
        ?.map((c) => c.id),
    ).toEqual([card]);
    expect(readJourneyMap(doc).cardsByTouchpoint.get(browse) ?? []).toEqual([]);
  });

  it("B2: a step goes back among its old neighbours in the phase I had chosen", () => {
    const { doc, editor, discover, buy, browse, compare, posOf } = board();
    const mine = posOf("touchpoints", compare);
    editor.moveTouchpoint(compare, buy, 0);
    const o: Overwrite = {
      ref: { kind: "touchpoint", id: compare },
      field: "pos",
      mine,
      theirs: posOf("touchpoints", compare),
      by: 2,
    };
    expect(describeOverwrite(readJourneyMap(doc), o, "Ben")?.text).toBe(
      "Ben moved the step “Compare” to “Buy” after you; you had moved it to “Discover”",
    );
    putMineBack(editor, readJourneyMap(doc), o);
    const steps = readJourneyMap(doc).touchpoints.filter((t) => t.phaseId === discover);
    expect(steps.map((t) => t.id)).toEqual([browse, compare]);
  });

  it("B2: nothing to say about a thing that is gone; no put-back to a place that is gone", () => {
    const { doc, editor, discover, card, browse, posOf } = board();
    const gone: Overwrite = {
      ref: { kind: "phase", id: "nope" as never },
      field: "name",
      mine: "A",
      theirs: "B",
      by: 2,
    };
    expect(describeOverwrite(readJourneyMap(doc), gone, "Ben")).toBeNull();
    const theirs = posOf("cards", card);
    const o: Overwrite = {
      ref: { kind: "card", id: card },
      field: "pos",
      mine: { parent: "deleted-step", key: "a0" },
      theirs,
      by: 2,
    };
    expect(describeOverwrite(readJourneyMap(doc), o, "Ben")?.canPutBack).toBe(false);
    expect(putMineBack(editor, readJourneyMap(doc), o)).toBe(false);
    expect(readJourneyMap(doc).cardsByTouchpoint.get(browse)?.length).toBe(1);
    expect(discover).toBeTruthy();
  });
});
