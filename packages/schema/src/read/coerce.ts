/**
 * Coercion of untrusted values read from the shared document. Data from the network may
 * hold anything (a score of 999, a number where a name belongs, a missing field); these
 * helpers turn it into valid values and never throw.
 */
import { isValidId } from "../ids.ts";

/** Longest string the read model passes to the UI for a short field; longer is cut. */
export const MAX_SHORT_TEXT = 500;
/** Longest multi-line field (persona psychographics, notes, evidence text). */
export const MAX_LONG_TEXT = 20_000;

export function toText(value: unknown, fallback = "", max = MAX_SHORT_TEXT): string {
  if (typeof value === "string") return value.length > max ? value.slice(0, max) : value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return fallback;
}

export function toInt(value: unknown, min: number, max: number, fallback: number): number {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, Math.round(n)));
}

export function toBool(value: unknown, fallback = false): boolean {
  return typeof value === "boolean" ? value : fallback;
}

export function toOneOf<T extends string>(value: unknown, options: readonly T[], fallback: T): T {
  return typeof value === "string" && (options as readonly string[]).includes(value)
    ? (value as T)
    : fallback;
}

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;
export function toColour(value: unknown, fallback: string): string {
  return typeof value === "string" && HEX_COLOUR.test(value) ? value.toLowerCase() : fallback;
}

export function isColour(value: unknown): value is string {
  return typeof value === "string" && HEX_COLOUR.test(value);
}

export interface Position {
  /** The containing entity's id, or "" for top-level collections. */
  readonly parent: string;
  /** Fractional order key within the parent. */
  readonly key: string;
}

/** Keys this long or longer are treated as corrupt: order keys stay short in practice. */
const MAX_KEY_LENGTH = 1024;
const KEY_PATTERN = /^[0-9A-Za-z]+$/;

/** A missing or corrupt position sorts last (key "~" > any base62 key) under its parent. */
export function toPosition(value: unknown): Position {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { parent: "", key: "" };
  }
  const raw = value as Record<string, unknown>;
  const parent = isValidId(raw.parent) ? raw.parent : "";
  const key =
    typeof raw.key === "string" && raw.key.length < MAX_KEY_LENGTH && KEY_PATTERN.test(raw.key)
      ? raw.key
      : "";
  return { parent, key };
}
