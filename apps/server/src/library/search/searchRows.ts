/**
 * What search finds of a map (issue 19): one row per element people write on, with the
 * element's own name apart from the rest of its text so a name ranks above a mention. Rows come
 * from the read model (already repaired: dangling things are left out or resolved) and from the
 * talk document. Pure: the sink writes them.
 */
import type { SearchKind } from "@journeymap/protocol/http";
import {
  type ElementRef,
  elementKey,
  elementLabel,
  type JourneyMap,
  type Talk,
  type TalkTargetKind,
} from "@journeymap/schema";
import type { SearchRow } from "@journeymap/storage";

/** More text than this of one element is not indexed (a pasted transcript). */
export const MAX_INDEXED_CHARS = 20_000;

/** Joins non-empty parts, one a line, within MAX_INDEXED_CHARS. */
function textOf(...parts: readonly string[]): string {
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .join("\n")
    .slice(0, MAX_INDEXED_CHARS);
}

function rowOf(
  map: JourneyMap,
  ref: ElementRef,
  kind: SearchKind,
  name: string,
  text: string,
): SearchRow {
  return {
    elementKey: elementKey(ref),
    kind,
    label: elementLabel(map, ref),
    name: name.trim().slice(0, MAX_INDEXED_CHARS),
    text,
  };
}

/** Rows of the map document: its title, phases, steps, cards, cells, evidence and personas. */
export function mapSearchRows(map: JourneyMap): SearchRow[] {
  const rows: SearchRow[] = [
    rowOf(map, { kind: "meta" }, "map", map.meta.title, textOf(map.meta.description)),
  ];
  for (const p of map.phases)
    if (!p.synthetic)
      rows.push(rowOf(map, { kind: "phase", id: p.id }, "phase", p.name, textOf(p.description)));
  for (const t of map.touchpoints)
    rows.push(
      rowOf(
        map,
        { kind: "touchpoint", id: t.id },
        "step",
        t.name,
        textOf(t.action, t.descriptionText, t.team),
      ),
    );
  const cards = [
    ...map.touchpoints.flatMap((t) => map.cardsByTouchpoint.get(t.id) ?? []),
    ...map.unassignedCards,
  ];
  for (const c of cards)
    rows.push(
      rowOf(
        map,
        { kind: "card", id: c.id },
        c.kind,
        c.title,
        textOf(c.detail, map.cardDescriptions.get(c.id)?.text ?? "", c.owner),
      ),
    );
  for (const cell of map.cells.values())
    rows.push(
      rowOf(
        map,
        { kind: "cell", laneId: cell.laneId, touchpointId: cell.touchpointId },
        "cell",
        "",
        textOf(cell.text),
      ),
    );
  for (const e of map.evidence)
    rows.push(
      rowOf(
        map,
        { kind: "evidence", id: e.id },
        "evidence",
        "",
        textOf(e.text, e.source, e.contributor),
      ),
    );
  for (const p of map.personas)
    rows.push(
      rowOf(
        map,
        { kind: "persona", id: p.id },
        "persona",
        p.name,
        textOf(
          p.role,
          p.quote,
          ...Object.values(p.demographics),
          ...Object.values(p.psychographics),
        ),
      ),
    );
  return rows;
}

const TARGET_WORDS: Readonly<Record<TalkTargetKind, string>> = {
  phase: "a phase",
  touchpoint: "a step",
  card: "a card",
  cell: "a cell",
  emotion: "a curve point",
};

/**
 * Rows of the talk document: one per comment thread (every comment's text) and one per inbox
 * item still waiting for triage. Accepted items are the map's evidence already; dismissed ones
 * were judged not to belong.
 */
export function talkSearchRows(talk: Talk): SearchRow[] {
  const rows: SearchRow[] = [];
  for (const thread of talk.threads)
    rows.push({
      elementKey: `thread:${thread.id}`,
      kind: "comment",
      label: `Comments on ${TARGET_WORDS[thread.target.kind]} · ${thread.author || "someone"}`,
      name: "",
      text: textOf(...thread.comments.map((c) => c.text)),
    });
  for (const item of talk.inbox)
    if (item.status === "new")
      rows.push({
        elementKey: `inbox:${item.id}`,
        kind: "inbox",
        label: `Inbox · ${item.contributor || "anonymous"}`,
        name: "",
        text: textOf(item.text, item.source, item.team),
      });
  return rows;
}
