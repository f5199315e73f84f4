/**
 * Maps and links created through the HTTP API, as clients create them. The owner's token of
 * every map a test created is kept here, so tests and `connect` can act as the owner.
 */
import type { ApiAction, Role } from "@journeymap/protocol";
import type { IssuedLink } from "@journeymap/protocol/http";
import { createMapOverHttp, shareLinkOverHttp } from "@journeymap/testkit";

const ownerTokens = new Map<string, string>();

/** The owner's token of a map this test process created, or null. */
export function knownOwnerToken(mapId: string): string | null {
  return ownerTokens.get(mapId) ?? null;
}

export function ownerToken(mapId: string): string {
  const token = knownOwnerToken(mapId);
  if (!token) throw new Error(`no owner token for ${mapId}`);
  return token;
}

/** A new map (POST /api/maps; `body` takes title, template…); resolves with its id. */
export async function createMap(server: { url: string }, body: object = {}): Promise<string> {
  const { id, token } = await createMapOverHttp(server.url, body);
  ownerTokens.set(id, token);
  return id;
}

/** A share link for `role`, issued with the owner's token. */
export function shareLink(server: { url: string }, mapId: string, role: Role): Promise<IssuedLink> {
  return shareLinkOverHttp(server.url, ownedMap(mapId), { role, label: role });
}

/** An API token for an integration: no sync access, only `actions` over HTTP. */
export async function apiLink(
  server: { url: string },
  mapId: string,
  actions: ApiAction[],
): Promise<string> {
  const grant = { actions, label: "Help desk" };
  return (await shareLinkOverHttp(server.url, ownedMap(mapId), grant)).token;
}

const ownedMap = (mapId: string) => ({ id: mapId, token: ownerToken(mapId) });
