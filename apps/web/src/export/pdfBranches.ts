/**
 * The PDF's branch page (issue 17): for a map that is a branch, its journey figures against
 * the original's; for a map with branches, each branch's against it. Each gets the sentence
 * that says what it changes and the figures table (original, branch, difference), the same
 * rows as the compare page and the insights panel (branches/figureRows.ts).
 */
import { rgb } from "pdf-lib";
import { type FigureInput, figureRows } from "../branches/figureRows.ts";
import { INK, type PdfFlow } from "./PdfFlow.ts";
import { plural } from "./typography.ts";

/** One comparison as the page prints it. */
export interface BranchFigurePage {
  /** The branch's name (its map's title). */
  readonly name: string;
  /** "To-be removes 4 steps …", without the full stop. */
  readonly summary: string;
  readonly figures: FigureInput;
}

/** The board's "better" green (--history-added, light). */
const BETTER = rgb(0x16 / 255, 0xa3 / 255, 0x4a / 255);
/** Figure, original, branch, difference. */
const WIDTHS = [0.52, 0.16, 0.16, 0.16] as const;

export function writeBranches(
  flow: PdfFlow,
  compared: readonly BranchFigurePage[],
  isBranch: boolean,
): void {
  if (compared.length === 0) return;
  const subtitle = isBranch
    ? "This branch against the original it was made from"
    : `${plural(compared.length, "branch", "branches")} of this map against it`;
  // Never a single column across the whole page: a four-column table that wide is hard to read.
  flow.section("Branches: as-is and to-be", subtitle, Math.max(2, compared.length));
  for (const [i, branch] of compared.entries()) {
    if (i > 0) flow.nextColumn();
    flow.heading(branch.name);
    flow.paragraph(`${branch.summary}.`, { size: 11, after: 8 });
    flow.tableRow(
      [{ text: "Figure" }, { text: "Original" }, { text: "Branch" }, { text: "Δ" }],
      WIDTHS,
      { size: 8.5, font: "bold", colour: INK.muted },
    );
    for (const row of figureRows(branch.figures)) {
      flow.tableRow(
        [
          { text: row.label },
          { text: row.left },
          { text: row.right },
          { text: row.delta, colour: row.better ? BETTER : INK.muted },
        ],
        WIDTHS,
        row.sub ? { indent: 10, colour: INK.muted } : {},
      );
    }
    flow.space(6);
    flow.paragraph("Green: the change goes the better way (fewer steps, higher emotions).", {
      size: 8,
      colour: INK.faint,
    });
  }
}
