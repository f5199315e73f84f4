import type { JourneyMap } from "../read/JourneyMap.ts";

/**
 * A read model as plain data without what an import regenerates (order keys, the map's
 * createdAt), so a map and its copy through a file or a snapshot compare equal.
 */
export function comparableMap(map: JourneyMap): unknown {
  return JSON.parse(
    JSON.stringify(map, function (this: Record<string, unknown>, key, value) {
      if (key === "key") return undefined;
      if (key === "createdAt" && "schemaVersion" in this) return undefined;
      return value instanceof Map ? Object.fromEntries(value) : value;
    }),
  );
}
