/**
 * The branch comparisons a map has to show (issue 17): for a branch, its own against the
 * original; for a map with branches, each active branch's (the latest few), as the server
 * compares them. Read by the insights panel and the PDF export.
 */
import { BRANCH_TOKEN_HEADER } from "@journeymap/protocol";
import type { BranchComparison } from "@journeymap/protocol/http";
import { callApi } from "../api/apiClient.ts";
import { tokenFor } from "../sync/tokens.ts";
import { type BranchInfo, listBranches } from "./branchesApi.ts";

/** Most branches compared (each comparison reads two maps on the server). */
const MAX_COMPARED = 3;

export interface Compared {
  readonly branch: BranchInfo;
  readonly comparison: BranchComparison;
}

async function compare(branch: BranchInfo): Promise<Compared | null> {
  try {
    const comparison = await callApi("compareBranch", {
      params: { mapId: branch.sourceMapId, branchId: branch.id },
      token: tokenFor(branch.sourceMapId),
      headers: tokenFor(branch.id) ? { [BRANCH_TOKEN_HEADER]: tokenFor(branch.id) } : {},
    });
    return { branch, comparison };
  } catch {
    // Not allowed to read one of the two maps: that branch is left out.
    return null;
  }
}

/** The comparisons for `mapId`; none when offline or there are no branches. */
export async function branchComparisons(mapId: string): Promise<Compared[]> {
  try {
    const list = await listBranches(mapId);
    const branches = list.branchOf
      ? [list.branchOf]
      : list.branches.filter((b) => b.archivedAt === null).slice(-MAX_COMPARED);
    const found = await Promise.all(branches.map(compare));
    return found.filter((c): c is Compared => c !== null);
  } catch {
    return [];
  }
}
