import * as Y from "yjs";

/**
 * Field access on an entity's Y.Map, tolerant of a value that is not a map at all.
 * `forEach` is there for records keyed by more than fixed fields (a typed lane's values).
 */
export type Fields = {
  get(key: string): unknown;
  forEach?(visit: (value: unknown, key: string) => void): void;
};

export function asFields(value: unknown): Fields | null {
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : null;
}
