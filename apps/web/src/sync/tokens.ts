/**
 * The share tokens this browser holds, by map id, kept in localStorage. A share link carries
 * its token in the URL fragment (`/maps/<id>#token=…`), which browsers never send to servers.
 */
import { isRole, opensReadOnly } from "@journeymap/protocol";

const KEY = "journeymap.tokens";
const NAME_KEY = "journeymap.name";

export interface HeldToken {
  readonly token: string;
  readonly role?: string;
  /** Learned from the server: the link only lets us look (kept for offline use). */
  readonly readOnly?: boolean;
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

export function heldReadOnly(mapId: string): boolean {
  const held = readAll()[mapId];
  return held?.readOnly === true || (isRole(held?.role) && opensReadOnly(held.role));
}

export function rememberReadOnly(mapId: string, readOnly: boolean): void {
  const all = readAll();
  const held = all[mapId];
  if (!held || held.readOnly === readOnly) return;
  all[mapId] = { ...held, readOnly };
  localStorage.setItem(KEY, JSON.stringify(all));
}

export function heldRole(mapId: string): string | null {
  return readAll()[mapId]?.role ?? null;
}

export function heldTokens(): Array<{ mapId: string; token: string }> {
  return Object.entries(readAll()).map(([mapId, held]) => ({ mapId, token: held.token }));
}

/** The token in the URL fragment (a share link), if any. */
export function linkTokenInUrl(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** Takes the token out of the URL, so a reload or a copied address does not carry it. */
export function clearLinkTokenFromUrl(): void {
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
