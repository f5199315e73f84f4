/**
 * A random secret this browser keeps and sends only to our server. The server derives from it
 * (with its own secret) who we are on a map: whose comments we may edit, and whose
 * idempotency keys are ours when several people share one link. Anyone holding it is us, so
 * it never leaves this browser except to the server; clearing site data makes a new person.
 */
const KEY = "journeymap.browserKey";

function randomKey(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function browserKey(): string {
  try {
    const held = localStorage.getItem(KEY);
    if (held && /^[0-9a-f]{48}$/.test(held)) return held;
    const fresh = randomKey();
    localStorage.setItem(KEY, fresh);
    return fresh;
  } catch {
    // No storage (private mode): a key for this page's lifetime.
    return randomKey();
  }
}
