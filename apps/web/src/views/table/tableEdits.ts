/**
 * What the table writes when a cell edit is committed: one MapEditor call per edit, and
 * nothing when the value did not change (so a rich-text cell keeps its formatting unless
 * its text was really edited). Returns what is wrong with bad input instead of writing it.
 */
import {
  CHANNELS,
  type Channel,
  cellRootName,
  emotionKey,
  type JourneyMap,
  type MapEditor,
  type Touchpoint,
} from "@journeymap/schema";
import { parseScore } from "../scores.ts";
import type { TableColumn } from "./tableColumns.ts";

/** The editable text of a cell as the editor starts it ("" for an unscored point). */
export function editableValue(map: JourneyMap, column: TableColumn, tp: Touchpoint): string {
  switch (column.kind) {
    case "name":
      return tp.name;
    case "action":
      return tp.action;
    case "team":
      return tp.team;
    case "channel":
      return tp.channel;
    case "cell":
      return map.cells.get(cellRootName(column.laneId, tp.id))?.text ?? "";
    case "emotion": {
      const point = map.emotions.get(emotionKey(column.personaId, tp.id));
      return point ? String(point.score) : "";
    }
    default:
      return "";
  }
}

/** Writes `value` into the cell; returns an error message (and writes nothing) for bad input. */
export function commitCellEdit(
  editor: MapEditor,
  map: JourneyMap,
  column: TableColumn,
  tp: Touchpoint,
  value: string,
): string | null {
  if (value === editableValue(map, column, tp)) return null;
  switch (column.kind) {
    case "name": {
      const name = value.trim();
      if (name === "") return "A step needs a name.";
      editor.updateTouchpoint(tp.id, { name });
      return null;
    }
    case "action":
      editor.updateTouchpoint(tp.id, { action: value.trim() });
      return null;
    case "team":
      editor.updateTouchpoint(tp.id, { team: value.trim() });
      return null;
    case "channel":
      if (!(CHANNELS as readonly string[]).includes(value)) return `Unknown channel "${value}".`;
      editor.updateTouchpoint(tp.id, { channel: value as Channel });
      return null;
    case "cell":
      editor.setCellText(column.laneId, tp.id, value);
      return null;
    case "emotion": {
      const parsed = parseScore(value);
      if (!parsed.ok) return parsed.error;
      if (parsed.score === null) editor.clearEmotion(column.personaId, tp.id);
      else editor.setEmotion(column.personaId, tp.id, parsed.score);
      return null;
    }
    default:
      return `${column.label} cannot be edited here.`;
  }
}
