/**
 * What a person picks to bring into the original: everything, a phase, a step, a card, a
 * persona's curve, or single changes. A pick is resolved against a plan into change ids,
 * with what those changes require (a new step's new phase), so a picked part never lands
 * half-attached.
 */
import type { MergeChange, MergePlan } from "./mergePlan.ts";

export type MergePick =
  | { readonly kind: "all" }
  | { readonly kind: "phase"; readonly id: string }
  | { readonly kind: "touchpoint"; readonly id: string }
  | { readonly kind: "card"; readonly id: string }
  | { readonly kind: "curve"; readonly personaId: string }
  | { readonly kind: "change"; readonly id: string };

function inPick(change: MergeChange, pick: MergePick): boolean {
  const { scope } = change;
  switch (pick.kind) {
    case "all":
      return true;
    case "phase":
      return scope.phaseIds.includes(pick.id);
    case "touchpoint":
      return scope.touchpointId === pick.id;
    case "card":
      return scope.cardId === pick.id;
    case "curve":
      return change.slot.kind === "emotion" && scope.personaId === pick.personaId;
    case "change":
      return change.id === pick.id;
  }
}

/** The ids of the plan's changes the picks select, with everything they require. */
export function pickChanges(plan: MergePlan, picks: readonly MergePick[]): Set<string> {
  const picked = new Set<string>();
  const add = (change: MergeChange) => {
    if (picked.has(change.id)) return;
    picked.add(change.id);
    for (const id of change.requires) {
      const required = plan.byId.get(id);
      if (required) add(required);
    }
  };
  for (const change of plan.changes) if (picks.some((p) => inPick(change, p))) add(change);
  return picked;
}
