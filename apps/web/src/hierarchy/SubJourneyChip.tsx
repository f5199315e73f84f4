/**
 * A step's sub-journey on its card (issue 19): the sub-map's title with its lowest emotion,
 * open pain points and stale items, opening the sub-journey (which leads back here). A
 * sub-map the person may not open says only that; before the server answers, only the link.
 */
import { Layers } from "lucide-react";
import { sentimentColour } from "../board/curve.ts";
import { AppLink } from "../ui/AppLink.tsx";
import type { SubJourneySummary } from "./hierarchyApi.ts";
import { subJourneyPath } from "./subMapLink.ts";
import { useSubJourney } from "./subJourneyStore.ts";

function signed(score: number): string {
  return score > 0 ? `+${score}` : score < 0 ? `−${-score}` : "0";
}

function Figures({ summary }: { summary: SubJourneySummary }) {
  const stale = summary.freshness?.stale ?? null;
  return (
    <span className="sub-journey-figures">
      {summary.lowest !== null && (
        <span className="sub-journey-figure" title="Lowest emotion of any persona">
          <span
            className="sub-journey-dot"
            style={{ background: sentimentColour(summary.lowest) }}
            aria-hidden="true"
          />
          low {signed(summary.lowest)}
        </span>
      )}
      <span className="sub-journey-figure" title="Open pain points">
        {summary.openPainPoints} pain {summary.openPainPoints === 1 ? "point" : "points"}
      </span>
      {stale !== null && stale > 0 && (
        <span className="sub-journey-figure sub-journey-figure--stale" title="Items to review">
          {stale} stale
        </span>
      )}
    </span>
  );
}

export function SubJourneyChip({ stepId, subMapId }: { stepId: string; subMapId: string }) {
  const known = useSubJourney(stepId);
  if (known.mapId === null) return null;
  const entry = known.subJourney?.subMapId === subMapId ? known.subJourney : null;
  const summary = entry?.summary ?? null;
  const title = summary?.title ?? (entry ? "Sub-journey not available" : "Sub-journey");
  const described = summary
    ? `${summary.title}: lowest emotion ${summary.lowest ?? "none"}, ${summary.openPainPoints} open pain points${summary.freshness ? `, ${summary.freshness.stale} stale` : ""}`
    : title;
  return (
    <AppLink
      href={subJourneyPath(subMapId, known.mapId)}
      className={`sub-journey-chip ${entry && !entry.available ? "is-unavailable" : ""}`}
      data-testid="board.sub-journey"
      aria-label={`Open the sub-journey ${described}`}
      title={
        summary?.topPainPoints.map((p) => `• ${p.title} (${p.rating}/5)`).join("\n") || undefined
      }
    >
      <span className="sub-journey-head">
        <Layers size={12} aria-hidden="true" />
        <span className="sub-journey-title">{title}</span>
      </span>
      {summary && <Figures summary={summary} />}
    </AppLink>
  );
}
