/** The freshness API for one map, with the token this browser holds for it. */
import { callApi } from "../api/apiClient.ts";
import { tokenFor } from "../sync/tokens.ts";

export const fetchLastChanges = (mapId: string) =>
  callApi("getLastChanges", { params: { mapId }, token: tokenFor(mapId) });

export const fetchMapFreshness = (mapId: string) =>
  callApi("getMapFreshness", { params: { mapId }, token: tokenFor(mapId) });
