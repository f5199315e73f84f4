/**
 * The workspace dashboard (issue 19): the maps the person may open at a glance — totals, maps
 * by freshness (stalest first) with their evidence and open cards, open opportunities by
 * priority, recent activity — and the way to make an end-to-end map of several maps. The
 * server counts only maps the person may open; nothing here filters.
 */
import { WORKSPACE_ROLE } from "@journeymap/protocol";
import type { LibraryDashboard } from "@journeymap/protocol/http";
import { Layers } from "lucide-react";
import { useState } from "react";
import { useAccount } from "../../account/accountStore.ts";
import type { LibrarySectionProps } from "../LibraryPage.tsx";
import { DashboardActivity } from "./DashboardActivity.tsx";
import { DashboardMaps } from "./DashboardMaps.tsx";
import { DashboardOpportunities } from "./DashboardOpportunities.tsx";
import { EndToEndForm } from "./EndToEndForm.tsx";
import { useDashboard } from "./useDashboard.ts";
import "./dashboard.css";

function Totals({ totals }: { totals: LibraryDashboard["totals"] }) {
  const tiles = [
    ["Maps", totals.maps],
    ["Evidence", totals.evidence],
    ["Open opportunities", totals.openOpportunities],
    ["Open pain points", totals.openPainPoints],
    ["Items to review", totals.staleItems],
  ] as const;
  return (
    <dl className="dashboard-totals" data-testid="dashboard.totals">
      {tiles.map(([label, value]) => (
        <div key={label} className="dashboard-tile">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export default function DashboardSection({ workspaceId }: LibrarySectionProps) {
  const { dashboard, error } = useDashboard(workspaceId);
  const { me } = useAccount();
  const role = me?.workspaces.find((w) => w.id === workspaceId)?.role;
  const mayCreate = role === WORKSPACE_ROLE.admin || role === WORKSPACE_ROLE.member;
  const [creating, setCreating] = useState(false);
  if (error)
    return (
      <p className="notice notice--error" role="alert">
        {error}
      </p>
    );
  if (!dashboard) return <p className="page-lede">Loading…</p>;
  return (
    <div className="dashboard" data-testid="dashboard">
      <div className="dashboard-head">
        <Totals totals={dashboard.totals} />
        {mayCreate && !creating && (
          <button
            type="button"
            className="btn btn--primary"
            data-testid="dashboard.new-e2e"
            disabled={dashboard.maps.length === 0}
            onClick={() => setCreating(true)}
          >
            <Layers size={14} aria-hidden="true" /> New end-to-end map
          </button>
        )}
      </div>
      {creating && (
        <EndToEndForm
          workspaceId={workspaceId}
          maps={dashboard.maps}
          onCancel={() => setCreating(false)}
        />
      )}
      <section className="dashboard-panel" aria-labelledby="dashboard-maps">
        <h2 id="dashboard-maps">Maps by freshness</h2>
        <DashboardMaps maps={dashboard.maps} />
      </section>
      <div className="dashboard-columns">
        <DashboardOpportunities dashboard={dashboard} />
        <DashboardActivity activity={dashboard.activity} />
      </div>
    </div>
  );
}
