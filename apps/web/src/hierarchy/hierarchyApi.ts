/**
 * The hierarchy of journeys and the dashboard (issue 19) over HTTP. A map's sub-journeys are
 * asked with the token this browser holds for it (or the session alone); the workspace routes
 * need the session.
 */
import type { CreateEndToEndBody } from "@journeymap/protocol/http";
import { callApi } from "../api/apiClient.ts";
import { rememberToken, tokenFor } from "../sync/tokens.ts";

export type {
  LibraryDashboard,
  SubJourney,
  SubJourneyList,
  SubJourneySummary,
} from "@journeymap/protocol/http";

export const listSubJourneys = (mapId: string) =>
  callApi("listSubJourneys", { params: { mapId }, token: tokenFor(mapId) });

export const getDashboard = (workspaceId: string) =>
  callApi("getLibraryDashboard", { params: { workspaceId } });

/** Makes the end-to-end map and keeps its owner's token here, as other new maps do. */
export async function createEndToEndMap(workspaceId: string, body: CreateEndToEndBody) {
  const created = await callApi("createEndToEndMap", { params: { workspaceId }, body });
  rememberToken(created.id, created.token, created.role);
  return created;
}
