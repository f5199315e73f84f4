/**
 * The look of the exported map: the light theme of tokens.css resolved to colours (an
 * exported file cannot read CSS variables) and the board's geometry in px (columns.ts).
 */

export const LIGHT = {
  bg: "#f6f7f9",
  surface: "#ffffff",
  surfaceMuted: "#f1f3f6",
  border: "#e2e5ea",
  borderStrong: "#c9ced6",
  text: "#1c2330",
  muted: "#5b6472",
  faint: "#8a93a1",
  pain: "#fff1ec",
  painBorder: "#f97316",
  opportunity: "#effcf3",
  opportunityBorder: "#16a34a",
} as const;

export const SENTIMENT: Readonly<Record<number, string>> = {
  [-3]: "#dc2626",
  [-2]: "#f97316",
  [-1]: "#fdba74",
  0: "#9ca3af",
  1: "#86efac",
  2: "#22c55e",
  3: "#15803d",
};
/** Dark numbers on the light sentiment colours, white on the strong ones (contrast). */
export const onSentiment = (score: number) => (Math.abs(score) >= 2 ? "#ffffff" : LIGHT.text);

export const FONT =
  "Inter, 'Segoe UI', 'DejaVu Sans', 'Helvetica Neue', Helvetica, Arial, sans-serif";
export const MARGIN = 32;
export const LANE_W = 184;
export const COL_W = 220;
export const GUTTER = 4;
export const PHASE_H = 48;
export const CELL_PAD = 12;
export const EMOTION_H = 200;
export const CURVE = { height: EMOTION_H - 40, padding: 20 };
export const MIN_ROW_H = 48;
/** The board's geometry in px, for callers that page the map (buildPdf). */
export const MAP_LAYOUT = { margin: MARGIN, laneWidth: LANE_W, columnWidth: COL_W } as const;
