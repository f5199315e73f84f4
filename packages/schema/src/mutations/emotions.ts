import type * as Y from "yjs";
import type { PersonaId, TouchpointId } from "../ids.ts";
import { emotionKey, ROOT } from "../layout.ts";
import type { StoredEmotion } from "../records/EmotionPoint.ts";
import { EMOTION_MAX, EMOTION_MIN } from "../vocabulary.ts";
import { clampInt, longText } from "./input.ts";
import { type MutationContext, transact } from "./transact.ts";

/**
 * Sets one persona's score at one touchpoint (clamped to the scale). The point is one plain
 * value, so concurrent writers converge on one deterministic winner (INV-M4).
 * Write it once on release of a drag, not on every pointer move.
 */
export function setEmotion(
  doc: Y.Doc,
  personaId: PersonaId,
  touchpointId: TouchpointId,
  point: { score: number; note?: string },
  ctx: MutationContext,
): void {
  transact(doc, ctx, () => {
    const map = doc.getMap<StoredEmotion>(ROOT.emotions);
    const key = emotionKey(personaId, touchpointId);
    const previous = map.get(key);
    const score = clampInt(point.score, EMOTION_MIN, EMOTION_MAX) ?? 0;
    const note = longText(point.note) ?? (typeof previous?.note === "string" ? previous.note : "");
    if (previous && previous.score === score && previous.note === note) return;
    map.set(key, { score, note });
  });
}

export function clearEmotion(
  doc: Y.Doc,
  personaId: PersonaId,
  touchpointId: TouchpointId,
  ctx: MutationContext,
): void {
  transact(doc, ctx, () => {
    const map = doc.getMap(ROOT.emotions);
    const key = emotionKey(personaId, touchpointId);
    if (map.has(key)) map.delete(key);
  });
}

/** Deletes every emotion point matching the predicate (persona and touchpoint cascades). */
export function deleteEmotionsWhere(
  doc: Y.Doc,
  match: (personaId: string, touchpointId: string) => boolean,
): void {
  const map = doc.getMap(ROOT.emotions);
  for (const key of [...map.keys()]) {
    const slash = key.indexOf("/");
    if (slash > 0 && match(key.slice(0, slash), key.slice(slash + 1))) map.delete(key);
  }
}
