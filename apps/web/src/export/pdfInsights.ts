/** The PDF's insights section: steps per phase, channel switches, hand-offs, low points, hotspots. */
import {
  CHANNEL_LABELS,
  EMOTION_LABELS,
  type JourneyMap,
  journeyInsights,
} from "@journeymap/schema";
import { INK, type PdfFlow } from "./PdfFlow.ts";
import { plural } from "./typography.ts";

/** A score with its sign, and a real minus sign (not a hyphen) when negative. */
export const signed = (score: number) =>
  `${score > 0 ? "+" : score < 0 ? "\u2212" : ""}${Math.abs(score)}`;

/** Step names by id (as printed in the PDF). */
export type StepNames = ReadonlyMap<string, string>;

export function writeInsights(flow: PdfFlow, map: JourneyMap, touchpointName: StepNames): void {
  const insights = journeyInsights(map);
  flow.section(
    "Insights",
    `${plural(insights.totalSteps, "step")} across ${plural(insights.stepsPerPhase.length, "phase")}`,
  );
  flow.heading("Steps per phase");
  for (const p of insights.stepsPerPhase)
    flow.paragraph(`${p.name}: ${plural(p.steps, "step")}`, { after: 1 });
  flow.heading(`Channel switches (${insights.channelSwitches.length})`);
  for (const s of insights.channelSwitches) {
    flow.paragraph(
      `${touchpointName.get(s.from) ?? ""} (${CHANNEL_LABELS[s.before as keyof typeof CHANNEL_LABELS] ?? s.before}) → ${touchpointName.get(s.to) ?? ""} (${CHANNEL_LABELS[s.after as keyof typeof CHANNEL_LABELS] ?? s.after})`,
      { size: 9.5, after: 1 },
    );
  }
  flow.heading(`Hand-offs between teams (${insights.handOffs.length})`);
  for (const h of insights.handOffs) {
    flow.paragraph(
      `${h.before} → ${h.after}: ${touchpointName.get(h.from) ?? ""} → ${touchpointName.get(h.to) ?? ""}`,
      {
        size: 9.5,
        after: 1,
      },
    );
  }
  flow.heading("Lowest points");
  for (const low of insights.lowPoints) {
    const persona = map.personas.find((p) => p.id === low.personaId)?.name ?? "";
    const where = low.touchpointIds.map((id) => touchpointName.get(id) ?? "").join(", ");
    flow.paragraph(
      `${persona}: ${signed(low.score)} ${EMOTION_LABELS[low.score] ?? ""} at ${where}`,
      { after: 2 },
    );
  }
  if (insights.lowPoints.length === 0)
    flow.paragraph("No emotion scores yet.", { colour: INK.muted });
  const channelLabel = (label: string) =>
    CHANNEL_LABELS[label as keyof typeof CHANNEL_LABELS] ?? label;
  for (const [title, spots, name] of [
    ["Pain-point hotspots by phase", insights.hotspotsByPhase, (label: string) => label],
    // Channel hotspots are keyed by channel id ("mobileApp"): print the label people know.
    ["Pain-point hotspots by channel", insights.hotspotsByChannel, channelLabel],
  ] as const) {
    flow.heading(title);
    if (spots.length === 0) flow.paragraph("No pain points yet.", { colour: INK.muted });
    for (const spot of spots) {
      flow.paragraph(
        `${name(spot.label)}: ${plural(spot.painPoints, "pain point")}, severity ${spot.severity}, ${spot.evidence} evidence`,
        { size: 9.5, after: 1 },
      );
    }
  }
}
