/**
 * The emotion curve in words, for people who cannot see the chart: where it starts and
 * ends, its lowest and highest points (with the steps), and how many steps are scored.
 */
import { emotionKey, type EmotionPoint, type Persona, type Touchpoint } from "@journeymap/schema";
import { describeScore } from "../scores.ts";

function names(steps: readonly Touchpoint[]): string {
  if (steps.length <= 2) return steps.map((s) => s.name).join(" and ");
  return `${steps
    .slice(0, -1)
    .map((s) => s.name)
    .join(", ")} and ${steps.at(-1)?.name}`;
}

export function curveSummary(
  persona: Persona,
  touchpoints: readonly Touchpoint[],
  emotions: ReadonlyMap<string, EmotionPoint>,
): string {
  const scored = touchpoints.flatMap((tp) => {
    const point = emotions.get(emotionKey(persona.id, tp.id));
    return point ? [{ tp, score: point.score }] : [];
  });
  if (scored.length === 0) return `${persona.name}: no feelings scored yet.`;
  const first = scored[0]!;
  const last = scored.at(-1)!;
  const min = Math.min(...scored.map((s) => s.score));
  const max = Math.max(...scored.map((s) => s.score));
  const at = (score: number) => names(scored.filter((s) => s.score === score).map((s) => s.tp));
  const parts = [
    `starts at ${describeScore(first.score)} (${first.tp.name})`,
    `lowest ${describeScore(min)} at ${at(min)}`,
    `highest ${describeScore(max)} at ${at(max)}`,
    `ends at ${describeScore(last.score)} (${last.tp.name})`,
  ];
  const coverage =
    scored.length === touchpoints.length
      ? `all ${touchpoints.length} steps scored`
      : `${scored.length} of ${touchpoints.length} steps scored`;
  return `${persona.name}: ${parts.join("; ")}. ${coverage[0]?.toUpperCase()}${coverage.slice(1)}.`;
}
