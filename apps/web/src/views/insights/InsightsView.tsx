/**
 * Numbers first: how many steps the journey takes and where it could be streamlined
 * (channel switches, hand-offs between teams, each persona's lowest points, pain-point
 * hotspots), then the omni-channel picture (channels × phases). Everything is derived from
 * the live read model; nothing is stored.
 */
import {
  CHANNEL_LABELS,
  type Channel,
  EMOTION_LABELS,
  evidenceOverview,
  journeyInsights,
  type JourneyMap,
  type Touchpoint,
  type Transition,
} from "@journeymap/schema";
import {
  ArrowRight,
  FileText,
  Footprints,
  Handshake,
  Layers,
  type LucideIcon,
  Repeat,
  SearchX,
  TriangleAlert,
} from "lucide-react";
import { type CSSProperties, type ReactNode, useMemo } from "react";
import { CHANNEL_ICONS } from "../../board/channelIcons.tsx";
import { useJourneyMap } from "../../sync/useJourneyMap.ts";
import { initials } from "../../ui/initials.ts";
import { formatScore } from "../scores.ts";
import { EvidencePanel } from "./EvidencePanel.tsx";
import { channelRows, painHeatTable, shade } from "./insightTables.ts";
import "../../styles/views.css";

function Stat({
  label,
  value,
  Icon,
  testId,
}: {
  label: string;
  value: number;
  Icon: LucideIcon;
  testId: string;
}) {
  return (
    <div className="iv-stat" data-testid={testId}>
      <Icon size={16} aria-hidden="true" className="iv-stat-icon" />
      <span className="iv-stat-value">{value}</span>
      <span className="iv-stat-label">{label}</span>
    </div>
  );
}

function Panel({
  title,
  id,
  children,
  wide,
  note,
}: {
  title: string;
  id: string;
  children: ReactNode;
  wide?: boolean;
  note?: string;
}) {
  return (
    <section
      className={`iv-panel ${wide ? "iv-panel--wide" : ""}`}
      aria-labelledby={id}
      data-testid={`views.${id}`}
    >
      <h2 id={id} className="iv-title">
        {title}
      </h2>
      {note && <p className="iv-note">{note}</p>}
      {children}
    </section>
  );
}

function ChannelLabel({ channel }: { channel: Channel }) {
  const Icon = CHANNEL_ICONS[channel];
  return (
    <span className="iv-channel">
      <Icon size={13} aria-hidden="true" />
      {CHANNEL_LABELS[channel]}
    </span>
  );
}

function TransitionList({
  items,
  steps,
  render,
  empty,
  testId,
}: {
  items: readonly Transition[];
  steps: ReadonlyMap<string, Touchpoint>;
  render: (value: string) => ReactNode;
  empty: string;
  testId: string;
}) {
  if (items.length === 0) return <p className="iv-empty">{empty}</p>;
  return (
    <ol className="iv-transitions" data-testid={testId}>
      {items.map((t) => (
        <li key={`${t.from}-${t.to}`}>
          <span className="iv-transition-values">
            {render(t.before)}
            <ArrowRight size={13} aria-label="to" className="iv-arrow" />
            {render(t.after)}
          </span>
          <span className="iv-transition-steps">
            {steps.get(t.from)?.name} → {steps.get(t.to)?.name}
          </span>
        </li>
      ))}
    </ol>
  );
}

export function InsightsView() {
  const map: JourneyMap = useJourneyMap((m) => m);
  const insights = useMemo(() => journeyInsights(map), [map]);
  const heat = useMemo(() => painHeatTable(map), [map]);
  const omni = useMemo(() => channelRows(map), [map]);
  const evidence = useMemo(() => evidenceOverview(map), [map]);
  const steps = useMemo(() => new Map(map.touchpoints.map((t) => [t.id as string, t])), [map]);
  const personas = new Map(map.personas.map((p) => [p.id as string, p]));
  const maxSteps = Math.max(1, ...insights.stepsPerPhase.map((p) => p.steps));
  const phaseColour = new Map(map.phases.map((p) => [p.id as string, p.colour]));

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
      <ul className="iv-stats" aria-label="Journey in numbers">
        {(
          [
            ["Steps", insights.totalSteps, Footprints, "views.total-steps"],
            ["Phases", insights.stepsPerPhase.length, Layers, "views.total-phases"],
            ["Channel switches", insights.channelSwitches.length, Repeat, "views.total-switches"],
            ["Hand-offs", insights.handOffs.length, Handshake, "views.total-handoffs"],
            ["Open pain points", heat.total.painPoints, TriangleAlert, "views.total-pains"],
            ["Evidence items", evidence.total, FileText, "views.total-evidence"],
            ["Steps on assumptions", evidence.assumedSteps.length, SearchX, "views.total-assumed"],
          ] as const
        ).map(([label, value, Icon, testId]) => (
          <li key={label}>
            <Stat label={label} value={value} Icon={Icon} testId={testId} />
          </li>
        ))}
      </ul>

      <div className="iv-grid">
        <div className="iv-stack">
          <Panel title="Steps per phase" id="steps-per-phase">
            <ul className="iv-bars">
              {insights.stepsPerPhase.map((p) => (
                <li key={p.phaseId} data-testid="views.phase-steps">
                  <span className="iv-bar-label">{p.name}</span>
                  <span className="iv-bar-track" aria-hidden="true">
                    <span
                      className="iv-bar"
                      style={
                        {
                          width: `${(p.steps / maxSteps) * 100}%`,
                          "--bar-colour": phaseColour.get(p.phaseId),
                        } as CSSProperties
                      }
                    />
                  </span>
                  <span className="iv-bar-value" data-testid="views.phase-steps-count">
                    {p.steps}
                    <span className="visually-hidden"> {p.steps === 1 ? "step" : "steps"}</span>
                  </span>
                </li>
              ))}
            </ul>
          </Panel>

          <Panel
            title="Lowest points"
            id="low-points"
            note="Where each persona feels worst: start streamlining here."
          >
            {insights.lowPoints.length === 0 ? (
              <p className="iv-empty">No feelings scored yet.</p>
            ) : (
              <ul className="iv-lows">
                {insights.lowPoints.map((low) => {
                  const persona = personas.get(low.personaId);
                  return (
                    <li key={low.personaId} data-testid="views.low-point">
                      <span
                        className="avatar"
                        style={{ background: persona?.colour }}
                        aria-hidden="true"
                      >
                        {initials(persona?.name ?? "?")}
                      </span>
                      <span className="iv-low-main">
                        <span className="iv-low-name">{persona?.name}</span>
                        <span className="iv-low-steps">
                          {low.touchpointIds.map((id) => steps.get(id)?.name).join(", ")}
                        </span>
                      </span>
                      <span className="iv-low-score">
                        <span className="tv-score-value" data-score={low.score}>
                          {formatScore(low.score)}
                        </span>
                        {EMOTION_LABELS[low.score]}
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </Panel>
        </div>

        <Panel
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
        </Panel>

        <Panel
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
        </Panel>

        <Panel
          title="Pain-point hotspots"
          id="hotspots"
          wide
          note="Severity summed (1–5 per open pain point), by phase and channel; the count of pain points in brackets."
        >
          {heat.total.painPoints === 0 ? (
            <p className="iv-empty">No open pain points.</p>
          ) : (
            <div className="iv-table-scroll">
              <table className="iv-table" data-testid="views.heat-table">
                <caption className="visually-hidden">
                  Pain-point severity by phase and channel
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Phase</th>
                    {heat.channels.map((c) => (
                      <th scope="col" key={c}>
                        <ChannelLabel channel={c} />
                      </th>
                    ))}
                    <th scope="col">By phase</th>
                  </tr>
                </thead>
                <tbody>
                  {heat.rows.map((row) => (
                    <tr key={row.phase.id}>
                      <th scope="row">{row.phase.name}</th>
                      {row.cells.map((cell, i) => (
                        <td
                          key={heat.channels[i]}
                          className={`iv-heat iv-heat--${shade(cell.severity, heat.max)}`}
                        >
                          {cell.painPoints > 0 ? (
                            <>
                              {cell.severity} <span className="iv-count">({cell.painPoints})</span>
                            </>
                          ) : (
                            <span className="iv-zero">0</span>
                          )}
                        </td>
                      ))}
                      <td className="iv-total" data-testid="views.heat-phase-total">
                        {row.total.severity}{" "}
                        <span className="iv-count">({row.total.painPoints})</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">By channel</th>
                    {heat.channelTotals.map((t, i) => (
                      <td key={heat.channels[i]} className="iv-total">
                        {t.severity} <span className="iv-count">({t.painPoints})</span>
                      </td>
                    ))}
                    <td className="iv-total iv-grand" data-testid="views.heat-total">
                      {heat.total.severity}{" "}
                      <span className="iv-count">({heat.total.painPoints})</span>
                    </td>
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
        </Panel>

        <Panel
          title={`Evidence from sales and support (${evidence.total})`}
          id="evidence"
          wide
          note={`Accepted contributions per step and pain point; where customers' mean sentiment differs from a persona's assumed score by ${evidence.gapThreshold} or more, it is flagged.`}
        >
          <EvidencePanel overview={evidence} map={map} steps={steps} />
        </Panel>

        <Panel
          title="Channels × phases"
          id="omni-channel"
          wide
          note="The omni-channel picture: how many steps happen on each channel in each phase."
        >
          <div className="iv-table-scroll">
            <table className="iv-table iv-matrix" data-testid="views.channel-matrix">
              <caption className="visually-hidden">Steps by channel and phase</caption>
              <thead>
                <tr>
                  <th scope="col">Channel</th>
                  {map.phases.map((p) => (
                    <th scope="col" key={p.id}>
                      <span
                        className="tv-swatch"
                        style={{ background: p.colour }}
                        aria-hidden="true"
                      />
                      {p.name}
                    </th>
                  ))}
                  <th scope="col">Steps</th>
                </tr>
              </thead>
              <tbody>
                {omni.rows.map((row) => (
                  <tr key={row.channel} data-channel={row.channel}>
                    <th scope="row">
                      <ChannelLabel channel={row.channel} />
                    </th>
                    {row.cells.map((cell, i) => (
                      <td
                        key={map.phases[i]?.id}
                        className={`iv-cell iv-omni--${shade(cell.length, omni.max)}`}
                        title={cell.map((t) => t.name).join("\n") || undefined}
                        data-testid="views.matrix-cell"
                      >
                        {cell.length > 0 ? (
                          <>
                            <span className="iv-omni-count">{cell.length}</span>
                            <span className="iv-omni-steps">
                              {cell.map((t) => t.name).join(", ")}
                            </span>
                          </>
                        ) : (
                          <span className="iv-zero">0</span>
                        )}
                      </td>
                    ))}
                    <td className="iv-total">{row.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Panel>
      </div>
    </div>
  );
}
