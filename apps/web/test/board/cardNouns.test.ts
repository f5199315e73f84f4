import { describe, expect, it } from "vitest";
import { addCardLabel, CARD_NOUN } from "../../src/board/cardNouns.ts";

describe("card nouns", () => {
  it("names each kind", () => {
    expect(CARD_NOUN.painPoint).toBe("pain point");
    expect(CARD_NOUN.opportunity).toBe("opportunity");
  });

  it("uses the right article in the add button's label (B11: not 'Add a opportunity')", () => {
    expect(addCardLabel("painPoint", "Checkout")).toBe("Add a pain point to Checkout");
    expect(addCardLabel("opportunity", "Checkout")).toBe("Add an opportunity to Checkout");
  });
});
