/**
 * The merge dialog's tree: the plan's changes grouped as people pick them, the map's own
 * fields, then each phase with its steps (each with its cards and curve points), each
 * persona's curve, and the rest (personas, lanes). A change can sit in two places (a curve
 * point is under its step and in its persona's curve): selection is by change id, so both
 * show the same state. Labels come from the two read models (to-be first).
 */
import {
  channelLabel,
  formatScore,
  type JourneyMap,
  type MergeChange,
  type MergePlan,
  plainTextOf,
} from "@journeymap/schema";
import * as Y from "yjs";

export interface MergeNode {
  readonly key: string;
  readonly label: string;
  /** The changes this node holds directly. */
  readonly changes: readonly MergeChange[];
  readonly children: readonly MergeNode[];
}

/** Every change id under a node. */
export function idsUnder(node: MergeNode): string[] {
  return [...node.changes.map((c) => c.id), ...node.children.flatMap(idsUnder)];
}

const FIELD_NAMES: Readonly<Record<string, string>> = {
  pos: "position",
  channels: "channels",
  channel: "main channel",
  descriptionText: "description",
  subMapId: "sub-journey",
  libraryPersonaId: "link to the library",
  libraryOpportunityId: "library opportunity",
};

/** A field's name as people read it ("description", "sub-journey"). */
export function fieldName(key: string): string {
  return FIELD_NAMES[key] ?? key;
}

/** What changed, in words: "name", "added", "removed", "Priya's point". */
export function changeLabel(change: MergeChange, names: Names): string {
  const slot = change.slot;
  if (slot.kind === "entity") {
    if (change.conflict === "deletedHere") return "Edited in the branch, deleted here";
    if (change.conflict === "deletedThere") return "Deleted in the branch, edited here";
    return change.kind === "removed" ? "Deleted in the branch" : "New in the branch";
  }
  if (slot.kind === "field") {
    if (slot.key.startsWith("value/")) return `${names.lane(slot.id)} cell`;
    return fieldName(slot.key);
  }
  if (slot.kind === "emotion") return `${names.persona(change.scope.personaId ?? "")}'s point`;
  if (slot.kind === "text") {
    return change.element.kind === "cell"
      ? `${names.lane(change.scope.laneId ?? "")} cell`
      : "description";
  }
  return slot.key === "description" ? "scenario" : slot.key;
}

/** A stored value as people read it ("—" when absent). */
export function showValue(value: unknown): string {
  if (value === undefined || value === null || value === "") return "—";
  if (value === true) return "present";
  if (value instanceof Y.XmlFragment) return plainTextOf(value) || "—";
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.map((v) => channelLabel(String(v))).join(", ");
  if (typeof value === "object" && "score" in value) {
    const { score, note } = value as { score: number; note?: string };
    return note ? `${formatScore(score)} · ${note}` : formatScore(score);
  }
  if (typeof value === "object" && "parent" in value) return "a new place";
  return JSON.stringify(value);
}

export interface Names {
  phase(id: string): string;
  step(id: string): string;
  card(id: string): string;
  persona(id: string): string;
  lane(id: string): string;
}

/** Names looked up in the to-be map, then the as-is one. */
export function namesIn(right: JourneyMap, left: JourneyMap): Names {
  const index = (
    pick: (m: JourneyMap) => ReadonlyArray<{ id: string } & Record<string, unknown>>,
    field: string,
  ) => {
    const found = new Map<string, string>();
    for (const m of [left, right]) for (const x of pick(m)) found.set(x.id, String(x[field] ?? ""));
    return (id: string) => found.get(id) || "Untitled";
  };
  const cards = (m: JourneyMap) =>
    [...m.cardsByTouchpoint.values()].flat().concat(m.unassignedCards);
  return {
    phase: index((m) => m.phases as never, "name"),
    step: index((m) => m.touchpoints as never, "name"),
    card: index((m) => cards(m) as never, "title"),
    persona: index((m) => m.personas as never, "name"),
    lane: index((m) => m.lanes as never, "name"),
  };
}

function ordered(ids: Iterable<string>, order: readonly string[]): string[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  return [...new Set(ids)].sort((a, b) => (rank.get(a) ?? 1e9) - (rank.get(b) ?? 1e9));
}

export function buildMergeTree(plan: MergePlan, left: JourneyMap, right: JourneyMap): MergeNode[] {
  const names = namesIn(right, left);
  const changes = plan.changes;
  const phaseOrder = [...right.phases, ...left.phases].map((p) => p.id as string);
  const stepOrder = [...right.touchpoints, ...left.touchpoints].map((t) => t.id as string);

  const stepNode = (stepId: string): MergeNode => {
    const own = changes.filter((c) => c.scope.touchpointId === stepId && !c.scope.cardId);
    const cardIds = ordered(
      changes
        .filter((c) => c.scope.touchpointId === stepId && c.scope.cardId)
        .map((c) => c.scope.cardId!),
      [],
    );
    return {
      key: `step:${stepId}`,
      label: `Step “${names.step(stepId)}”`,
      changes: own,
      children: cardIds.map((cardId) => ({
        key: `card:${cardId}`,
        label: `Card “${names.card(cardId)}”`,
        changes: changes.filter((c) => c.scope.cardId === cardId),
        children: [],
      })),
    };
  };

  const phaseIds = ordered(
    changes.flatMap((c) => c.scope.phaseIds.slice(0, 1)),
    phaseOrder,
  );
  const phases = phaseIds.map((phaseId): MergeNode => {
    const steps = ordered(
      changes
        .filter((c) => c.scope.phaseIds[0] === phaseId && c.scope.touchpointId)
        .map((c) => c.scope.touchpointId!),
      stepOrder,
    );
    return {
      key: `phase:${phaseId}`,
      label: `Phase “${names.phase(phaseId)}”`,
      changes: changes.filter((c) => c.element.kind === "phase" && c.scope.phaseIds[0] === phaseId),
      children: steps.map(stepNode),
    };
  });
  const personas = ordered(
    changes.filter((c) => c.slot.kind === "emotion").map((c) => c.scope.personaId ?? ""),
    right.personas.map((p) => p.id),
  );
  const curves = personas.map((personaId) => ({
    key: `curve:${personaId}`,
    label: `${names.persona(personaId)}'s curve`,
    changes: changes.filter((c) => c.slot.kind === "emotion" && c.scope.personaId === personaId),
    children: [],
  }));
  const meta = changes.filter((c) => c.element.kind === "meta");
  const rest = changes.filter(
    (c) =>
      c.scope.phaseIds.length === 0 &&
      c.element.kind !== "meta" &&
      c.slot.kind !== "emotion" &&
      !c.scope.touchpointId,
  );
  const stray = changes.filter(
    (c) => c.scope.phaseIds.length === 0 && c.scope.touchpointId && c.slot.kind !== "emotion",
  );
  return [
    ...(meta.length ? [{ key: "meta", label: "Scenario", changes: meta, children: [] }] : []),
    ...phases,
    ...curves,
    ...(rest.length + stray.length
      ? [
          {
            key: "other",
            label: "Personas, lanes and other",
            changes: [...rest, ...stray],
            children: [],
          },
        ]
      : []),
  ];
}
