import type { Attribution, Burst, MapChange } from "@journeymap/schema";
import { useCallback } from "react";
import { AttributionCard } from "./AttributionCard.tsx";
import type { ChangeContext } from "./changeSentence.ts";
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
  /** What the shown edit changed (under the filters, if any), and why that may be nothing. */
  readonly changes: readonly MapChange[];
  readonly emptyChanges: string;
  /** The moment those changes describe (null before the first): lets tests and the bench wait for them. */
  readonly changesSeq: number | null;
  /** Who made the shown edit, when, and where each change sits. */
  readonly changeContext: ChangeContext;
  readonly onSelect: (target: string) => void;
  /** Offered when a thing removed in this edit can be brought back. */
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

/** The history view's side panel: the selected thing, this edit's changes, versions, timeline. */
export function HistorySide(props: HistorySideProps) {
  const { selected, versions, onRestoreSelected, onRestoreChange, onSelect } = props;
  // Stable, so the memoized list of changes skips the renders of scrubber input.
  const selectChange = useCallback((c: MapChange) => onSelect(c.target), [onSelect]);
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
      <section
        className="history-section"
        aria-labelledby="edit-title"
        data-testid="history.edit-changes"
        data-seq={props.changesSeq ?? undefined}
      >
        <h2 id="edit-title" className="history-section-title">
          Changed in this edit
        </h2>
        <ChangeList
          changes={props.changes}
          empty={props.emptyChanges}
          context={props.changeContext}
          testId="history.step-changes"
          onSelect={selectChange}
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
