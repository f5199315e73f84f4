/**
 * Commit, on the map document: each chosen step gets the persona's score and the vote's note
 * line, in ONE transaction with the caller's origin, so it is one undoable edit, attributed
 * (the server stamps who sent it) like any other curve change.
 */
import type * as Y from "yjs";
import type { PersonaId, TouchpointId } from "../ids.ts";
import { emotionKey, ROOT } from "../layout.ts";
import { setEmotion } from "../mutations/emotions.ts";
import { type MutationContext, transact } from "../mutations/transact.ts";
import type { StoredEmotion } from "../records/EmotionPoint.ts";
import type { Scores } from "./Vote.ts";
import { voteNoteLine, withVoteNote } from "./voteNote.ts";
import type { StepStats } from "./voteRules.ts";

export function commitVoteScores(
  doc: Y.Doc,
  personaId: PersonaId,
  values: Scores,
  stats: ReadonlyMap<string, StepStats>,
  ctx: MutationContext,
): void {
  transact(doc, ctx, () => {
    const points = doc.getMap<StoredEmotion>(ROOT.emotions);
    for (const [step, score] of Object.entries(values)) {
      const s = stats.get(step);
      if (!s) continue;
      const previous = points.get(emotionKey(personaId, step as TouchpointId))?.note;
      const note = withVoteNote(typeof previous === "string" ? previous : "", voteNoteLine(s));
      setEmotion(doc, personaId, step as TouchpointId, { score, note }, ctx);
    }
  });
}
