/**
 * Close codes the sync server sends, with the reason it gives. 4000–4999 is the application
 * range; Hocuspocus uses 44xx too. The server closes with them (apps/server/src/limits.ts
 * CloseError); clients read them to tell the person what happened.
 */
export const CLOSE = {
  malformedUpdate: { code: 4400, reason: "Malformed update" },
  unsupportedMessage: { code: 4415, reason: "Unsupported message type" },
  updateTooLarge: { code: 4413, reason: "Update too large" },
  tooManyMessages: { code: 4429, reason: "Too many messages" },
  authTimeout: { code: 4408, reason: "Authentication timeout" },
  idleTimeout: { code: 4409, reason: "Idle timeout" },
  storeFailed: { code: 4503, reason: "Could not save the update" },
  /**
   * The store could not be read to open a document (PostgreSQL restarting): the socket closes
   * so the provider reconnects with its backoff, where a refusal would stop it for good.
   */
  storeUnavailable: { code: 4502, reason: "Storage unavailable, try again shortly" },
  tooSlow: { code: 4504, reason: "Client too slow" },
  /** Memory one socket may pin (the server's sync/WebSocketGate.ts, sync/Presence.ts). */
  unauthenticatedBacklog: { code: 4411, reason: "Too much data before authentication" },
  displaced: { code: 4433, reason: "Too many connections waiting to authenticate" },
  awarenessTooLarge: { code: 4431, reason: "Awareness state too large" },
  tooManyClientIds: { code: 4432, reason: "Too many awareness client ids" },
  /** The update needs changes the server does not have (sync/missingDependencies.ts). */
  missingDependencies: { code: 4422, reason: "Update depends on changes the server does not have" },
  /** Access ended while connected (sync/LinkGuard.ts): on every instance, nothing more saved. */
  linkRevoked: { code: 4403, reason: "This link was revoked" },
  linkExpired: { code: 4401, reason: "This link expired" },
  /** A signed-in person's access ended (removed from the workspace, share withdrawn). */
  accessRemoved: { code: 4410, reason: "Your access to this map was removed" },
  /** A signed-in person's role changed: the provider reconnects and opens it with the new one. */
  roleChanged: { code: 4412, reason: "Your role on this map changed" },
  /** A commenter's write outside their own comments (sync/TalkGuard.ts; reason says what). */
  writeRefused: { code: 4403, reason: "Not allowed" },
  /** Storage quotas (quota/quotas.ts): the edit is not saved; the client keeps it as unsaved. */
  mapTooLarge: { code: 4418, reason: "Map too large" },
  mapDailyQuota: { code: 4430, reason: "Daily edit quota reached" },
  storeFull: { code: 4507, reason: "Server storage full" },
} as const;

export type CloseReason = keyof typeof CLOSE;

/** The close reason a code stands for, or null when it is not one of ours. */
export function closeReasonOf(code: number): CloseReason | null {
  for (const [kind, entry] of Object.entries(CLOSE)) {
    if (entry.code === code) return kind as CloseReason;
  }
  return null;
}
