import * as Y from "yjs";

/** Field access on an entity's Y.Map, tolerant of a value that is not a map at all. */
export type Fields = { get(key: string): unknown };

export function asFields(value: unknown): Fields | null {
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : null;
}
