import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { createMapFromTemplate, MapEditor, readJourneyMap } from "@journeymap/schema";
import { boardColumns } from "../../src/board/columns.ts";

describe("board columns", () => {
  it("gives each touchpoint a column and an empty phase one placeholder", () => {
    const doc = new Y.Doc();
    createMapFromTemplate(doc, "default");
    new MapEditor(doc).addPhase({ name: "Empty", index: 1 });
    const map = readJourneyMap(doc);
    const { columns, spans } = boardColumns(map);
    expect(columns.filter((c) => c.kind === "touchpoint")).toHaveLength(map.touchpoints.length);
    expect(columns.filter((c) => c.kind === "empty")).toHaveLength(1);
    expect(spans[1]).toMatchObject({ start: 2, span: 1 });
    expect(spans.reduce((n, s) => n + s.span, 0)).toBe(columns.length);
    expect(spans[0]!.start).toBe(0);
    for (let i = 1; i < spans.length; i++) {
      expect(spans[i]!.start).toBe(spans[i - 1]!.start + spans[i - 1]!.span);
    }
  });
});
