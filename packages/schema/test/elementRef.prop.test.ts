/** The element key round trip, over every kind and any valid ids; and any string parses to null or back to itself. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ElementRef,
  elementKey,
  parseElementKey,
  type CardId,
  type EvidenceId,
  type LaneId,
  type PersonaId,
  type PhaseId,
  type TouchpointId,
} from "../src/index.ts";

const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
const elementRef: fc.Arbitrary<ElementRef> = fc.oneof(
  id.map((id): ElementRef => ({ kind: "phase", id: id as PhaseId })),
  id.map((id): ElementRef => ({ kind: "touchpoint", id: id as TouchpointId })),
  id.map((id): ElementRef => ({ kind: "card", id: id as CardId })),
  id.map((id): ElementRef => ({ kind: "lane", id: id as LaneId })),
  id.map((id): ElementRef => ({ kind: "persona", id: id as PersonaId })),
  id.map((id): ElementRef => ({ kind: "evidence", id: id as EvidenceId })),
  fc.tuple(id, id).map(
    ([lane, step]): ElementRef => ({
      kind: "cell",
      laneId: lane as LaneId,
      touchpointId: step as TouchpointId,
    }),
  ),
  fc.tuple(id, id).map(
    ([persona, step]): ElementRef => ({
      kind: "emotion",
      personaId: persona as PersonaId,
      touchpointId: step as TouchpointId,
    }),
  ),
  fc.constant<ElementRef>({ kind: "meta" }),
);
/** Strings near the key's shape: known and unknown prefixes, colons and slashes. */
const keyLike = fc
  .tuple(
    fc.constantFrom("phase", "touchpoint", "card", "lane", "persona", "evidence", "cell", "point"),
    fc.constantFrom(":", "", "::"),
    fc.string({ unit: fc.constantFrom("a", "Z", "0", "-", "_", "/", ":", " ", "é", "cell/") }),
  )
  .map(([kind, colon, rest]) => `${kind}${colon}${rest}`);

describe("element keys", () => {
  it("parse back to the reference they were made from, for every kind", () => {
    fc.assert(
      fc.property(elementRef, (ref) => {
        expect(parseElementKey(elementKey(ref))).toEqual(ref);
      }),
    );
  });

  it("are canonical: a string that parses is the key of what it parses to", () => {
    fc.assert(
      fc.property(fc.oneof(keyLike, fc.string()), (key) => {
        const ref = parseElementKey(key);
        if (ref) expect(elementKey(ref)).toBe(key);
      }),
    );
  });
});
