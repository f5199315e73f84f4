import { type EmotionPoint, emotionKey, type Persona, type TouchpointId } from "@journeymap/schema";
import { memo } from "react";
import type { Column } from "./columns.ts";
import { curvePathOverRuns } from "./curve.ts";
import { pointsFor } from "./emotionLaneModel.ts";

/**
 * The curves of the other shown personas, for comparison. Memoized: dragging a point of the
 * edited curve and moving the board's column window leave them alone.
 */
export const OtherCurves = memo(function OtherCurves({
  runs,
  columns,
  columnWidth,
  personas,
  activeId,
  emotions,
  drags,
}: {
  runs: readonly (readonly [number, number])[];
  columns: readonly Column[];
  columnWidth: number;
  personas: readonly Persona[];
  activeId: string;
  emotions: ReadonlyMap<string, EmotionPoint>;
  drags: ReadonlyMap<string, number>;
}) {
  return personas
    .filter((p) => p.id !== activeId)
    .map((p) => {
      const scoreOf = (id: TouchpointId) => {
        const key = emotionKey(p.id, id);
        return drags.get(key) ?? emotions.get(key)?.score;
      };
      return (
        <path
          key={p.id}
          d={curvePathOverRuns(pointsFor(columns, columnWidth, scoreOf), runs)}
          className="emotion-curve emotion-curve--inactive"
          stroke={p.colour}
        />
      );
    });
});
