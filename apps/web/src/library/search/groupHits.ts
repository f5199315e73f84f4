/**
 * Search hits as the section shows them: grouped by map, maps in the order of their best hit
 * (the server answers best first), hits within a map best first. Pure, for the component.
 */
import type { LibrarySearchHit, Snippet } from "@journeymap/protocol/http";

export interface MapHits {
  readonly mapId: string;
  readonly mapTitle: string;
  readonly hits: readonly LibrarySearchHit[];
}

export function groupHitsByMap(hits: readonly LibrarySearchHit[]): MapHits[] {
  const groups = new Map<string, { mapId: string; mapTitle: string; hits: LibrarySearchHit[] }>();
  for (const hit of hits) {
    const group = groups.get(hit.mapId);
    if (group) group.hits.push(hit);
    else groups.set(hit.mapId, { mapId: hit.mapId, mapTitle: hit.mapTitle, hits: [hit] });
  }
  return [...groups.values()];
}

export interface SnippetPart {
  readonly text: string;
  readonly marked: boolean;
}

/**
 * A snippet cut into plain and matched parts, for React to render as text and <mark>: the
 * server's offsets are clamped and ordered, so a bad answer cannot throw or repeat text.
 */
export function snippetParts({ text, marks }: Snippet): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const mark of [...marks].sort((a, b) => a.start - b.start)) {
    const start = Math.max(at, Math.min(mark.start, text.length));
    const end = Math.max(start, Math.min(mark.start + mark.length, text.length));
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    if (end > start) parts.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}
