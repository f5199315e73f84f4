import { describe, expect, it } from "vitest";
import { EXPORT_KINDS, exportFileName } from "../../src/export/exportFileNames.ts";

const DAY = new Date(2026, 11, 6, 15, 30);

describe("exportFileName", () => {
  it("names files by map title and date, distinct for each kind of export", () => {
    expect(exportFileName("Onboarding journey", "json", DAY)).toBe(
      "Onboarding journey - 2026-12-06.json",
    );
    expect(exportFileName("Onboarding journey", "json-comments", DAY)).toBe(
      "Onboarding journey - 2026-12-06 with comments.json",
    );
    const names = EXPORT_KINDS.map((kind) => exportFileName("Onboarding journey", kind, DAY));
    expect(new Set(names).size).toBe(EXPORT_KINDS.length);
    expect(names.filter((n) => n.endsWith(".pdf"))).toHaveLength(2);
  });

  it("keeps the title readable but safe on every system", () => {
    expect(exportFileName('Q3: "Returns" / EU', "png", DAY)).toBe("Q3 Returns EU - 2026-12-06.png");
    expect(exportFileName(" ... ", "svg", DAY)).toBe("Untitled map - 2026-12-06.svg");
    expect(exportFileName("Café ↔ Kunde", "svg", DAY)).toBe("Café ↔ Kunde - 2026-12-06.svg");
  });
});
