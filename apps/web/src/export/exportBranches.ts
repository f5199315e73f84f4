/** The branch comparisons of a map as the PDF prints them (none when offline or unbranched). */
import { branchComparisons } from "../branches/branchComparisons.ts";
import type { PdfBranches } from "./buildPdf.ts";

export async function exportBranches(mapId: string): Promise<PdfBranches> {
  const compared = await branchComparisons(mapId);
  return {
    compared: compared.map(({ branch, comparison }) => ({
      name: branch.name,
      summary: comparison.summary,
      figures: comparison,
    })),
    isBranch: compared.some((c) => c.branch.id === mapId),
  };
}
