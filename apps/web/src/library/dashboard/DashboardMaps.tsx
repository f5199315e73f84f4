/** The dashboard's maps, stalest first: what needs review, evidence, open cards, last edit. */
import type { DashboardMap } from "@journeymap/protocol/http";
import { AppLink } from "../../ui/AppLink.tsx";
import { formatAgo } from "../../ui/formatDate.ts";

function Freshness({ map }: { map: DashboardMap }) {
  const f = map.freshness;
  if (f === null)
    return (
      <span className="dashboard-muted" title="Not worked out for this view (many maps)">
        —
      </span>
    );
  const share = f.items === 0 ? 0 : f.stale / f.items;
  return (
    <span className="dashboard-freshness" title={`Review every ${f.reviewAfterDays} days`}>
      <span className="dashboard-bar" aria-hidden="true">
        <span style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
      <span className={f.stale > 0 ? "dashboard-stale" : undefined}>
        {f.stale} of {f.items} stale
      </span>
    </span>
  );
}

const count = (n: number | null) => (n === null ? "—" : n);

export function DashboardMaps({ maps }: { maps: readonly DashboardMap[] }) {
  if (maps.length === 0) return <p className="empty-state">No maps you can open here yet.</p>;
  return (
    <div className="dashboard-table-wrap">
      <table className="dashboard-table" data-testid="dashboard.maps">
        <thead>
          <tr>
            <th scope="col">Map</th>
            <th scope="col">Needs review</th>
            <th scope="col" className="num">
              Oldest
            </th>
            <th scope="col" className="num">
              Evidence
            </th>
            <th scope="col" className="num">
              Pain points
            </th>
            <th scope="col" className="num">
              Opportunities
            </th>
            <th scope="col">Last edit</th>
          </tr>
        </thead>
        <tbody>
          {maps.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                <AppLink href={`/maps/${encodeURIComponent(m.id)}`}>
                  {m.title || "Untitled map"}
                </AppLink>
              </th>
              <td>
                <Freshness map={m} />
              </td>
              <td className="num">{m.freshness ? `${m.freshness.oldestDays} d` : "—"}</td>
              <td className="num">{count(m.evidenceCount)}</td>
              <td className="num">{count(m.openPainPoints)}</td>
              <td className="num">{count(m.openOpportunities)}</td>
              <td className="dashboard-muted">
                {m.updatedBy ? `${m.updatedBy.name}, ` : ""}
                {formatAgo(m.updatedAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
