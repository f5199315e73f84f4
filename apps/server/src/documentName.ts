/**
 * Document names on the wire. Every map is the Hocuspocus document `map:<id>`; anything else
 * is refused before a document is created (names are untrusted input).
 */
const MAP_ID = /^[A-Za-z0-9_-]{8,64}$/;
const PREFIX = "map:";

export function isMapId(value: unknown): value is string {
  return typeof value === "string" && MAP_ID.test(value);
}

export function documentNameOf(mapId: string): string {
  return `${PREFIX}${mapId}`;
}

/** The map id a document name refers to, or null when the name is not a valid map name. */
export function mapIdOf(documentName: string): string | null {
  if (!documentName.startsWith(PREFIX)) return null;
  const id = documentName.slice(PREFIX.length);
  return isMapId(id) ? id : null;
}
