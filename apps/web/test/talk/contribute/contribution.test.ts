import { EMOTION_MAX, EMOTION_MIN } from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import {
  canSend,
  EMPTY_DRAFT,
  firstName,
  nextDraft,
  SCORES,
  scoreText,
  submissionOf,
} from "../../../src/talk/contribute/contribution.ts";

describe("contribution form data", () => {
  it("offers every score of the emotion scale, signed with a real minus", () => {
    expect(SCORES[0]).toBe(EMOTION_MIN);
    expect(SCORES.at(-1)).toBe(EMOTION_MAX);
    expect(SCORES.map(scoreText)).toContain("0");
    expect(scoreText(2)).toBe("+2");
    expect(scoreText(-1)).toBe("−1");
  });

  it("sends only the optional fields that were filled, the link trimmed", () => {
    const by = { name: "Sam", team: " " };
    expect(submissionOf({ ...EMPTY_DRAFT, text: "Hi" }, by)).toEqual({
      text: "Hi",
      kind: "quote",
      contributor: "Sam",
      touchpointId: null,
      sentiment: null,
    });
    const full = {
      text: "Slow",
      kind: "ticket" as const,
      touchpointId: "tp1",
      sentiment: -2,
      source: "#42",
      url: " https://x.test ",
    };
    expect(submissionOf(full, { name: "Sam", team: "Support" })).toEqual({
      text: "Slow",
      kind: "ticket",
      contributor: "Sam",
      team: "Support",
      source: "#42",
      url: "https://x.test",
      touchpointId: "tp1",
      sentiment: -2,
    });
  });

  it("clears what was said for the next one, keeping its kind and step", () => {
    const sent = {
      text: "Slow",
      kind: "callNote" as const,
      touchpointId: "tp1",
      sentiment: 1,
      source: "call",
      url: "https://x.test",
    };
    expect(nextDraft(sent)).toEqual({ ...EMPTY_DRAFT, kind: "callNote", touchpointId: "tp1" });
  });

  it("needs words and a name to send, and thanks by first name", () => {
    expect(canSend({ ...EMPTY_DRAFT, text: "x" }, { name: "Sam", team: "" })).toBe(true);
    expect(canSend({ ...EMPTY_DRAFT, text: "  " }, { name: "Sam", team: "" })).toBe(false);
    expect(canSend({ ...EMPTY_DRAFT, text: "x" }, { name: " ", team: "" })).toBe(false);
    expect(firstName("  Sam Lee ")).toBe("Sam");
  });
});
