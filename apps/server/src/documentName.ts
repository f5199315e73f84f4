import { DOCUMENT_PREFIX, type ParsedDocumentName } from "@journeymap/protocol";

/**
 * The key a document's log and checkpoints are stored under. A map's is its id (as before);
 * the talk document's contains ":", which no map id can, so the two never collide.
 */
export function storeKeyOf({ kind, mapId }: ParsedDocumentName): string {
  return kind === "map" ? mapId : `${DOCUMENT_PREFIX.talk}${mapId}`;
}
