/**
 * What search indexes of a map and how a hit is shown (issue 19): one row per element with its
 * name apart from its text, and snippets whose marks are the words that matched — case and
 * diacritics folded, the last typed word as a prefix — cut around the first match.
 */
import { createMapFromTemplate, readJourneyMap } from "@journeymap/schema";
import { searchTerms } from "@journeymap/storage";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { mapSearchRows } from "../src/library/search/searchRows.ts";
import { labelMarks, SNIPPET_CHARS, snippetOf } from "../src/library/search/snippet.ts";

const marked = (s: { text: string; marks: readonly { start: number; length: number }[] }) =>
  s.marks.map((m) => s.text.slice(m.start, m.start + m.length));

describe("search rows", () => {
  it("index the map, its phases, steps, cards, cells and personas under their element keys", () => {
    const doc = new Y.Doc();
    createMapFromTemplate(doc, "support-ticket", { title: "Support" });
    const map = readJourneyMap(doc);
    const rows = mapSearchRows(map);
    const step = map.touchpoints[0]!;
    expect(rows[0]).toMatchObject({ elementKey: "meta", kind: "map", name: "Support" });
    expect(rows.find((r) => r.elementKey === `touchpoint:${step.id}`)).toMatchObject({
      kind: "step",
      label: `Step · ${step.name}`,
      name: step.name,
    });
    const kinds = new Set(rows.map((r) => r.kind));
    for (const kind of ["phase", "step", "painPoint", "opportunity", "cell", "persona"])
      expect(kinds).toContain(kind);
    expect(rows.filter((r) => r.kind === "cell").every((r) => r.name === "" && r.text !== "")).toBe(
      true,
    );
  });
});

describe("snippets", () => {
  it("mark whole words in any case and without diacritics, the last typed word as a prefix", () => {
    const snippet = snippetOf("Le CAFÉ est fermé; cafeteria ouverte", searchTerms("cafe ferm"));
    expect(marked(snippet)).toEqual(["CAFÉ", "fermé"]);
    expect(marked(snippetOf("Le café est fermé", searchTerms("caf ")))).toEqual([]);
  });

  it("cut long text around the first match, with ellipses, and keep lines apart", () => {
    const long = `${"word ".repeat(60)}the refund arrives\n${"tail ".repeat(60)}`;
    const snippet = snippetOf(long, searchTerms("refund"));
    expect(snippet.text.startsWith("…")).toBe(true);
    expect(snippet.text.endsWith("…")).toBe(true);
    expect(snippet.text.length).toBeLessThanOrEqual(SNIPPET_CHARS + 2);
    expect(marked(snippet)).toEqual(["refund"]);
    expect(snippetOf("Gets a refund\nBilling", searchTerms("refund")).text).toBe(
      "Gets a refund · Billing",
    );
  });

  it("mark a label only within the element's own name", () => {
    const terms = searchTerms("step refund");
    const label = "Step · Refund step";
    expect(marked({ text: label, marks: labelMarks(label, "Refund step", terms) })).toEqual([
      "Refund",
      "step",
    ]);
    expect(labelMarks("Actions × Refund", "", terms)).toEqual([]);
  });
});
