/** The server's small HTTP API for the map list. */
import { heldTokens, rememberToken } from "../sync/tokens.ts";

export interface MapSummary {
  readonly id: string;
  readonly title: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly role: string;
}

export interface ShareLink {
  readonly id: string;
  readonly role: string;
  readonly label: string;
  readonly createdAt: number;
  readonly revokedAt: number | null;
}

export interface TemplateSummary {
  readonly id: string;
  readonly name: string;
  readonly summary: string;
}

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    throw new Error(body.error ?? `Request failed (${res.status})`);
  }
  return (await res.json()) as T;
}

/** The maps this browser holds tokens for. */
export const listMaps = () =>
  fetch("/api/maps/lookup", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ maps: heldTokens() }),
  }).then((r) => json<MapSummary[]>(r));

export const listTemplates = () => fetch("/api/templates").then((r) => json<TemplateSummary[]>(r));

export const createMap = async (input: { title?: string; template?: string }) => {
  const map = await fetch("/api/maps", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(input),
  }).then((r) => json<MapSummary & { token: string }>(r));
  rememberToken(map.id, map.token, "owner");
  return map;
};

const asOwner = (token: string) => ({ authorization: `Bearer ${token}` });

export const listLinks = (mapId: string, token: string) =>
  fetch(`/api/maps/${mapId}/links`, { headers: asOwner(token) }).then((r) => json<ShareLink[]>(r));

export const createLink = (mapId: string, token: string, role: string) =>
  fetch(`/api/maps/${mapId}/links`, {
    method: "POST",
    headers: { "content-type": "application/json", ...asOwner(token) },
    body: JSON.stringify({ role, label: `${role} link` }),
  }).then((r) => json<{ link: ShareLink; token: string }>(r));

export const revokeLink = async (mapId: string, token: string, linkId: string) => {
  const res = await fetch(`/api/maps/${mapId}/links/${linkId}`, {
    method: "DELETE",
    headers: asOwner(token),
  });
  if (!res.ok) throw new Error(`Could not revoke the link (${res.status})`);
};
