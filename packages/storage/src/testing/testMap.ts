import { ROLE } from "@journeymap/protocol";
import type { NewMap } from "../mapCatalog.ts";

/** A map as MapCatalog.createMap takes it, with an owner's link `owner-<id>`, for tests. */
export function testMap(id: string, title: string, createdAt: number, seed: Uint8Array): NewMap {
  const owner = {
    id: `owner-${id}`,
    mapId: id,
    role: ROLE.owner,
    label: "Owner",
    createdAt,
    expiresAt: null,
    revokedAt: null,
    createdBy: null,
  };
  return { id, title, createdAt, seed, owner };
}
