/**
 * A lane cell in the overview (far out, issue 15, B10): no text, editors or drop targets,
 * which cannot be read or used at that size, only the cards as blocks of their colour. Drawing
 * just this keeps "fit" on a map of hundreds of steps quick.
 */
import type { Card, Lane, Touchpoint } from "@journeymap/schema";
import { memo } from "react";
import { useJourneyMap } from "../sync/useJourneyMap.ts";

const NO_CARDS: readonly Card[] = [];
const CARD_KIND = { painPoints: "painPoint", opportunities: "opportunity" } as const;

export const OverviewCell = memo(function OverviewCell({
  lane,
  touchpoint,
}: {
  lane: Lane;
  touchpoint: Touchpoint;
}) {
  const kind =
    lane.kind === "painPoints" || lane.kind === "opportunities" ? CARD_KIND[lane.kind] : null;
  const cards = useJourneyMap((m) => (kind ? m.cardsByTouchpoint.get(touchpoint.id) : null));
  const shown = (cards ?? NO_CARDS).filter((c) => c.kind === kind);
  if (shown.length === 0) return null;
  return (
    <div className="card-list">
      {shown.map((card) => (
        <div key={card.id} className={`card overview-card card--${card.kind}`} title={card.title} />
      ))}
    </div>
  );
});
