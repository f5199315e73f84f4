/**
 * The two HTTP calls every suite makes before it can open a map: create one (answered with the
 * owner's token) and issue a link to it with that token. Answers are parsed with the
 * protocol's schemas, so a server answering off-contract fails here, loudly.
 */
import {
  type CreateLinkBody,
  CreatedMap,
  type CreateMapBody,
  IssuedLink,
} from "@journeymap/protocol/http";

/** A map as its owner holds it: the id and the owner's token. */
export type OwnedMap = Pick<CreatedMap, "id" | "token">;

/** POST /api/maps. */
export async function createMapOverHttp(
  baseUrl: string,
  body: CreateMapBody = {},
): Promise<CreatedMap> {
  const res = await fetch(`${baseUrl}/api/maps`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`create map: ${res.status} ${await res.text()}`);
  return CreatedMap.parse(await res.json());
}

/** POST /api/maps/:id/links with the owner's token: a role (share link) or actions (API). */
export async function shareLinkOverHttp(
  baseUrl: string,
  map: OwnedMap,
  grant: CreateLinkBody,
): Promise<IssuedLink> {
  const res = await fetch(`${baseUrl}/api/maps/${map.id}/links`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${map.token}` },
    body: JSON.stringify(grant),
  });
  if (res.status !== 201) throw new Error(`share link: ${res.status} ${await res.text()}`);
  return IssuedLink.parse(await res.json());
}
