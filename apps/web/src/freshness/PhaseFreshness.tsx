/**
 * A phase header's owner and how many of its items need review (issue 18). Reads two
 * primitives from the freshness store, so the band re-renders only when they change.
 */
import { UserRound } from "lucide-react";
import { usePhaseOwner, usePhaseStale } from "./useFreshness.ts";

export function PhaseFreshness({ phaseId }: { phaseId: string }) {
  const owner = usePhaseOwner(phaseId);
  const stale = usePhaseStale(phaseId);
  if (!owner && stale === 0) return null;
  return (
    <span className="phase-freshness">
      {owner && (
        <span className="phase-owner" title={`Owner: ${owner}`} data-testid="board.phase-owner">
          <UserRound size={11} aria-hidden="true" />
          {owner}
        </span>
      )}
      {stale > 0 && (
        <span
          className="phase-stale"
          title={`${stale} item${stale === 1 ? "" : "s"} not reviewed within the review period`}
          data-testid="board.phase-stale"
        >
          {stale} to review
        </span>
      )}
    </span>
  );
}
