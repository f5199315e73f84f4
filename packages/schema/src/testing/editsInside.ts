/**
 * Fuzzing a delete that crosses other people's work inside the deleted thing (issue 15, B1;
 * INV-X5): one replica deletes a phase, step, lane or persona while the others type into its
 * cells and set its curve points, updates cross in random order and in part, then the
 * deleter undoes or someone restores it in place. Everything the others did inside must be
 * back. Typing happens as the cell editor does it (its own origin, never the board's), and
 * each keystroke run is a unique token inserted at a paragraph's edge or as a new paragraph,
 * so concurrent runs cannot split each other and each can be looked for afterwards.
 */
import fc from "fast-check";
import * as Y from "yjs";
import type { LaneId, PersonaId, TouchpointId } from "../ids.ts";
import { cellRootName, emotionKey } from "../layout.ts";
import type { MapEditor } from "../MapEditor.ts";
import type { JourneyMap } from "../read/JourneyMap.ts";
import type { RestoreTarget } from "../history/restoreEntity.ts";
import type { ReplicaNetwork } from "./ReplicaNetwork.ts";

export const CONTAINER_KINDS = ["phase", "touchpoint", "lane", "persona"] as const;
export type ContainerKind = (typeof CONTAINER_KINDS)[number];

/** The cell editor's origin in these tests (y-prosemirror's plugin key in the app). */
export const TYPING_ORIGIN = Object.freeze({ kind: "typing" });

export interface InsideEdit {
  readonly replica: number;
  readonly op: "type" | "setPoint" | "deliver";
  readonly a: number;
  readonly b: number;
  readonly where: "start" | "end" | "paragraph";
  readonly score: number;
}

export function insideEditArb(replicas: number): fc.Arbitrary<InsideEdit> {
  return fc.record({
    // Replica 0 is the one deleting; the others work inside.
    replica: fc.integer({ min: 1, max: replicas - 1 }),
    op: fc.constantFrom("type", "type", "setPoint", "deliver"),
    a: fc.nat(1000),
    b: fc.nat(1000),
    where: fc.constantFrom("start", "end", "paragraph"),
    score: fc.integer({ min: -3, max: 3 }),
  });
}

/** The cells and curve points that belong to a container, as the deleter saw it. */
export interface Inside {
  readonly target: RestoreTarget;
  readonly cells: ReadonlyArray<{ laneId: LaneId; touchpointId: TouchpointId }>;
  readonly points: ReadonlyArray<{ personaId: PersonaId; touchpointId: TouchpointId }>;
}

/** What the container holds in `map` (its text cells and its curve points). */
export function insideOf(map: JourneyMap, kind: ContainerKind, n: number): Inside | null {
  const pick = <T>(list: readonly T[]) => (list.length === 0 ? undefined : list[n % list.length]);
  const textLanes = map.lanes.filter((l) => ["actions", "thoughts", "text"].includes(l.kind));
  const inside = (
    tps: readonly { id: TouchpointId }[],
    lanes = textLanes,
    personas = map.personas,
  ) => ({
    cells: tps.flatMap((t) => lanes.map((l) => ({ laneId: l.id, touchpointId: t.id }))),
    points: tps.flatMap((t) => personas.map((p) => ({ personaId: p.id, touchpointId: t.id }))),
  });
  switch (kind) {
    case "phase": {
      const phase = pick(map.phases.filter((p) => !p.synthetic));
      const tps = phase ? (map.touchpointsByPhase.get(phase.id) ?? []) : [];
      return phase && tps.length > 0 ? { target: { kind, id: phase.id }, ...inside(tps) } : null;
    }
    case "touchpoint": {
      const tp = pick(map.touchpoints);
      return tp ? { target: { kind, id: tp.id }, ...inside([tp]) } : null;
    }
    case "lane": {
      const lane = pick(map.lanes.filter((l) => l.kind === "text"));
      return lane
        ? { target: { kind, id: lane.id }, ...inside(map.touchpoints, [lane], []) }
        : null;
    }
    case "persona": {
      const persona = pick(map.personas);
      return persona
        ? { target: { kind, id: persona.id }, ...inside(map.touchpoints, [], [persona]) }
        : null;
    }
  }
}

export function deleteContainer(editor: MapEditor, target: RestoreTarget): boolean {
  const id = target.id as never;
  switch (target.kind) {
    case "phase":
      return editor.deletePhase(id);
    case "touchpoint":
      return editor.deleteTouchpoint(id);
    case "lane":
      return editor.deleteLane(id);
    case "persona":
      return editor.deletePersona(id);
    default:
      return false;
  }
}

/** What the others did inside: tokens typed per cell, and the scores set per point. */
export interface InsideWork {
  readonly typed: Map<string, string[]>;
  readonly points: Map<string, Set<number>>;
}

let tokens = 0;

/** Types a unique token into a cell, as the cell editor would: into a paragraph's text. */
function typeToken(doc: Y.Doc, cell: string, where: InsideEdit["where"], n: number): string {
  const token = `«${++tokens}»`;
  doc.transact(() => {
    const fragment = doc.getXmlFragment(cell);
    const paragraphs = fragment.toArray().filter((p) => p instanceof Y.XmlElement);
    const paragraph = paragraphs[n % Math.max(1, paragraphs.length)];
    const line = paragraph?.get(0);
    if (where === "paragraph" || !(line instanceof Y.XmlText)) {
      const fresh = new Y.XmlElement("paragraph");
      fresh.insert(0, [new Y.XmlText(token)]);
      fragment.insert(n % (fragment.length + 1), [fresh]);
    } else {
      line.insert(where === "start" ? 0 : line.length, token);
    }
  }, TYPING_ORIGIN);
  return token;
}

export function applyInsideEdit(
  net: ReplicaNetwork,
  editors: MapEditor[],
  inside: Inside,
  work: InsideWork,
  edit: InsideEdit,
): void {
  const doc = net.docs[edit.replica]!;
  switch (edit.op) {
    case "type": {
      const cell = inside.cells[edit.a % Math.max(1, inside.cells.length)];
      if (!cell) return;
      const name = cellRootName(cell.laneId, cell.touchpointId);
      const token = typeToken(doc, name, edit.where, edit.b);
      work.typed.set(name, [...(work.typed.get(name) ?? []), token]);
      return;
    }
    case "setPoint": {
      const point = inside.points[edit.a % Math.max(1, inside.points.length)];
      if (!point) return;
      editors[edit.replica]!.setEmotion(point.personaId, point.touchpointId, edit.score);
      const key = emotionKey(point.personaId, point.touchpointId);
      work.points.set(key, new Set([...(work.points.get(key) ?? []), edit.score]));
      return;
    }
    case "deliver": {
      const pending = net.pending(edit.replica);
      net.deliver(
        edit.replica,
        pending.filter((_, i) => (edit.a >> (i % 10)) % 2 === 0),
      );
      return;
    }
  }
}
