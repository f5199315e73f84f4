/**
 * Document names on the wire. Every map has two Hocuspocus documents: `map:<id>` (the
 * journey map) and `talk:<id>` (its comment threads and evidence inbox, writable by
 * commenters while the map stays read-only for them). Anything else is refused before a
 * document is created (names are untrusted input).
 */
const MAP_ID = /^[A-Za-z0-9_-]{8,64}$/;
const PREFIX = "map:";
const TALK_PREFIX = "talk:";

export type DocumentKind = "map" | "talk";

export interface ParsedDocumentName {
  readonly kind: DocumentKind;
  readonly mapId: string;
}

export function isMapId(value: unknown): value is string {
  return typeof value === "string" && MAP_ID.test(value);
}

export function documentNameOf(mapId: string): string {
  return `${PREFIX}${mapId}`;
}

export function talkDocumentNameOf(mapId: string): string {
  return `${TALK_PREFIX}${mapId}`;
}

/** The kind and map of a document name, or null when the name is neither. */
export function parseDocumentName(documentName: string): ParsedDocumentName | null {
  for (const [kind, prefix] of [
    ["map", PREFIX],
    ["talk", TALK_PREFIX],
  ] as const) {
    if (!documentName.startsWith(prefix)) continue;
    const id = documentName.slice(prefix.length);
    return isMapId(id) ? { kind, mapId: id } : null;
  }
  return null;
}

/** The map id a document name refers to, or null when the name is not a valid map name. */
export function mapIdOf(documentName: string): string | null {
  const parsed = parseDocumentName(documentName);
  return parsed?.kind === "map" ? parsed.mapId : null;
}

/**
 * The key a document's log and checkpoints are stored under. A map's is its id (as before);
 * the talk document's contains ":", which no map id can, so the two never collide.
 */
export function storeKeyOf({ kind, mapId }: ParsedDocumentName): string {
  return kind === "map" ? mapId : `${TALK_PREFIX}${mapId}`;
}
