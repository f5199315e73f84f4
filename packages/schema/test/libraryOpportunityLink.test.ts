/** A card linked to a workspace library opportunity (issue 19): read, link, unlink, summary. */
import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { CARD, ROOT } from "../src/layout.ts";
import { type JourneyMap, readJourneyMap, snapshotMap, summarizeMap } from "../src/index.ts";
import { cardsInBoardOrder } from "../src/read/JourneyMap.ts";
import { seededMap } from "./support/seededMap.ts";

const cardOf = (map: JourneyMap, id: string) => cardsInBoardOrder(map).find((c) => c.id === id);

function withOpportunity() {
  const seeded = seededMap();
  const step = seeded.map().touchpoints[0]!;
  const cardId = seeded.editor.addCard({
    kind: "opportunity",
    touchpointId: step.id,
    title: "Fix the verification email",
  });
  return { ...seeded, cardId };
}

describe("library opportunity links", () => {
  it("reads no link by default, a link once set, and none again once unlinked", () => {
    const { editor, map, cardId } = withOpportunity();
    const card = () => cardOf(map(), cardId)!;
    expect(card().libraryOpportunityId).toBeNull();
    expect(editor.linkCard(cardId, "opp_1")).toBe(true);
    expect(card().libraryOpportunityId).toBe("opp_1");
    expect(editor.linkCard(cardId, null)).toBe(true);
    expect(card()).toMatchObject({
      libraryOpportunityId: null,
      title: "Fix the verification email",
    });
    expect(editor.linkCard("no-such" as never, "opp_1")).toBe(false);
  });

  it("refuses a malformed id and reads a stored malformed one as no link", () => {
    const { doc, editor, map, cardId } = withOpportunity();
    expect(() => editor.linkCard(cardId, "a b")).toThrow(RangeError);
    (doc.getMap(ROOT.cards).get(cardId) as Y.Map<unknown>).set(CARD.libraryOpportunityId, 7);
    expect(cardOf(map(), cardId)?.libraryOpportunityId).toBeNull();
  });

  it("carries the link in the map's summary but not in the open format", () => {
    const { doc, editor, cardId } = withOpportunity();
    editor.linkCard(cardId, "opp_1");
    const summary = summarizeMap(readJourneyMap(doc));
    expect(summary.cards.find((c) => c.id === cardId)?.libraryOpportunityId).toBe("opp_1");
    const file = snapshotMap(doc);
    const card = file.cards.find((c) => c.id === cardId);
    expect(card?.title).toBe("Fix the verification email");
    expect(card).not.toHaveProperty("libraryOpportunityId");
  });
});
