/** The branch API of a map (issue 17), with the tokens this browser holds for each map. */
import * as Y from "yjs";
import { callApi } from "../api/apiClient.ts";
import { rememberToken, tokenFor } from "../sync/tokens.ts";

export type { BranchInfo, BranchList } from "@journeymap/protocol/http";

const on = (mapId: string) => ({ params: { mapId }, token: tokenFor(mapId) });

export const listBranches = (mapId: string) => callApi("listBranches", on(mapId));

/** Makes the branch and keeps its owner's token here, so it opens at once. */
export async function createBranch(mapId: string, name: string, seq?: number) {
  const created = await callApi("createBranch", {
    ...on(mapId),
    body: seq === undefined ? { name } : { name, seq },
  });
  rememberToken(created.id, created.token, created.role);
  return created;
}

export const archiveBranch = (mapId: string, branchId: string, archived: boolean) =>
  callApi("archiveBranch", {
    params: { mapId, branchId },
    token: tokenFor(mapId),
    body: { archived },
  });

/** A map's exact state at `seq` (default: now) as a document of its own. */
export async function stateOf(mapId: string, seq?: number): Promise<Y.Doc> {
  const bytes = await callApi("getState", {
    ...on(mapId),
    ...(seq === undefined ? {} : { query: { seq } }),
  });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, bytes);
  return doc;
}
