/** The PDF's last section: pain points with their evidence in board order, then evidence on steps. */
import type { EVIDENCE_KINDS, Evidence, JourneyMap } from "@journeymap/schema";
import { signed, type StepNames } from "./pdfInsights.ts";
import { INK, type PdfFlow } from "./PdfFlow.ts";
import { plural, quoted } from "./typography.ts";

const KIND_LABELS: Record<(typeof EVIDENCE_KINDS)[number], string> = {
  quote: "Quote",
  ticket: "Ticket",
  callNote: "Call note",
  metric: "Metric",
  other: "Evidence",
};

function writeEvidence(flow: PdfFlow, items: readonly Evidence[]): void {
  for (const e of items) {
    const by = [KIND_LABELS[e.kind], e.source, e.contributor, e.team].filter(Boolean).join(" · ");
    flow.paragraph(quoted(e.text), { size: 9.5, font: "italic", indent: 10, after: 0 });
    flow.paragraph(`${by}${e.sentiment !== null ? ` · sentiment ${signed(e.sentiment)}` : ""}`, {
      size: 8.5,
      colour: INK.muted,
      indent: 10,
      after: 4,
    });
  }
}

export function writePainPoints(
  flow: PdfFlow,
  map: JourneyMap,
  { touchpointName, phaseOf }: { readonly touchpointName: StepNames; readonly phaseOf: StepNames },
): void {
  const painPoints = map.touchpoints.flatMap((t) =>
    (map.cardsByTouchpoint.get(t.id) ?? []).filter((c) => c.kind === "painPoint"),
  );
  // A few pain points sit side by side, one per column; more flow down the columns.
  const oneEach = painPoints.length > 0 && painPoints.length <= flow.maxColumns;
  flow.section(
    "Pain points and evidence",
    `${plural(painPoints.length, "pain point")}, ${plural(map.evidence.length, "evidence item")}`,
    oneEach ? painPoints.length : flow.maxColumns,
  );
  for (const [i, card] of painPoints.entries()) {
    if (oneEach && i > 0) flow.nextColumn();
    flow.heading(card.title);
    flow.paragraph(
      [
        `${phaseOf.get(card.touchpointId) ?? ""} › ${touchpointName.get(card.touchpointId) ?? ""}`,
        `severity ${card.rating}/5`,
        card.status === "inProgress" ? "in progress" : card.status,
        card.owner,
      ]
        .filter(Boolean)
        .join(" · "),
      { size: 9, colour: INK.muted },
    );
    if (card.detail) flow.paragraph(card.detail);
    writeEvidence(flow, map.evidenceByTarget.get(card.id) ?? []);
    flow.space(6);
  }
  if (painPoints.length === 0) flow.paragraph("No pain points yet.", { colour: INK.muted });
  const onSteps = map.touchpoints.filter((t) => (map.evidenceByTarget.get(t.id) ?? []).length > 0);
  if (onSteps.length > 0) {
    flow.heading("Evidence on steps");
    for (const t of onSteps) {
      flow.paragraph(`${phaseOf.get(t.id) ?? ""} › ${t.name}`, { font: "bold", size: 10 });
      writeEvidence(flow, map.evidenceByTarget.get(t.id) ?? []);
    }
  }
}
