import type { EvidenceOverview, JourneyInsights } from "@journeymap/schema";
import {
  FileText,
  Footprints,
  Handshake,
  Layers,
  Repeat,
  SearchX,
  TriangleAlert,
} from "lucide-react";

export interface InsightStatsProps {
  readonly insights: JourneyInsights;
  readonly openPainPoints: number;
  readonly evidence: EvidenceOverview;
}

/** The journey in numbers, across the top of the insights. */
export function InsightStats({ insights, openPainPoints, evidence }: InsightStatsProps) {
  return (
    <ul className="iv-stats" aria-label="Journey in numbers">
      {(
        [
          ["Steps", insights.totalSteps, Footprints, "views.total-steps"],
          ["Phases", insights.stepsPerPhase.length, Layers, "views.total-phases"],
          ["Channel switches", insights.channelSwitches.length, Repeat, "views.total-switches"],
          ["Hand-offs", insights.handOffs.length, Handshake, "views.total-handoffs"],
          ["Open pain points", openPainPoints, TriangleAlert, "views.total-pains"],
          ["Evidence items", evidence.total, FileText, "views.total-evidence"],
          ["Steps on assumptions", evidence.assumedSteps.length, SearchX, "views.total-assumed"],
        ] as const
      ).map(([label, value, Icon, testId]) => (
        <li key={label}>
          <div className="iv-stat" data-testid={testId}>
            <Icon size={16} aria-hidden="true" className="iv-stat-icon" />
            <span className="iv-stat-value">{value}</span>
            <span className="iv-stat-label">{label}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}
