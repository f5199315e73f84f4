/**
 * Server-side names that clients can neither read back nor forge: an HMAC of the parts with
 * the server's secret (the one that signs tokens), under a purpose label so that a digest made
 * for one use never equals one made for another. Used for idempotency keys stored in the
 * talk document (readable by viewers) and for the comment identity of a connection.
 */
import { createHmac } from "node:crypto";

export type KeyedDigest = (purpose: string, ...parts: readonly string[]) => string;

/** Digests are 128 bits, base64url: short enough for a Y.Map key, too long to guess. */
export function createKeyedDigest(secret: Uint8Array): KeyedDigest {
  return (purpose, ...parts) => {
    const mac = createHmac("sha256", secret).update(purpose);
    // Length-prefixed so that ("ab", "c") and ("a", "bc") differ.
    for (const part of parts) mac.update(`\0${part.length}:${part}`);
    return mac.digest("base64url").slice(0, 22);
  };
}
