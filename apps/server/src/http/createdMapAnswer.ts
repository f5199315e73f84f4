import type { OwnedMap } from "@journeymap/access";
import { ROLE } from "@journeymap/protocol";
import type { CreatedMap } from "@journeymap/protocol/http";

/** The answer to creating or importing a map: the map, with its owner's token. */
export function createdMapAnswer(map: OwnedMap): CreatedMap {
  return { ...map, updatedAt: map.createdAt, role: ROLE.owner };
}
