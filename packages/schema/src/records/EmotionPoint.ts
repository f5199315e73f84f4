import type { PersonaId, TouchpointId } from "../ids.ts";
import { MAX_LONG_TEXT, toInt, toText } from "../read/coerce.ts";
import { EMOTION_MAX, EMOTION_MIN } from "../vocabulary.ts";

/**
 * One persona's feeling at one touchpoint. Stored as ONE plain value under
 * "persona/touchpoint" in the emotions map: concurrent writers resolve by Yjs' deterministic
 * last-writer-wins on that key, and no nested type can be lost.
 */
export interface EmotionPoint {
  readonly personaId: PersonaId;
  readonly touchpointId: TouchpointId;
  readonly score: number;
  readonly note: string;
}

export interface StoredEmotion {
  readonly score: number;
  readonly note: string;
}

/** null when the stored value carries no usable score. */
export function readEmotion(
  personaId: string,
  touchpointId: string,
  value: unknown,
): EmotionPoint | null {
  if (typeof value !== "object" || value === null) {
    if (typeof value !== "number") return null;
    value = { score: value };
  }
  const raw = value as Record<string, unknown>;
  const score = toInt(raw.score, EMOTION_MIN, EMOTION_MAX, Number.NaN);
  if (Number.isNaN(score)) return null;
  return {
    personaId: personaId as PersonaId,
    touchpointId: touchpointId as TouchpointId,
    score,
    note: toText(raw.note, "", MAX_LONG_TEXT),
  };
}
