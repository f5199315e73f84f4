import { CLOSE } from "@journeymap/protocol";
import { describe, expect, it } from "vitest";
import { accessEndedBy, refusalSentence } from "../../src/sync/accessEnded.ts";

describe("access ended (issue 15, B3)", () => {
  it("turns the server's closes into sentences, never codes", () => {
    const { linkRevoked, linkExpired, accessRemoved, writeRefused } = CLOSE;
    for (const close of [linkRevoked, linkExpired, accessRemoved, writeRefused]) {
      const sentence = accessEndedBy(close.code, close.reason);
      expect(sentence).toMatch(/^[A-Z].*\.$/);
      expect(sentence).not.toMatch(/\d{3}/);
    }
    expect(accessEndedBy(linkRevoked.code, linkRevoked.reason)).toMatch(/revoked/);
    expect(accessEndedBy(writeRefused.code, "Not allowed: threads")).toMatch(/refused an edit/);
  });

  it("leaves closes that are not about access alone", () => {
    expect(accessEndedBy(CLOSE.storeFailed.code, CLOSE.storeFailed.reason)).toBeNull();
    expect(accessEndedBy(CLOSE.roleChanged.code, CLOSE.roleChanged.reason)).toBeNull();
    expect(accessEndedBy(1006)).toBeNull();
    expect(accessEndedBy(undefined)).toBeNull();
  });

  it("never shows a raw refusal code", () => {
    expect(refusalSentence("permission-denied")).not.toContain("permission-denied");
    expect(refusalSentence("")).toBe("This map does not exist.");
    expect(refusalSentence("This link was revoked")).toBe("This link was revoked");
  });
});
