/**
 * Shapes the insight numbers for display: the pain-point heat table (phases × channels) and
 * the channels × phases matrix as rows, plus the shade step of a value. Pure, so the view
 * only draws; the numbers themselves come from journeyInsights / channelPhaseMatrix.
 */
import {
  CHANNELS,
  type Channel,
  channelPhaseMatrix,
  type JourneyMap,
  type Phase,
  type Touchpoint,
} from "@journeymap/schema";

export interface HeatCell {
  readonly painPoints: number;
  /** Sum of severities (1–5 each). */
  readonly severity: number;
}

export interface HeatTable {
  /** Channels that have at least one step, in vocabulary order. */
  readonly channels: readonly Channel[];
  readonly rows: readonly {
    readonly phase: Phase;
    readonly cells: readonly HeatCell[];
    readonly total: HeatCell;
  }[];
  readonly channelTotals: readonly HeatCell[];
  readonly total: HeatCell;
  /** The largest severity of any one cell (for shading). */
  readonly max: number;
}

const ZERO: HeatCell = { painPoints: 0, severity: 0 };
const add = (a: HeatCell, b: HeatCell): HeatCell => ({
  painPoints: a.painPoints + b.painPoints,
  severity: a.severity + b.severity,
});

export function usedChannels(map: JourneyMap): Channel[] {
  const used = new Set(map.touchpoints.map((t) => t.channel));
  return CHANNELS.filter((c) => used.has(c));
}

/** Open pain points (not dismissed) by the phase and channel of their step. */
export function painHeatTable(map: JourneyMap): HeatTable {
  const channels = usedChannels(map);
  const column = new Map(channels.map((c, i) => [c, i]));
  let max = 0;
  const rows = map.phases.map((phase) => {
    const cells: HeatCell[] = channels.map(() => ZERO);
    for (const tp of map.touchpointsByPhase.get(phase.id) ?? []) {
      const i = column.get(tp.channel) ?? 0;
      for (const card of map.cardsByTouchpoint.get(tp.id) ?? []) {
        if (card.kind !== "painPoint" || card.status === "dismissed") continue;
        cells[i] = add(cells[i] ?? ZERO, { painPoints: 1, severity: card.rating });
      }
    }
    for (const c of cells) max = Math.max(max, c.severity);
    return { phase, cells, total: cells.reduce(add, ZERO) };
  });
  const channelTotals = channels.map((_, i) =>
    rows.reduce((sum, r) => add(sum, r.cells[i] ?? ZERO), ZERO),
  );
  return {
    channels,
    rows,
    channelTotals,
    total: rows.reduce((s, r) => add(s, r.total), ZERO),
    max,
  };
}

export interface ChannelRow {
  readonly channel: Channel;
  /** The steps in each phase (same order as map.phases). */
  readonly cells: readonly (readonly Touchpoint[])[];
  readonly total: number;
}

/** The omni-channel picture: one row per channel used, one column per phase. */
export function channelRows(map: JourneyMap): { rows: ChannelRow[]; max: number } {
  const matrix = channelPhaseMatrix(map);
  const byId = new Map(map.touchpoints.map((t) => [t.id as string, t]));
  let max = 0;
  const rows = usedChannels(map).map((channel) => {
    const row = matrix.get(channel);
    const cells = map.phases.map((phase) =>
      (row?.get(phase.id) ?? []).flatMap((id) => {
        const tp = byId.get(id);
        return tp ? [tp] : [];
      }),
    );
    for (const c of cells) max = Math.max(max, c.length);
    return { channel, cells, total: cells.reduce((n, c) => n + c.length, 0) };
  });
  return { rows, max };
}

/** A shade step from 0 (nothing) to 4 (the maximum), so colour follows the numbers shown. */
export function shade(value: number, max: number): 0 | 1 | 2 | 3 | 4 {
  if (value <= 0 || max <= 0) return 0;
  return Math.max(1, Math.min(4, Math.ceil((value / max) * 4))) as 1 | 2 | 3 | 4;
}
