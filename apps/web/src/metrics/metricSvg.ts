/**
 * A metric cell in the exported map (SVG, and so PNG and PDF): the value against its target
 * in the status colour, and the sparkline the board draws.
 */
import { isMetricCell, type Lane, type LaneValue } from "@journeymap/schema";
import { LIGHT } from "../export/mapSvgStyle.ts";
import { type Block, DASH, stack, textBlock } from "../export/svgBlocks.ts";
import { metricStatus, metricText } from "./metricText.ts";
import { sparkline } from "./sparkline.ts";

const SPARK_HEIGHT = 20;
const STATUS_COLOUR = { met: LIGHT.opportunityBorder, missed: LIGHT.painBorder, none: LIGHT.text };

export function metricBlock(lane: Lane, value: LaneValue | undefined, width: number): Block {
  if (!isMetricCell(value)) return DASH;
  const label = textBlock(
    metricText(lane, value),
    width,
    13,
    STATUS_COLOUR[metricStatus(lane, value)],
    {
      bold: true,
      maxLines: 2,
    },
  );
  const sparkWidth = Math.min(width, 120);
  const spark = sparkline(
    value.series.map((p) => p.value),
    sparkWidth,
    SPARK_HEIGHT,
    value.target,
  );
  if (spark.points === "") return label;
  const colour = STATUS_COLOUR[metricStatus(lane, value)];
  const line: Block = {
    height: SPARK_HEIGHT,
    draw: (x, y) => {
      const target =
        spark.targetY === null
          ? ""
          : `<line x1="${x}" x2="${x + sparkWidth}" y1="${y + spark.targetY}" y2="${y + spark.targetY}" stroke="${LIGHT.faint}" stroke-dasharray="2 2"/>`;
      return `<g>${target}<polyline transform="translate(${x} ${y})" points="${spark.points}" fill="none" stroke="${colour === LIGHT.text ? LIGHT.muted : colour}" stroke-width="1.5" stroke-linejoin="round"/></g>`;
    },
  };
  return stack([label, line], 4);
}
