/**
 * The map's freshness settings as plain, validated data (issue 18): how many days an item may
 * go unchanged and unverified before it needs review, each phase's owner, and who verified
 * what and when. Read from the `freshness` root (layout.ts) as untrusted data: a bad number
 * reads as the default, a bad verification is not shown (INV-F2), and the read never throws.
 */
import type * as Y from "yjs";
import { FRESHNESS, FRESHNESS_ROOT } from "../layout.ts";
import { toText } from "../read/coerce.ts";

/** Days an item may go unchanged and unverified before it needs review, by default. */
export const DEFAULT_REVIEW_AFTER_DAYS = 90;
/** Bounds of the setting: a day, and ten years. */
export const MIN_REVIEW_AFTER_DAYS = 1;
export const MAX_REVIEW_AFTER_DAYS = 3650;
/** Longest owner (a person or a team name) and verifier name kept. */
export const MAX_OWNER = 60;
const MAX_VERIFIER = 80;

export interface Verification {
  /** Who verified, as the verifier's board named them. */
  readonly by: string;
  /** When (ms since the epoch, the verifier's clock). */
  readonly at: number;
}

export interface FreshnessSettings {
  readonly reviewAfterDays: number;
  /** Phase id → owner, for phases that have one. */
  readonly owners: ReadonlyMap<string, string>;
  /** Element key (`touchpoint:<id>`, `phase:<id>`, `cell:<root>`…) → its last verification. */
  readonly verified: ReadonlyMap<string, Verification>;
}

export const NO_FRESHNESS_SETTINGS: FreshnessSettings = {
  reviewAfterDays: DEFAULT_REVIEW_AFTER_DAYS,
  owners: new Map(),
  verified: new Map(),
};

/** The freshness root, or null when a corrupt document defined that name as another type. */
export function freshnessRoot(doc: Y.Doc): Y.Map<unknown> | null {
  try {
    return doc.getMap(FRESHNESS_ROOT);
  } catch {
    return null;
  }
}

export function toReviewAfterDays(value: unknown): number {
  return typeof value === "number" &&
    Number.isInteger(value) &&
    value >= MIN_REVIEW_AFTER_DAYS &&
    value <= MAX_REVIEW_AFTER_DAYS
    ? value
    : DEFAULT_REVIEW_AFTER_DAYS;
}

export function toVerification(value: unknown): Verification | null {
  if (typeof value !== "object" || value === null) return null;
  const { by, at } = value as { by?: unknown; at?: unknown };
  if (typeof at !== "number" || !Number.isFinite(at) || at < 0) return null;
  return { by: toText(by, "Someone", MAX_VERIFIER) || "Someone", at };
}

export function readFreshnessSettings(doc: Y.Doc): FreshnessSettings {
  const root = freshnessRoot(doc);
  if (!root) return NO_FRESHNESS_SETTINGS;
  const owners = new Map<string, string>();
  const verified = new Map<string, Verification>();
  for (const [key, value] of root) {
    if (key.startsWith(FRESHNESS.ownerPrefix)) {
      const owner = typeof value === "string" ? toText(value, "", MAX_OWNER).trim() : "";
      if (owner) owners.set(key.slice(FRESHNESS.ownerPrefix.length), owner);
    } else if (key.startsWith(FRESHNESS.verifiedPrefix)) {
      const verification = toVerification(value);
      if (verification) verified.set(key.slice(FRESHNESS.verifiedPrefix.length), verification);
    }
  }
  return {
    reviewAfterDays: toReviewAfterDays(root.get(FRESHNESS.reviewAfterDays)),
    owners,
    verified,
  };
}
