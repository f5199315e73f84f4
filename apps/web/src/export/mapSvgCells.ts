/** The board's cells as blocks of the exported map: steps, text cells, channels and cards. */
import {
  type Card,
  type ChannelEntry,
  channelLabel,
  cellRootName,
  isRichBlocksEmpty,
  type JourneyMap,
  type Lane,
  readRichBlocks,
} from "@journeymap/schema";
import type { Column } from "../board/columns.ts";
import { laneValueText } from "../board/laneValueText.ts";
import { metricBlock } from "../metrics/metricSvg.ts";
import { LIGHT } from "./mapSvgStyle.ts";
import { type Block, chip, DASH, stack, text, textBlock } from "./svgBlocks.ts";
import { richTextBlock } from "./svgRichText.ts";

function cardBlock(card: Card, width: number): Block {
  const inner = width - 24;
  const title = textBlock(card.title, inner, 13, LIGHT.text, { maxLines: 6 });
  const h = 12 + title.height + 8 + 10 + 10;
  const isPain = card.kind === "painPoint";
  const muted = card.status === "done" || card.status === "dismissed";
  return {
    height: h,
    draw: (x, y) => {
      let out = `<g${muted ? ' opacity="0.6"' : ""}>`;
      out += `<rect x="${x}" y="${y}" width="${width}" height="${h}" rx="6" fill="${isPain ? LIGHT.pain : LIGHT.opportunity}"/>`;
      out += `<rect x="${x}" y="${y}" width="4" height="${h}" rx="2" fill="${isPain ? LIGHT.painBorder : LIGHT.opportunityBorder}"/>`;
      out += title.draw(x + 14, y + 8, inner);
      const dy = y + 12 + title.height + 8;
      for (let i = 0; i < 5; i++) {
        out += `<circle cx="${x + 19 + i * 12}" cy="${dy + 4}" r="4.5" fill="${i < card.rating ? LIGHT.muted : LIGHT.borderStrong}"/>`;
      }
      const meta = [
        card.status !== "open" ? card.status.replace("inProgress", "in progress") : "",
        card.owner,
      ]
        .filter(Boolean)
        .join(" · ");
      if (meta) out += text(x + 84, dy + 8, meta, 11, LIGHT.muted);
      return `${out}</g>`;
    },
  };
}

/** A step's channels: one chip each, stacked when there are several. */
function channelsBlock(channels: readonly ChannelEntry[], width: number): Block {
  if (channels.length === 0) return DASH;
  return stack(
    channels.map((entry) => ({
      height: 22,
      draw: (x: number, y: number) =>
        chip(channelLabel(entry).slice(0, Math.floor(width / 7)), x, y),
    })),
    4,
  );
}

/** One lane's cell in one column: a channel chip, the cards of a card lane, or rich text. */
export function cellBlock(map: JourneyMap, lane: Lane, column: Column, width: number): Block {
  if (column.kind !== "touchpoint") return { height: 0, draw: () => "" };
  const tp = column.touchpoint;
  if (lane.kind === "channels") return channelsBlock(tp.channels, width);
  if (lane.type === "metric") return metricBlock(lane, lane.values.get(tp.id), width);
  if (lane.type !== "text") {
    const value = laneValueText(lane, lane.values.get(tp.id));
    return value ? textBlock(value, width, 13, LIGHT.text, { maxLines: 4 }) : DASH;
  }
  if (lane.kind === "painPoints" || lane.kind === "opportunities") {
    const kind = lane.kind === "painPoints" ? "painPoint" : "opportunity";
    const cards = (map.cardsByTouchpoint.get(tp.id) ?? []).filter((c) => c.kind === kind);
    return cards.length === 0
      ? DASH
      : stack(
          cards.map((c) => cardBlock(c, width)),
          8,
        );
  }
  const cell = map.cells.get(cellRootName(lane.id, tp.id));
  const blocks = cell ? readRichBlocks(cell.content) : [];
  if (isRichBlocksEmpty(blocks)) return DASH;
  return richTextBlock(blocks, width, {
    size: 13,
    fill: lane.kind === "thoughts" ? LIGHT.muted : LIGHT.text,
    italic: lane.kind === "thoughts",
    maxLines: 24,
  });
}

/** The step card of one column: channel, name, action and owning team. */
export function stepBlock(column: Column, width: number): Block {
  if (column.kind !== "touchpoint") {
    return { height: 24, draw: (x, y) => text(x, y + 16, "No steps yet", 13, LIGHT.faint) };
  }
  const tp = column.touchpoint;
  const name = textBlock(tp.name, width, 16, LIGHT.text, { bold: true, maxLines: 4 });
  const action = tp.action ? textBlock(tp.action, width, 14, LIGHT.text, { maxLines: 6 }) : null;
  const team = tp.team ? textBlock(tp.team, width - 16, 12, LIGHT.muted, { maxLines: 2 }) : null;
  const parts: Block[] = [
    channelsBlock(tp.channels, width),
    name,
    ...(action ? [action] : []),
    ...(team
      ? [
          {
            height: team.height,
            draw: (x: number, y: number, w: number) =>
              `<circle cx="${x + 5}" cy="${y + 9}" r="3.5" fill="none" stroke="${LIGHT.muted}" stroke-width="1.3"/>${team.draw(x + 16, y, w)}`,
          },
        ]
      : []),
  ];
  return stack(parts, 8);
}
