/** Pain points and opportunities across maps (issue 19; routes in protocol libraryCards.ts). */
import type {
  CreateLibraryOpportunityBody,
  LinkLibraryOpportunityBody,
  UpdateLibraryOpportunityBody,
} from "@journeymap/protocol/http";
import { callApi } from "./apiClient.ts";

export type CardQueryValues = Readonly<Record<string, string | number>>;

export const listLibraryCards = (workspaceId: string, query: CardQueryValues) =>
  callApi("listLibraryCards", { params: { workspaceId }, query });

/** The CSV export's address (a download link: the browser saves it with its file name). */
export function libraryCardsCsvUrl(workspaceId: string, query: CardQueryValues): string {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const search = params.size > 0 ? `?${params}` : "";
  return `/api/workspaces/${encodeURIComponent(workspaceId)}/library/cards.csv${search}`;
}

/** The opportunities; undefined when `version` is still current (the server answered 304). */
export const listLibraryOpportunities = (workspaceId: string, version: string | null) =>
  callApi("listLibraryOpportunities", {
    params: { workspaceId },
    ...(version ? { headers: { "if-none-match": `"${version}"` } } : {}),
  });

export const createLibraryOpportunity = (workspaceId: string, body: CreateLibraryOpportunityBody) =>
  callApi("createLibraryOpportunity", { params: { workspaceId }, body });

export const updateLibraryOpportunity = (
  workspaceId: string,
  opportunityId: string,
  body: UpdateLibraryOpportunityBody,
) => callApi("updateLibraryOpportunity", { params: { workspaceId, opportunityId }, body });

export const linkLibraryOpportunity = (
  workspaceId: string,
  opportunityId: string,
  body: LinkLibraryOpportunityBody,
) => callApi("linkLibraryOpportunity", { params: { workspaceId, opportunityId }, body });

export const unlinkLibraryOpportunity = (
  workspaceId: string,
  opportunityId: string,
  mapId: string,
  cardId: string,
) => callApi("unlinkLibraryOpportunity", { params: { workspaceId, opportunityId, mapId, cardId } });

export const mapOutline = (mapId: string) => callApi("getOutline", { params: { mapId } });
