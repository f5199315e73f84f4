import type { Attribution, Burst, MapChange } from "@journeymap/schema";
import { AttributionCard } from "./AttributionCard.tsx";
import { ChangeList } from "./ChangeList.tsx";
import type { Version } from "./HistoryApi.ts";
import { Timeline } from "./Timeline.tsx";
import type { Versions } from "./useVersions.ts";
import { VersionsPanel } from "./VersionsPanel.tsx";
import "./historySections.css";

export interface HistorySideProps {
  /** The selected thing (see useAttribution), its label and its attribution (undefined: loading). */
  readonly selected: string | null;
  readonly selectedLabel: string;
  readonly attribution: Attribution | null | undefined;
  readonly onCloseSelected: () => void;
  /** Offered when the selected thing can be restored as it is shown. */
  readonly onRestoreSelected: (() => void) | undefined;
  /** What the shown step changed (under the phase filter, if any). */
  readonly changes: readonly MapChange[];
  readonly phaseFiltered: boolean;
  readonly onSelect: (target: string) => void;
  /** Offered when a thing removed in this step can be brought back. */
  readonly onRestoreChange: ((change: MapChange) => void) | undefined;
  readonly versions: Versions;
  readonly canEdit: boolean;
  /** The moment shown: a new version names it. */
  readonly seq: number;
  readonly onShowVersion: (version: Version) => void;
  readonly bursts: readonly Burst[];
  readonly current: Burst | null;
  readonly onSeek: (seq: number) => void;
}

/** The history view's side panel: the selected thing, this step's changes, versions, timeline. */
export function HistorySide(props: HistorySideProps) {
  const { selected, versions, onRestoreSelected, onRestoreChange } = props;
  return (
    <aside className="history-side">
      {selected && (
        <AttributionCard
          target={selected}
          label={props.selectedLabel}
          attribution={props.attribution}
          onClose={props.onCloseSelected}
          {...(onRestoreSelected ? { onRestore: onRestoreSelected } : {})}
        />
      )}
      <section className="history-section" aria-labelledby="step-title">
        <h2 id="step-title" className="history-section-title">
          Changed in this step
        </h2>
        <ChangeList
          changes={props.changes}
          empty={
            props.phaseFiltered
              ? "Nothing in this phase changed in this step."
              : "Nothing changed in this step."
          }
          testId="history.step-changes"
          onSelect={(c) => props.onSelect(c.target)}
          {...(onRestoreChange ? { onRestore: onRestoreChange } : {})}
        />
      </section>
      <VersionsPanel
        versions={versions.versions}
        canEdit={props.canEdit}
        seq={props.seq}
        comparison={versions.comparison}
        onCreate={(name) => versions.create(name, props.seq)}
        onRename={versions.rename}
        onDelete={versions.remove}
        onShow={props.onShowVersion}
        onCompare={versions.compare}
        onRestore={versions.restore}
        onRestoreOne={versions.restoreOne}
      />
      <section className="history-section" aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="history-section-title">
          Timeline
        </h2>
        <Timeline bursts={props.bursts} current={props.current} onSeek={props.onSeek} />
      </section>
    </aside>
  );
}
