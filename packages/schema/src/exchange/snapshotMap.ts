import * as Y from "yjs";
import { TOUCHPOINT } from "../layout.ts";
import { cardsInBoardOrder } from "../read/JourneyMap.ts";
import { readJourneyMap } from "../read/readJourneyMap.ts";
import { readRichText } from "../read/richText.ts";
import { rootMap } from "../read/rootTypes.ts";
import { ROOT } from "../layout.ts";
import type { MapSnapshot } from "./MapSnapshot.ts";

/** The whole map as plain data, in board order, through the read model (so it is repaired). */
export function snapshotMap(doc: Y.Doc): MapSnapshot {
  const map = readJourneyMap(doc);
  const touchpoints = rootMap(doc, ROOT.touchpoints);
  const descriptionOf = (id: string) => {
    const entity = touchpoints?.get(id);
    const fragment = entity instanceof Y.Map ? entity.get(TOUCHPOINT.description) : undefined;
    return fragment instanceof Y.XmlFragment ? readRichText(fragment) : [];
  };
  const cards = cardsInBoardOrder(map);
  return {
    title: map.meta.title,
    description: map.meta.description,
    personas: map.personas.map(
      ({ id, name, role, quote, colour, demographics, psychographics }) => ({
        id,
        name,
        role,
        quote,
        colour,
        demographics,
        psychographics,
      }),
    ),
    phases: map.phases
      .filter((p) => !p.synthetic)
      .map(({ id, name, colour, description }) => ({ id, name, colour, description })),
    touchpoints: map.touchpoints.map((t) => ({
      id: t.id,
      phaseId: t.phaseId,
      name: t.name,
      channel: t.channel,
      channels: t.channels,
      action: t.action,
      team: t.team,
      description: descriptionOf(t.id),
      // Written only when set, so files of maps without sub-journeys stay as they were.
      ...(t.subMapId ? { subMapId: t.subMapId } : {}),
    })),
    lanes: map.lanes.map(({ id, kind, name, hidden, type, unit, preset, values }) => ({
      id,
      kind,
      name,
      hidden,
      type,
      unit,
      preset,
      values: [...values].map(([touchpointId, value]) => ({ touchpointId, value })),
    })),
    cells: [...map.cells.values()].map(({ laneId, touchpointId, content }) => ({
      laneId,
      touchpointId,
      content,
    })),
    emotions: [...map.emotions.values()].map(({ personaId, touchpointId, score, note }) => ({
      personaId,
      touchpointId,
      score,
      note,
    })),
    cards: cards.map(({ id, kind, touchpointId, title, detail, rating, status, owner }) => ({
      id,
      kind,
      touchpointId,
      title,
      detail,
      rating,
      status,
      owner,
      description: map.cardDescriptions.get(id)?.content ?? [],
    })),
    evidence: map.evidence.map((e) => ({ ...e })),
  };
}
