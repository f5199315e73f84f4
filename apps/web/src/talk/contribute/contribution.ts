/** The contributor form's data, without React: what is typed, and what is sent for it. */
import { EMOTION_MAX, EMOTION_MIN, type EvidenceKind } from "@journeymap/schema";
import type { SubmissionInput } from "@journeymap/protocol/http";

/** The scores a customer's feeling can take, lowest first. */
export const SCORES: readonly number[] = Array.from(
  { length: EMOTION_MAX - EMOTION_MIN + 1 },
  (_, i) => EMOTION_MIN + i,
);

/** "+2", "0", "−1" (a real minus sign). */
export function scoreText(score: number): string {
  return score > 0 ? `+${score}` : score < 0 ? `−${-score}` : "0";
}

/** What one contribution says; who sends it (name, team) is kept apart, across contributions. */
export interface ContributionDraft {
  readonly text: string;
  readonly kind: EvidenceKind;
  /** "" when the contributor is not sure where in the journey. */
  readonly touchpointId: string;
  readonly sentiment: number | null;
  readonly source: string;
  readonly url: string;
}

export const EMPTY_DRAFT: ContributionDraft = {
  text: "",
  kind: "quote",
  touchpointId: "",
  sentiment: null,
  source: "",
  url: "",
};

/** The draft after one is sent: what was said is cleared; its kind and step stay chosen. */
export function nextDraft(sent: ContributionDraft): ContributionDraft {
  return { ...EMPTY_DRAFT, kind: sent.kind, touchpointId: sent.touchpointId };
}

export interface Contributor {
  readonly name: string;
  readonly team: string;
}

/** The body sent for a draft: blank optional fields are left out. */
export function submissionOf(draft: ContributionDraft, by: Contributor): SubmissionInput {
  return {
    text: draft.text,
    kind: draft.kind,
    contributor: by.name,
    ...(by.team.trim() ? { team: by.team } : {}),
    ...(draft.source.trim() ? { source: draft.source } : {}),
    ...(draft.url.trim() ? { url: draft.url.trim() } : {}),
    touchpointId: draft.touchpointId || null,
    sentiment: draft.sentiment,
  };
}

/** Whether the form can be sent: it needs words and a name. */
export function canSend(draft: ContributionDraft, by: Contributor): boolean {
  return draft.text.trim() !== "" && by.name.trim() !== "";
}

/** The name to thank. */
export function firstName(name: string): string {
  return name.trim().split(" ")[0] ?? "";
}
