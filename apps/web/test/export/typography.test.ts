import { describe, expect, it } from "vitest";
import { plural, quoted, typeset } from "../../src/export/typography.ts";

describe("print typography", () => {
  it("writes proper plurals", () => {
    expect(plural(1, "persona")).toBe("1 persona");
    expect(plural(2, "persona")).toBe("2 personas");
    expect(plural(0, "pain point")).toBe("0 pain points");
    expect(plural(3, "evidence item")).toBe("3 evidence items");
  });

  it("uses arrows and curly quotes and apostrophes", () => {
    expect(typeset("Browse -> Buy")).toBe("Browse → Buy");
    expect(typeset(`I can't find "my size"`)).toBe("I can\u2019t find \u201cmy size\u201d");
  });

  it("quotes a quotation once, even when the author typed quotes", () => {
    expect(quoted(`"Just let me pay"`)).toBe("\u201cJust let me pay\u201d");
    expect(quoted("\u201cAlready curly\u201d")).toBe("\u201cAlready curly\u201d");
    expect(quoted("It's fine")).toBe("\u201cIt\u2019s fine\u201d");
  });
});
