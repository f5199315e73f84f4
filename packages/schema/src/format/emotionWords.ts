/**
 * Emotion words people write in spreadsheets, on our −3..+3 scale. docs/format.md lists the
 * same words; change both together. The scale's own labels ("Very negative"…) count too.
 */
import { EMOTION_LABELS } from "../vocabulary.ts";

export const EMOTION_WORDS: Readonly<Record<number, readonly string[]>> = {
  [-3]: ["Furious", "Angry", "Devastated", "Desperate", "Hopeless", "Miserable"],
  [-2]: ["Frustrated", "Upset", "Stressed", "Disappointed", "Anxious", "Worried"],
  [-1]: ["Annoyed", "Confused", "Impatient", "Uneasy", "Unsure", "Sceptical", "Skeptical", "Bored"],
  0: ["Neutral", "Indifferent", "Calm", "OK", "Okay"],
  1: ["Curious", "Hopeful", "Interested", "Relieved", "Satisfied"],
  2: ["Happy", "Pleased", "Confident", "Excited", "Glad"],
  3: ["Delighted", "Thrilled", "Ecstatic", "Amazed", "Elated"],
};

const squash = (s: string) => s.toLowerCase().replace(/[^a-z]/g, "");
const BY_WORD = new Map<string, number>();
for (const [score, words] of Object.entries(EMOTION_WORDS)) {
  for (const word of words) BY_WORD.set(squash(word), Number(score));
}
for (const [score, label] of Object.entries(EMOTION_LABELS))
  BY_WORD.set(squash(label), Number(score));

/** The score of an emotion word written any way ("frustrated", " Delighted "), or null. */
export function emotionFromWord(text: string): number | null {
  return BY_WORD.get(squash(text)) ?? null;
}

/** "Furious (−3), Angry (−3), …" for error messages: the first word of each score. */
export const EMOTION_WORD_CHOICES = Object.entries(EMOTION_WORDS)
  .sort(([a], [b]) => Number(a) - Number(b))
  .map(([score, words]) => `${words[0]} (${Number(score) > 0 ? "+" : ""}${score})`)
  .join(", ");
