import type { MapSummary } from "@journeymap/protocol/http";

/**
 * The maps this device holds links for that the person's server list does not have (made
 * signed out, or opened by a link). Apart from mapListModel.ts, which needs the protocol's
 * schemas: the signed-out page uses this and loads without them.
 */
export function onlyOnDevice(
  held: readonly MapSummary[],
  listed: ReadonlySet<string>,
): MapSummary[] {
  return held.filter((m) => !listed.has(m.id));
}
