/**
 * The share tokens this browser holds, by map id, kept in localStorage. A share link carries
 * its token in the URL fragment (`/maps/<id>#token=…`), which browsers never send to servers.
 */
const KEY = "journeymap.tokens";
const NAME_KEY = "journeymap.name";

export interface HeldToken {
  readonly token: string;
  readonly role?: string;
}

function readAll(): Record<string, HeldToken> {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? "{}") as unknown;
    return typeof parsed === "object" && parsed !== null
      ? (parsed as Record<string, HeldToken>)
      : {};
  } catch {
    return {};
  }
}

export function rememberToken(mapId: string, token: string, role?: string): void {
  const all = readAll();
  all[mapId] = role ? { token, role } : { token };
  localStorage.setItem(KEY, JSON.stringify(all));
}

export function tokenFor(mapId: string): string {
  return readAll()[mapId]?.token ?? "";
}

export function heldRole(mapId: string): string | null {
  return readAll()[mapId]?.role ?? null;
}

export function heldTokens(): Array<{ mapId: string; token: string }> {
  return Object.entries(readAll()).map(([mapId, held]) => ({ mapId, token: held.token }));
}

/** Takes a token from the URL fragment (a share link), remembers it and cleans the URL. */
export function adoptTokenFromUrl(mapId: string): void {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (!match?.[1]) return;
  rememberToken(mapId, decodeURIComponent(match[1]));
  window.history.replaceState(null, "", window.location.pathname + window.location.search);
}

export function displayName(): string {
  return localStorage.getItem(NAME_KEY) ?? "";
}

export function setDisplayName(name: string): void {
  localStorage.setItem(NAME_KEY, name.trim().slice(0, 40));
}

export function shareUrl(mapId: string, token: string): string {
  return `${window.location.origin}/maps/${mapId}#token=${encodeURIComponent(token)}`;
}
