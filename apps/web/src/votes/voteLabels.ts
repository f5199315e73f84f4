/** Words for a vote: what it is about, and its mode. */
import type { JourneyMap, VoteMode, VoteTarget } from "@journeymap/schema";

export function targetLabel(
  target: VoteTarget,
  map: Pick<JourneyMap, "phases" | "touchpoints">,
): string {
  if (target.kind === "map") return "the whole map";
  if (target.kind === "phase") {
    const phase = map.phases.find((p) => p.id === target.id);
    return `phase “${phase?.name ?? "deleted phase"}”`;
  }
  const step = map.touchpoints.find((t) => t.id === target.id);
  return `step “${step?.name ?? "deleted step"}”`;
}

export const MODE_LABELS: Readonly<Record<VoteMode, string>> = {
  hidden: "Hidden until reveal",
  open: "Open: ballots show as they come",
};

/** The value of a target in the start form's list box, and back. */
export function targetValue(target: VoteTarget): string {
  return target.kind === "map" ? "map" : `${target.kind}:${target.id}`;
}

export function targetOfValue(value: string): VoteTarget {
  if (value === "map") return { kind: "map" };
  const [kind, id = ""] = value.split(/:(.*)/s);
  return kind === "phase" ? { kind: "phase", id } : { kind: "step", id };
}
