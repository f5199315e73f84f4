import { parseElementKey } from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import {
  geometryBox as boxOf,
  type GridMetrics,
  type Lookups,
  rowsFrom,
} from "../../src/board/markerGeometry.ts";

/** The box of the element a key names (null for what is not an element key). */
function geometryBox(key: string, m: GridMetrics, at: Lookups) {
  const ref = parseElementKey(key);
  return ref ? boxOf(ref, m, at) : null;
}

const metrics: GridMetrics = {
  leading: 184,
  columnWidth: 220,
  ...rowsFrom(56, [
    { id: "lane-actions", top: 180, height: 70 },
    { id: "lane-thoughts", top: 250, height: 90 },
  ]),
};
const at = {
  columnOf: (id: string) => ({ s0: 0, s9: 9 })[id] ?? -1,
  phaseSpan: (id: string) => (id === "p2" ? { start: 4, span: 3 } : null),
};

describe("marker geometry", () => {
  it("puts the step row between the phase row and the first lane", () => {
    expect(metrics.phaseRow).toEqual({ top: 0, height: 56 });
    expect(metrics.stepRow).toEqual({ top: 56, height: 124 });
  });

  it("places a step card inside its column of the step row", () => {
    expect(geometryBox("touchpoint:s9", metrics, at)).toEqual({
      left: 184 + 9 * 220 + 8,
      width: 204,
      top: 64,
      height: 108,
    });
  });

  it("places a cell at its lane's row and its step's column", () => {
    expect(geometryBox("cell:cell/lane-thoughts/s0", metrics, at)).toEqual({
      left: 184,
      width: 220,
      top: 250,
      height: 90,
    });
  });

  it("spans a phase band over its columns", () => {
    expect(geometryBox("phase:p2", metrics, at)).toEqual({
      left: 184 + 4 * 220,
      width: 660,
      top: 0,
      height: 56,
    });
  });

  it("leaves to measuring what geometry cannot place, and unknown items out", () => {
    expect(geometryBox("card:c1", metrics, at)).toBeNull();
    expect(geometryBox("voice:s0", metrics, at)).toBeNull();
    expect(geometryBox("touchpoint:gone", metrics, at)).toBeNull();
    expect(geometryBox("cell:cell/lane-hidden/s0", metrics, at)).toBeNull();
    expect(geometryBox("phase:gone", metrics, at)).toBeNull();
    expect(geometryBox("garbage", metrics, at)).toBeNull();
  });
});
