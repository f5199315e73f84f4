import { describe, expect, it } from "vitest";
import { completeMention, mentionSuggestions } from "../../../src/talk/comments/mentionInput.ts";

const PEOPLE = ["Ana Lopez", "Anton", "Ben", "Olga"];

describe("mention suggestions", () => {
  it("offers the names that start with the partial name after the last @", () => {
    expect(mentionSuggestions("Hi @an", 6, PEOPLE)).toEqual(["Ana Lopez", "Anton"]);
    expect(mentionSuggestions("Hi @", 4, PEOPLE)).toEqual(PEOPLE);
    expect(mentionSuggestions("Hi @Ana L", 9, PEOPLE)).toEqual(["Ana Lopez"]);
    // No open @, an e-mail address, or a name already complete: nothing.
    expect(mentionSuggestions("Hi an", 5, PEOPLE)).toEqual([]);
    expect(mentionSuggestions("mail ana@ex", 11, PEOPLE)).toEqual([]);
    expect(mentionSuggestions("@Olga", 5, PEOPLE)).toEqual([]);
  });

  it("uses the text before the caret only", () => {
    expect(mentionSuggestions("@b and more", 2, PEOPLE)).toEqual(["Ben"]);
    expect(mentionSuggestions("@b and more", 11, PEOPLE)).toEqual([]);
  });

  it("replaces the partial name with the whole one and puts the caret after it", () => {
    expect(completeMention("Hi @an", 6, "Ana Lopez")).toEqual({
      text: "Hi @Ana Lopez ",
      caret: 14,
    });
    expect(completeMention("@b, see this", 2, "Ben")).toEqual({
      text: "@Ben , see this",
      caret: 5,
    });
    expect(completeMention("@b see", 2, "Ben")).toEqual({ text: "@Ben see", caret: 5 });
  });
});
