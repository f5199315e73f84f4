/** Records of the talk document (comment threads and the evidence inbox), as the UI sees them. */
import type { EvidenceKind } from "../vocabulary.ts";

export const TALK_TARGET_KINDS = ["phase", "touchpoint", "card", "cell", "emotion"] as const;
export type TalkTargetKind = (typeof TALK_TARGET_KINDS)[number];

/**
 * What a thread is about. `id` is an entity id, or for a cell `laneId/touchpointId` and for
 * a curve point `personaId/touchpointId` (the map document's own composite keys).
 */
export interface TalkTarget {
  readonly kind: TalkTargetKind;
  readonly id: string;
}

export interface Resolution {
  readonly by: string;
  readonly byId: string;
  readonly at: number;
}

export interface Comment {
  readonly id: string;
  readonly threadId: string;
  readonly author: string;
  /** Who wrote it, as the server knows them ("" for comments written before identities). */
  readonly authorId: string;
  readonly text: string;
  /** Names of the people mentioned with @. */
  readonly mentions: readonly string[];
  readonly createdAt: number;
}

export interface Thread {
  readonly id: string;
  readonly target: TalkTarget;
  readonly author: string;
  readonly authorId: string;
  readonly createdAt: number;
  readonly resolved: Resolution | null;
  /** In order: (createdAt, id). */
  readonly comments: readonly Comment[];
  /** createdAt of the latest comment (or of the thread). */
  readonly lastActivity: number;
}

export const INBOX_VIA = ["form", "api", "csv"] as const;
export type InboxVia = (typeof INBOX_VIA)[number];

export const INBOX_STATUSES = ["new", "accepted", "dismissed"] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

/** Where accepted evidence went: a touchpoint, or a pain point (existing or created for it). */
export type TriageOutcome =
  | { readonly kind: "touchpoint"; readonly touchpointId: string; readonly evidenceId: string }
  | {
      readonly kind: "painPoint";
      readonly cardId: string;
      readonly evidenceId: string;
      readonly created: boolean;
    };

export type Decision =
  | {
      readonly status: "accepted";
      readonly by: string;
      /** The decider's author id; absent for decisions recorded by name only. */
      readonly byId?: string;
      readonly at: number;
      readonly outcome: TriageOutcome;
    }
  | {
      readonly status: "dismissed";
      readonly by: string;
      readonly byId?: string;
      readonly at: number;
      readonly reason: string;
    };

export interface InboxItem {
  readonly id: string;
  readonly kind: EvidenceKind;
  readonly text: string;
  readonly source: string;
  readonly url: string;
  /** The touchpoint the contributor picked, or null when they did not know. */
  readonly touchpointId: string | null;
  readonly sentiment: number | null;
  readonly contributor: string;
  readonly team: string;
  readonly via: InboxVia;
  readonly submittedAt: number;
  readonly decision: Decision | null;
  readonly status: InboxStatus;
}

/** The read model of a talk document. */
export interface Talk {
  /** Newest activity first. */
  readonly threads: readonly Thread[];
  /** Threads keyed by target id (`kind:id`), oldest first. */
  readonly threadsByTarget: ReadonlyMap<string, readonly Thread[]>;
  /** Newest submission first. */
  readonly inbox: readonly InboxItem[];
}

export function targetKey(target: TalkTarget): string {
  return `${target.kind}:${target.id}`;
}
