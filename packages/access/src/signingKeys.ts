/**
 * Signing keys from the environment. SIGNING_SECRET is one key (id "default"); SIGNING_SECRETS
 * is a rotation list "id:secret,id:secret" whose first key signs new tokens and whose others
 * still verify, so a new key can be rolled out before the old one is removed.
 */
import type { SigningKey } from "./tokens.ts";

/** A secret shorter than this (characters) is guessable offline from one token. */
export const MIN_SECRET_LENGTH = 32;
export const DEFAULT_KEY_ID = "default";
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

function keyOf(id: string, secret: string): SigningKey {
  if (!KEY_ID.test(id)) throw new Error(`key id "${id}": letters, digits, _ and - only (1–32)`);
  if (secret.length < MIN_SECRET_LENGTH)
    throw new Error(`the secret of key "${id}" is shorter than ${MIN_SECRET_LENGTH} characters`);
  return { id, secret: new TextEncoder().encode(secret) };
}

/** The configured keys, the signing one first; [] when neither variable is set. Throws on bad input. */
export function parseSigningKeys(single?: string, list?: string): SigningKey[] {
  if (single !== undefined && list !== undefined)
    throw new Error("set SIGNING_SECRET or SIGNING_SECRETS, not both");
  if (single !== undefined) return [keyOf(DEFAULT_KEY_ID, single)];
  if (list === undefined) return [];
  const keys = list
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .map((entry) => {
      const colon = entry.indexOf(":");
      if (colon < 0) throw new Error('each entry is "id:secret"');
      return keyOf(entry.slice(0, colon), entry.slice(colon + 1));
    });
  if (keys.length === 0) throw new Error('list at least one "id:secret"');
  const ids = new Set(keys.map((k) => k.id));
  if (ids.size !== keys.length) throw new Error("each key id may appear once");
  return keys;
}
