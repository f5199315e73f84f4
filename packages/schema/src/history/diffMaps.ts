/**
 * What changed between two read models, per entity: added, removed, moved, renamed, edited
 * or re-scored. One pure function feeds the version comparison, "what changed since I last
 * looked" and the per-step highlight of the history view. The ordered collections share one
 * diff (diffCollection.ts); emotion points and cells are keyed by their place on the board.
 */
import { cellKey, META_KEY, pointKey } from "../elementRef/elementRef.ts";
import { cardsInBoardOrder, type Cell, type JourneyMap } from "../read/JourneyMap.ts";
import type { Card } from "../records/Card.ts";
import type { EmotionPoint } from "../records/EmotionPoint.ts";
import type { Lane } from "../records/Lane.ts";
import type { Persona } from "../records/Persona.ts";
import type { Phase } from "../records/Phase.ts";
import type { Touchpoint } from "../records/Touchpoint.ts";
import { formatScore } from "../vocabulary.ts";
import { type MapChange, mapChange } from "./changes.ts";
import {
  type CollectionDiff,
  diffPlaces,
  diffCollection,
  differ,
  edited,
  linked,
  quote,
  type PlaceDiff,
  renamed,
} from "./diffCollection.ts";
import { withoutCascades } from "./withoutCascades.ts";

const PHASES: CollectionDiff<Phase> = {
  entity: "phase",
  items: (m) => m.phases.filter((p) => !p.synthetic),
  label: (p) => p.name,
  edits: (was, now) => [
    renamed(was.name, now.name),
    edited(differ(was, now, ["colour", "description"])),
  ],
  moves: {},
};

const LANES: CollectionDiff<Lane> = {
  entity: "lane",
  items: (m) => m.lanes,
  label: (l) => l.name,
  edits: (was, now) => [
    renamed(was.name, now.name),
    edited(was.hidden !== now.hidden, now.hidden ? "hidden" : "shown"),
  ],
  moves: {},
};

/** Reordering personas is not reported as a change (no `moves`). */
const PERSONAS: CollectionDiff<Persona> = {
  entity: "persona",
  items: (m) => m.personas,
  label: (p) => p.name,
  edits: (was, now) => {
    const { name: _a, key: _b, libraryPersonaId: _e, ...wasRest } = was;
    const { name: _c, key: _d, libraryPersonaId: _f, ...nowRest } = now;
    return [
      renamed(was.name, now.name),
      linked(was.libraryPersonaId, now.libraryPersonaId),
      edited(JSON.stringify(wasRest) !== JSON.stringify(nowRest)),
    ];
  },
};

const CARDS: CollectionDiff<Card> = {
  entity: "card",
  items: cardsInBoardOrder,
  label: (c) => c.title,
  edits: (was, now) => [
    renamed(was.title, now.title),
    was.rating === now.rating
      ? null
      : { change: "rescored", detail: `${was.rating} → ${now.rating}` },
    edited(differ(was, now, ["detail", "status", "owner", "kind"])),
    linked(was.libraryOpportunityId, now.libraryOpportunityId),
  ],
  moves: { parentOf: (c) => c.touchpointId },
};

/** Steps name the phase they moved to, which needs the phase names of both states. */
function touchpoints(phaseName: ReadonlyMap<string, string>): CollectionDiff<Touchpoint> {
  return {
    entity: "touchpoint",
    items: (m) => m.touchpoints,
    label: (t) => t.name,
    edits: (was, now) => [
      renamed(was.name, now.name),
      edited(differ(was, now, ["channel", "action", "team", "descriptionText"])),
      linked(was.subMapId, now.subMapId),
    ],
    moves: {
      parentOf: (t) => t.phaseId,
      detail: (was, now) =>
        was.phaseId === now.phaseId
          ? undefined
          : `to phase ${quote(phaseName.get(now.phaseId) ?? "Unassigned")}`,
    },
  };
}

/** Names by id over both states, the newest winning: labels of points and cells. */
function namesOf(items: readonly { id: string; name: string }[]): Map<string, string> {
  return new Map(items.map((item) => [item.id, item.name]));
}

function diffMeta(before: JourneyMap, after: JourneyMap): MapChange[] {
  const out: MapChange[] = [];
  const title = renamed(before.meta.title, after.meta.title);
  if (title)
    out.push(mapChange("meta", "renamed", META_KEY, after.meta.title, META_KEY, title.detail));
  if (before.meta.description !== after.meta.description) {
    out.push(mapChange("meta", "edited", META_KEY, "Scenario", META_KEY));
  }
  return out;
}

function points(label: (point: EmotionPoint) => string): PlaceDiff<EmotionPoint> {
  return {
    entity: "emotion",
    target: pointKey,
    label,
    edit: (was, now) => {
      if (was.score !== now.score) {
        return {
          change: "rescored",
          detail: `${formatScore(was.score)} → ${formatScore(now.score)}`,
        };
      }
      return edited(was.note !== now.note);
    },
    detail: (point) => formatScore(point.score),
  };
}

function cells(label: (cell: Cell) => string): PlaceDiff<Cell> {
  return {
    entity: "cell",
    target: cellKey,
    label,
    edit: (was, now) => edited(JSON.stringify(was.content) !== JSON.stringify(now.content)),
  };
}

export function diffMaps(before: JourneyMap, after: JourneyMap): MapChange[] {
  const phaseName = namesOf([...before.phases, ...after.phases]);
  const stepName = namesOf([...before.touchpoints, ...after.touchpoints]);
  const laneName = namesOf([...before.lanes, ...after.lanes]);
  const personaName = namesOf([...before.personas, ...after.personas]);
  const pointLabel = (p: EmotionPoint) =>
    `${personaName.get(p.personaId) ?? "Persona"} at ${quote(stepName.get(p.touchpointId) ?? "a step")}`;
  const cellLabel = (c: Cell) =>
    `${laneName.get(c.laneId) ?? "Lane"} · ${stepName.get(c.touchpointId) ?? "step"}`;
  const changes = [
    ...diffMeta(before, after),
    ...diffCollection(PHASES, before, after),
    ...diffCollection(touchpoints(phaseName), before, after),
    ...diffCollection(LANES, before, after),
    ...diffCollection(PERSONAS, before, after),
    ...diffCollection(CARDS, before, after),
    ...diffPlaces(points(pointLabel), before.emotions, after.emotions),
    ...diffPlaces(cells(cellLabel), before.cells, after.cells),
  ];
  return withoutCascades(changes, before);
}
