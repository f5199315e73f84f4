/**
 * Branded ids. Ids are random, URL- and path-safe ([A-Za-z0-9_-]), and never contain "/"
 * because "/" separates the parts of composite keys (emotion points, cell roots).
 * Randomness enters through an IdSource so tests can be deterministic.
 */
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type PersonaId = Brand<string, "PersonaId">;
export type PhaseId = Brand<string, "PhaseId">;
export type TouchpointId = Brand<string, "TouchpointId">;
export type LaneId = Brand<string, "LaneId">;
export type CardId = Brand<string, "CardId">;
export type EvidenceId = Brand<string, "EvidenceId">;

export type IdSource = () => string;

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const ID_LENGTH = 12; // 62^12 ≈ 3e21: collisions are not a practical concern for one map.

export const randomId: IdSource = () => {
  const bytes = new Uint8Array(ID_LENGTH);
  crypto.getRandomValues(bytes);
  let id = "";
  for (const b of bytes) id += ALPHABET[b % ALPHABET.length];
  return id;
};

/** A deterministic IdSource for tests and seeded fuzzing. */
export function sequentialIds(prefix = "id"): IdSource {
  let n = 0;
  return () => `${prefix}${(n++).toString(36)}`;
}

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export function isValidId(value: unknown): value is string {
  return typeof value === "string" && ID_PATTERN.test(value);
}
