/**
 * Numbers first: how many steps the journey takes and where it could be streamlined
 * (channel switches, hand-offs between teams, each persona's lowest points, pain-point
 * hotspots), then the omni-channel picture (channels × phases). Everything is derived from
 * the live read model; nothing is stored.
 */
import {
  type Channel,
  evidenceOverview,
  type JourneyMap,
  journeyInsights,
} from "@journeymap/schema";
import { useMemo } from "react";
import { useJourneyMap } from "../../sync/useJourneyMap.ts";
import { ChannelLabel } from "./ChannelLabel.tsx";
import { ChannelMatrix } from "./ChannelMatrix.tsx";
import { EvidencePanel } from "./EvidencePanel.tsx";
import { HotspotTable } from "./HotspotTable.tsx";
import { InsightPanel } from "./InsightPanel.tsx";
import { InsightStats } from "./InsightStats.tsx";
import { channelRows, painHeatTable } from "./insightTables.ts";
import { LowPoints } from "./LowPoints.tsx";
import { StepsPerPhase } from "./StepsPerPhase.tsx";
import { TransitionList } from "./TransitionList.tsx";
import { DisagreementList } from "../../votes/DisagreementList.tsx";
import { BranchFigures } from "../../branches/BranchFigures.tsx";
import { MetricsPanel } from "../../metrics/MetricsPanel.tsx";
import "../shared.css";
import "./InsightsView.css";

export function InsightsView() {
  const map: JourneyMap = useJourneyMap((m) => m);
  const insights = useMemo(() => journeyInsights(map), [map]);
  const heat = useMemo(() => painHeatTable(map), [map]);
  const omni = useMemo(() => channelRows(map), [map]);
  const evidence = useMemo(() => evidenceOverview(map), [map]);
  const steps = useMemo(() => new Map(map.touchpoints.map((t) => [t.id as string, t])), [map]);

  if (map.touchpoints.length === 0) {
    return (
      <div className="insights-view">
        <p className="notice" data-testid="views.insights-empty">
          Insights appear once the map has steps. Add phases and steps on the board.
        </p>
      </div>
    );
  }

  return (
    <div className="insights-view" data-testid="views.insights">
      <InsightStats
        insights={insights}
        openPainPoints={heat.total.painPoints}
        evidence={evidence}
      />
      <div className="iv-grid">
        <BranchFigures />
        <div className="iv-stack">
          <InsightPanel title="Steps per phase" id="steps-per-phase">
            <StepsPerPhase map={map} insights={insights} />
          </InsightPanel>
          <InsightPanel
            title="Lowest points"
            id="low-points"
            note="Where each persona feels worst: start streamlining here."
          >
            <LowPoints map={map} insights={insights} steps={steps} />
          </InsightPanel>
          <InsightPanel
            title="Metrics"
            id="metrics"
            note="Steps by how far they are from their target, beside how each persona feels there."
          >
            <MetricsPanel map={map} />
          </InsightPanel>
          <InsightPanel
            title="Steps where the team disagrees most"
            id="disagreements"
            note="The widest spreads of committed team votes: talk these through."
          >
            <DisagreementList map={map} />
          </InsightPanel>
        </div>

        <InsightPanel
          title={`Channel switches (${insights.channelSwitches.length})`}
          id="channel-switches"
          note="Each switch is a place the customer can drop off."
        >
          <TransitionList
            items={insights.channelSwitches}
            steps={steps}
            render={(c) => <ChannelLabel channel={c as Channel} />}
            empty="The journey stays on one channel."
            testId="views.switch-list"
          />
        </InsightPanel>

        <InsightPanel
          title={`Hand-offs between teams (${insights.handOffs.length})`}
          id="hand-offs"
          note="Steps without a team are skipped."
        >
          <TransitionList
            items={insights.handOffs}
            steps={steps}
            render={(team) => <span className="iv-team">{team}</span>}
            empty="No hand-offs: one team owns every step (or no teams are set)."
            testId="views.handoff-list"
          />
        </InsightPanel>

        <InsightPanel
          title="Pain-point hotspots"
          id="hotspots"
          wide
          note="Severity summed (1–5 per open pain point), by phase and channel; the count of pain points in brackets."
        >
          <HotspotTable heat={heat} />
        </InsightPanel>

        <InsightPanel
          title={`Evidence from sales and support (${evidence.total})`}
          id="evidence"
          wide
          note={`Accepted contributions per step and pain point; where customers' mean sentiment differs from a persona's assumed score by ${evidence.gapThreshold} or more, it is flagged.`}
        >
          <EvidencePanel overview={evidence} map={map} steps={steps} />
        </InsightPanel>

        <InsightPanel
          title="Channels × phases"
          id="omni-channel"
          wide
          note="The omni-channel picture: how many steps happen on each channel in each phase."
        >
          <ChannelMatrix map={map} omni={omni} />
        </InsightPanel>
      </div>
    </div>
  );
}
