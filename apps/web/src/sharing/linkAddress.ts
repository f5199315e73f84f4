import { ROLE } from "@journeymap/protocol";
import { shareUrl } from "../sync/tokens.ts";
import { contributeUrl } from "../talk/contribute/contributorToken.ts";

/** The address a link's holder opens: the evidence form for a contributor, else the board. */
export function linkAddress(mapId: string, role: string, token: string): string {
  return role === ROLE.contributor ? contributeUrl(mapId, token) : shareUrl(mapId, token);
}
