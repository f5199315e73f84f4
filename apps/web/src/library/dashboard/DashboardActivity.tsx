/** The latest edits across the workspace's maps: who, which map, when. */
import type { DashboardActivity as Activity } from "@journeymap/protocol/http";
import { AppLink } from "../../ui/AppLink.tsx";
import { formatAgo } from "../../ui/formatDate.ts";

export function DashboardActivity({ activity }: { activity: readonly Activity[] }) {
  return (
    <section className="dashboard-panel" aria-labelledby="dashboard-activity">
      <h2 id="dashboard-activity">Recent activity</h2>
      {activity.length === 0 ? (
        <p className="panel-note">Nothing yet.</p>
      ) : (
        <ol className="dashboard-list" data-testid="dashboard.activity">
          {activity.map((a) => (
            <li key={a.mapId}>
              <span className="dashboard-item">
                <span>
                  {a.by ? (
                    <>
                      <strong>{a.by.name}</strong> edited{" "}
                    </>
                  ) : (
                    "New map "
                  )}
                  <AppLink href={`/maps/${encodeURIComponent(a.mapId)}`}>
                    {a.title || "Untitled map"}
                  </AppLink>
                </span>
              </span>
              <span className="dashboard-muted dashboard-when">{formatAgo(a.at)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
