import { type EmotionPoint, emotionKey, type Persona, type TouchpointId } from "@journeymap/schema";
import { memo } from "react";
import type { Column } from "./columns.ts";
import { curvePathOverRuns, lastPointInRuns } from "./curve.ts";
import { CurveName } from "./CurveName.tsx";
import { pointsFor } from "./emotionLaneModel.ts";

/**
 * The curves of the other shown personas, for comparison, each named at its end; a click on
 * one makes it the edited curve (its wide transparent twin is what takes the click, a 2 px
 * dashed line being too thin to hit). Memoized: dragging a point of the edited curve and
 * moving the board's column window leave them alone.
 */
export const OtherCurves = memo(function OtherCurves({
  runs,
  columns,
  columnWidth,
  personas,
  activeId,
  emotions,
  drags,
  onPick,
}: {
  runs: readonly (readonly [number, number])[];
  columns: readonly Column[];
  columnWidth: number;
  personas: readonly Persona[];
  activeId: string;
  emotions: ReadonlyMap<string, EmotionPoint>;
  drags: ReadonlyMap<string, number>;
  onPick: (personaId: string) => void;
}) {
  return personas
    .filter((p) => p.id !== activeId)
    .map((p) => {
      const scoreOf = (id: TouchpointId) => {
        const key = emotionKey(p.id, id);
        return drags.get(key) ?? emotions.get(key)?.score;
      };
      const points = pointsFor(columns, columnWidth, scoreOf);
      const d = curvePathOverRuns(points, runs);
      return (
        <g key={p.id} className="emotion-other" data-persona-id={p.id}>
          <path d={d} className="emotion-curve emotion-curve--inactive" stroke={p.colour} />
          {/* biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut; the legend's radio buttons are the keyboard way to pick a curve */}
          <path
            d={d}
            className="emotion-curve-hit"
            data-testid="board.curve-hit"
            onClick={() => onPick(p.id)}
          >
            <title>{`Edit ${p.name}'s curve`}</title>
          </path>
          <CurveName persona={p} end={lastPointInRuns(points, runs)} edited={false} />
        </g>
      );
    });
});
