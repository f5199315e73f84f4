/**
 * Document names on the wire. Every map has two Hocuspocus documents: `map:<id>` (the
 * journey map) and `talk:<id>` (its comment threads and evidence inbox, writable by
 * commenters while the map stays read-only for them). Anything else is refused before a
 * document is created (names are untrusted input).
 */
const MAP_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** The prefix of each kind of document; the only place these strings are written. */
export const DOCUMENT_PREFIX = { map: "map:", talk: "talk:" } as const;

export type DocumentKind = keyof typeof DOCUMENT_PREFIX;
export const DOCUMENT_KINDS = Object.keys(DOCUMENT_PREFIX) as readonly DocumentKind[];

export interface ParsedDocumentName {
  readonly kind: DocumentKind;
  readonly mapId: string;
}

export function isMapId(value: unknown): value is string {
  return typeof value === "string" && MAP_ID.test(value);
}

/** The name of one of a map's documents. */
export function documentName(kind: DocumentKind, mapId: string): string {
  return `${DOCUMENT_PREFIX[kind]}${mapId}`;
}

/** `map:<id>`: the journey map itself. */
export function mapDocumentName(mapId: string): string {
  return documentName("map", mapId);
}

/** `talk:<id>`: the map's comment threads and evidence inbox. */
export function talkDocumentName(mapId: string): string {
  return documentName("talk", mapId);
}

/** The kind and map of a document name, or null when the name is neither. */
export function parseDocumentName(name: string): ParsedDocumentName | null {
  for (const kind of DOCUMENT_KINDS) {
    const prefix = DOCUMENT_PREFIX[kind];
    if (!name.startsWith(prefix)) continue;
    const id = name.slice(prefix.length);
    return isMapId(id) ? { kind, mapId: id } : null;
  }
  return null;
}

/** The map id a document name refers to, or null when the name is not a valid map name. */
export function mapIdOf(name: string): string | null {
  const parsed = parseDocumentName(name);
  return parsed?.kind === "map" ? parsed.mapId : null;
}
