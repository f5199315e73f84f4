import { META } from "../layout.ts";
import { MAX_LONG_TEXT, toInt, toText } from "../read/coerce.ts";
import type { Fields } from "./fields.ts";

export interface MapMeta {
  readonly title: string;
  /** The scenario or goal the map describes. */
  readonly description: string;
  /** The document's schema version; 0 for a document that predates versioning. */
  readonly schemaVersion: number;
  readonly createdAt: number;
}

export type MapMetaFields = Partial<Pick<MapMeta, "title" | "description">>;

export const MAP_DEFAULT_TITLE = "Untitled journey";

export function readMapMeta(fields: Fields): MapMeta {
  return {
    title: toText(fields.get(META.title)).trim() || MAP_DEFAULT_TITLE,
    description: toText(fields.get(META.description), "", MAX_LONG_TEXT),
    schemaVersion: toInt(fields.get(META.schemaVersion), 0, Number.MAX_SAFE_INTEGER, 0),
    createdAt: toInt(fields.get(META.createdAt), 0, Number.MAX_SAFE_INTEGER, 0),
  };
}
