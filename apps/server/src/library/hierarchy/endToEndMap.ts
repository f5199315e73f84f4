/**
 * The first state of an end-to-end map: one phase, one step per chosen map (named after it,
 * in the order given) whose sub-journey that map is. The built-in lanes come with it, as with
 * any new map; personas and emotions stay with the sub-journeys, whose summaries the steps show.
 */
import {
  createMapFromTemplate,
  readJourneyMap,
  type Template,
  type TouchpointId,
  updateTouchpoint,
} from "@journeymap/schema";
import * as Y from "yjs";

export const END_TO_END_PHASE = "End to end";

export interface ChainedMap {
  readonly id: string;
  readonly title: string;
}

export function endToEndSeed(title: string, maps: readonly ChainedMap[], now: number): Uint8Array {
  const template: Template = {
    id: "end-to-end",
    name: "End-to-end journey",
    summary: "A journey whose steps are whole maps.",
    title,
    scenario: "",
    personas: [],
    phases: [
      {
        name: END_TO_END_PHASE,
        touchpoints: maps.map((m) => ({ name: m.title, channel: "website", channels: [] })),
      },
    ],
  };
  const doc = new Y.Doc();
  try {
    createMapFromTemplate(doc, template, { now: () => now, title });
    const ctx = { origin: { kind: "template", template: template.id }, now: () => now } as const;
    // The template made the steps in the maps' order: the n-th step stands for the n-th map.
    readJourneyMap(doc).touchpoints.forEach((step, i) => {
      updateTouchpoint(doc, step.id as TouchpointId, { subMapId: maps[i]!.id }, ctx);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
