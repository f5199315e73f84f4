/**
 * The columns of the table view, derived from the map's lanes and the personas shown: the
 * step's own fields first, then one column per visible lane in board order. The curve lane
 * becomes one column per visible persona (the curve's text alternative); the channels lane
 * is the Channel column already, so it is not repeated.
 */
import type { CardKind, Lane, LaneId, Persona, PersonaId } from "@journeymap/schema";

export type TableColumn =
  | { readonly kind: "phase"; readonly key: "phase"; readonly label: string }
  | { readonly kind: "name"; readonly key: "name"; readonly label: string }
  | { readonly kind: "action"; readonly key: "action"; readonly label: string }
  | { readonly kind: "channel"; readonly key: "channel"; readonly label: string }
  | { readonly kind: "team"; readonly key: "team"; readonly label: string }
  | {
      readonly kind: "cell";
      readonly key: string;
      readonly label: string;
      readonly laneId: LaneId;
    }
  | {
      /** A typed lane's value (rating, number, link, channels): shown, edited on the board. */
      readonly kind: "value";
      readonly key: string;
      readonly label: string;
      readonly laneId: LaneId;
    }
  | {
      readonly kind: "emotion";
      readonly key: string;
      readonly label: string;
      readonly personaId: PersonaId;
      readonly colour: string;
    }
  | {
      readonly kind: "cards";
      readonly key: string;
      readonly label: string;
      readonly cardKind: CardKind;
    };

const FIXED: readonly TableColumn[] = [
  { kind: "phase", key: "phase", label: "Phase" },
  { kind: "name", key: "name", label: "Step" },
  { kind: "action", key: "action", label: "Customer action" },
  { kind: "channel", key: "channel", label: "Channel" },
  { kind: "team", key: "team", label: "Team" },
];

export function tableColumns(
  lanes: readonly Lane[],
  personas: readonly Persona[],
  hiddenPersonas: ReadonlySet<string>,
): TableColumn[] {
  const out = [...FIXED];
  for (const lane of lanes) {
    if (lane.hidden) continue;
    switch (lane.kind) {
      case "channels":
        break;
      case "emotions":
        for (const p of personas) {
          if (hiddenPersonas.has(p.id)) continue;
          out.push({
            kind: "emotion",
            key: `emotion:${p.id}`,
            label: `${p.name}: feeling`,
            personaId: p.id,
            colour: p.colour,
          });
        }
        break;
      case "painPoints":
      case "opportunities":
        out.push({
          kind: "cards",
          key: `cards:${lane.id}`,
          label: lane.name,
          cardKind: lane.kind === "painPoints" ? "painPoint" : "opportunity",
        });
        break;
      default:
        out.push(
          lane.type === "text"
            ? { kind: "cell", key: `cell:${lane.id}`, label: lane.name, laneId: lane.id }
            : { kind: "value", key: `value:${lane.id}`, label: lane.name, laneId: lane.id },
        );
    }
  }
  return out;
}

/** How a column's cells are edited; null when they are shown only. */
export type EditKind = "line" | "text" | "channel" | "score";

export function editKindOf(column: TableColumn): EditKind | null {
  switch (column.kind) {
    case "name":
    case "action":
    case "team":
      return "line";
    case "cell":
      return "text";
    case "channel":
      return "channel";
    case "emotion":
      return "score";
    default:
      return null;
  }
}
