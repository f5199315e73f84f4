import type { EvidenceId } from "../ids.ts";
import { isValidId } from "../ids.ts";
import { EVIDENCE } from "../layout.ts";
import { MAX_LONG_TEXT, toInt, toOneOf, toText } from "../read/coerce.ts";
import { EMOTION_MAX, EMOTION_MIN, EVIDENCE_KINDS, type EvidenceKind } from "../vocabulary.ts";
import type { Fields } from "./fields.ts";

export const EVIDENCE_TARGET_KINDS = ["touchpoint", "card"] as const;
export interface EvidenceTarget {
  readonly kind: (typeof EVIDENCE_TARGET_KINDS)[number];
  readonly id: string;
}

/** A customer quote, ticket, call note or metric backing a touchpoint or a card. */
export interface Evidence {
  readonly id: EvidenceId;
  readonly target: EvidenceTarget | null;
  readonly kind: EvidenceKind;
  readonly text: string;
  readonly source: string;
  readonly url: string;
  readonly contributor: string;
  readonly team: string;
  /** On the emotion scale, or null when the contributor gave none. */
  readonly sentiment: number | null;
  /** Milliseconds since the epoch, as recorded when the evidence was added. */
  readonly createdAt: number;
}

export type EvidenceFields = Partial<
  Pick<Evidence, "kind" | "text" | "source" | "url" | "contributor" | "team" | "sentiment">
>;

function readTarget(value: unknown): EvidenceTarget | null {
  if (typeof value !== "object" || value === null) return null;
  const raw = value as Record<string, unknown>;
  if (!isValidId(raw.id)) return null;
  const kind = toOneOf(raw.kind, EVIDENCE_TARGET_KINDS, "touchpoint");
  return { kind, id: raw.id };
}

export function readEvidence(id: string, fields: Fields): Evidence {
  const sentiment = fields.get(EVIDENCE.sentiment);
  return {
    id: id as EvidenceId,
    target: readTarget(fields.get(EVIDENCE.target)),
    kind: toOneOf(fields.get(EVIDENCE.kind), EVIDENCE_KINDS, "other"),
    text: toText(fields.get(EVIDENCE.text), "", MAX_LONG_TEXT),
    source: toText(fields.get(EVIDENCE.source)),
    url: toText(fields.get(EVIDENCE.url), "", 2000),
    contributor: toText(fields.get(EVIDENCE.contributor)),
    team: toText(fields.get(EVIDENCE.team)),
    sentiment:
      sentiment === null || sentiment === undefined
        ? null
        : toInt(sentiment, EMOTION_MIN, EMOTION_MAX, 0),
    createdAt: toInt(fields.get(EVIDENCE.createdAt), 0, Number.MAX_SAFE_INTEGER, 0),
  };
}
