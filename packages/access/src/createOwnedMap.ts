/**
 * The one way a map comes into being (HTTP create, HTTP import, `journeymap import
 * --data-dir`): its row, its seeded documents and its owner's link in one store call, and the
 * owner's token signed from that link.
 */
import { randomId } from "@journeymap/schema";
import type { MapCatalog } from "@journeymap/storage";
import type { AccessService } from "./AccessService.ts";

export interface MapToCreate {
  readonly title: string;
  readonly createdAt: number;
  /** The map document's first row (a template or an imported map). */
  readonly seed: Uint8Array;
  /** The talk document's first row (imported comments), if any. */
  readonly talkSeed?: Uint8Array | null;
  /** The workspace it goes in; null or absent: none (a links-only map). */
  readonly workspaceId?: string | null;
  /** The signed-in person creating it; null or absent: made with no account. */
  readonly createdBy?: string | null;
}

export interface OwnedMap {
  readonly id: string;
  readonly title: string;
  readonly createdAt: number;
  /** The owner's token: it opens the new map. */
  readonly token: string;
}

export async function createOwnedMap(
  store: MapCatalog,
  access: AccessService,
  map: MapToCreate,
): Promise<OwnedMap> {
  const id = randomId();
  const owner = access.ownerLink(id, map.createdBy ?? null);
  await store.createMap({ ...map, id, owner: owner.link });
  return { id, title: map.title, createdAt: map.createdAt, token: owner.token };
}
