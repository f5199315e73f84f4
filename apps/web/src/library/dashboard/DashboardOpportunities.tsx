/** Open opportunities of every map, by priority (impact), with how many have each rating. */
import type { LibraryDashboard } from "@journeymap/protocol/http";
import { Lightbulb } from "lucide-react";
import { AppLink } from "../../ui/AppLink.tsx";
import { entityKey } from "@journeymap/schema";
import { focusPath } from "../../board/focusPath.ts";

/** The list shows this many; the counts cover them all. */
const SHOWN = 8;

export function DashboardOpportunities({ dashboard }: { dashboard: LibraryDashboard }) {
  const ratings = ["5", "4", "3", "2", "1"];
  const most = Math.max(1, ...ratings.map((r) => dashboard.opportunitiesByRating[r] ?? 0));
  return (
    <section className="dashboard-panel" aria-labelledby="dashboard-opportunities">
      <h2 id="dashboard-opportunities">Open opportunities by priority</h2>
      <ul className="dashboard-ratings" aria-label="Open opportunities per impact rating">
        {ratings.map((r) => {
          const n = dashboard.opportunitiesByRating[r] ?? 0;
          return (
            <li key={r}>
              <span className="dashboard-rating">Impact {r}</span>
              <span className="dashboard-bar dashboard-bar--wide" aria-hidden="true">
                <span style={{ width: `${(n / most) * 100}%` }} />
              </span>
              <span className="num">{n}</span>
            </li>
          );
        })}
      </ul>
      {dashboard.opportunities.length === 0 ? (
        <p className="panel-note">No open opportunities.</p>
      ) : (
        <ol className="dashboard-list" data-testid="dashboard.opportunities">
          {dashboard.opportunities.slice(0, SHOWN).map((o) => (
            <li key={`${o.mapId}:${o.cardId}`}>
              <Lightbulb size={14} aria-hidden="true" className="dashboard-icon" />
              <span className="dashboard-item">
                <span className="dashboard-item-title">{o.title || "Untitled opportunity"}</span>
                <span className="dashboard-muted">
                  <AppLink href={focusPath(o.mapId, entityKey("card", o.cardId))}>
                    {o.mapTitle}
                  </AppLink>
                  {o.stepName ? ` · ${o.stepName}` : ""}
                  {o.evidenceCount > 0 ? ` · ${o.evidenceCount} evidence` : ""}
                </span>
              </span>
              <span className="dashboard-badge" title="Impact">
                {o.rating}/5
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
