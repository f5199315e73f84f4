/**
 * Presence in the table: the active cell is published as the same selection the board uses
 * (a step, a text cell or a curve point), so people on the board see where someone in the
 * table works, and the other way round.
 */
import { elementKey, type Touchpoint } from "@journeymap/schema";
import { keySelector } from "../../board/elementDom.ts";
import type { Peer, SelectableRef } from "../../sync/presence/presenceState.ts";
import type { TableColumn } from "./tableColumns.ts";

/** The board selection a table cell stands for (a step's fields all select the step). */
export function selectionOf(column: TableColumn, tp: Touchpoint): SelectableRef {
  switch (column.kind) {
    case "cell":
      return { kind: "cell", laneId: column.laneId, touchpointId: tp.id };
    case "emotion":
      return { kind: "emotion", personaId: column.personaId, touchpointId: tp.id };
    case "phase":
      return { kind: "phase", id: tp.phaseId };
    default:
      return { kind: "touchpoint", id: tp.id };
  }
}

/** The `data-presence` a table cell carries: steps are marked on their name cell only. */
export function presenceAttribute(column: TableColumn, tp: Touchpoint): string | undefined {
  if (column.kind === "name") return elementKey({ kind: "touchpoint", id: tp.id });
  if (column.kind === "cell" || column.kind === "emotion")
    return elementKey(selectionOf(column, tp));
  return undefined;
}

/** CSS outlining each peer's selection inside the table, in their colour, with their name. */
export function tablePresenceRules(peers: readonly Peer[]): string {
  return peers
    .flatMap((p) => {
      const sel = p.selection;
      if (!sel || sel.ref.kind === "phase" || sel.ref.kind === "card") return [];
      const target = `.tv-grid ${keySelector(sel.ref)}`;
      const label = sel.editing ? `${p.name} is editing` : p.name;
      return [
        `${target}{box-shadow:inset 0 0 0 2px ${p.colour}}`,
        `${target}::after{content:${JSON.stringify(label)};position:absolute;top:-1px;right:-1px;background:${p.colour};color:#fff;font-size:11px;font-weight:600;padding:0 6px;border-radius:0 0 0 4px;pointer-events:none;white-space:nowrap}`,
      ];
    })
    .join("\n");
}
