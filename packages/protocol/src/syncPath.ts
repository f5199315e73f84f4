/** The WebSocket path of the sync endpoint (Hocuspocus), on the same port as the HTTP API. */
export const SYNC_PATH = "/sync";

/** The sync endpoint's URL for a page served from `location` (ws, or wss under https). */
export function syncUrl(location: { readonly protocol: string; readonly host: string }): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${SYNC_PATH}`;
}
