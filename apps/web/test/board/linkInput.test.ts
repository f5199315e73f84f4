import { describe, expect, it } from "vitest";
import { readLinkInput } from "../../src/board/linkInput.ts";

describe("readLinkInput: what the link field accepts", () => {
  it("completes what people type into a web or e-mail link", () => {
    expect(readLinkInput("https://example.com/a")).toEqual({
      ok: true,
      href: "https://example.com/a",
    });
    expect(readLinkInput(" example.com/help ")).toEqual({
      ok: true,
      href: "https://example.com/help",
    });
    expect(readLinkInput("example.com:8080")).toEqual({
      ok: true,
      href: "https://example.com:8080/",
    });
    expect(readLinkInput("ana@example.com")).toEqual({ ok: true, href: "mailto:ana@example.com" });
    expect(readLinkInput("MAILTO:ana@example.com")).toEqual({
      ok: true,
      href: "mailto:ana@example.com",
    });
  });

  it("refuses script, data and file links with a reason, and words that are no address", () => {
    for (const typed of [
      "javascript:alert(1)",
      "JavaScript:void(0)",
      "data:text/html,x",
      "file:///etc/passwd",
    ]) {
      expect(readLinkInput(typed)).toEqual({
        ok: false,
        error: "Only web addresses (http, https) and e-mail links can be added.",
      });
    }
    expect(readLinkInput("")).toMatchObject({ ok: false });
    expect(readLinkInput("hello")).toEqual({
      ok: false,
      error: "That does not look like a web address.",
    });
    expect(readLinkInput("https://")).toMatchObject({ ok: false });
  });
});
