/**
 * Imports that carry less than a full map (CSV rows, Mermaid journeys, version-0 files) are
 * turned into a Template and seeded into a scratch document by the same code that seeds
 * templates, then read back as a snapshot. One path decides lanes, colours and defaults, so
 * an imported map looks exactly like one made in the app.
 */
import * as Y from "yjs";
import { sequentialIds } from "../ids.ts";
import type { MapSnapshot } from "../exchange/MapSnapshot.ts";
import { snapshotMap } from "../exchange/snapshotMap.ts";
import { createMapFromTemplate } from "../templates/createMapFromTemplate.ts";
import type { Template } from "../templates/Template.ts";
import { EMOTION_MAX, EMOTION_MIN } from "../vocabulary.ts";

export function snapshotFromOutline(template: Template): MapSnapshot {
  const doc = new Y.Doc();
  // Deterministic ids and time: the same file previews and imports to the same map.
  createMapFromTemplate(doc, template, { ids: sequentialIds("i"), now: () => 0 });
  return snapshotMap(doc);
}

/**
 * A 1–5 score (Mermaid journeys, version-0 files) on our −3..+3 scale: 3 is neutral and the
 * ends meet the ends; 2 and 4 land on ±2 so the scale stays symmetric.
 */
export function fromFivePointScore(score: number): number {
  const d = Math.min(5, Math.max(1, score)) - 3;
  const mapped = Math.sign(d) * Math.round(Math.abs(d) * 1.5);
  return Math.min(EMOTION_MAX, Math.max(EMOTION_MIN, mapped));
}
