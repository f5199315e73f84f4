import type { MapChange } from "@journeymap/schema";
import { Bookmark, Eye, GitCompareArrows, RotateCcw, Trash2 } from "lucide-react";
import { useState } from "react";
import { InlineText } from "../ui/InlineText.tsx";
import { ChangeList } from "./ChangeList.tsx";
import { formatWhen } from "./format.ts";
import type { Version } from "./HistoryApi.ts";
import "./historySections.css";
import "./VersionsPanel.css";
import { BranchAtMoment } from "../branches/BranchAtMoment.tsx";

export interface Comparison {
  readonly version: Version;
  /** From the version to now. */
  readonly changes: readonly MapChange[];
}

export interface VersionsPanelProps {
  readonly versions: readonly Version[];
  readonly canEdit: boolean;
  readonly seq: number;
  readonly comparison: Comparison | null;
  readonly onCreate: (name: string) => void;
  readonly onRename: (version: Version, name: string) => void;
  readonly onDelete: (version: Version) => void;
  readonly onShow: (version: Version) => void;
  readonly onCompare: (version: Version) => void;
  readonly onRestore: (version: Version) => void;
  readonly onRestoreOne: (version: Version, change: MapChange) => void;
}

/** Named moments: mark one, jump to it, compare it with now, restore it. */
export function VersionsPanel(props: VersionsPanelProps) {
  const { versions, canEdit, seq, comparison } = props;
  const [name, setName] = useState("");
  return (
    <section className="history-section" aria-labelledby="versions-title">
      <h2 id="versions-title" className="history-section-title">
        Named versions
      </h2>
      {canEdit && (
        <form
          className="version-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim() === "") return;
            props.onCreate(name.trim());
            setName("");
          }}
        >
          <input
            className="inline-input"
            value={name}
            maxLength={120}
            placeholder="e.g. After the workshop"
            title={`A name for edit ${seq}, the moment shown`}
            aria-label="Name of this moment"
            data-testid="history.version-name"
            onChange={(e) => setName(e.target.value)}
          />
          <button
            type="submit"
            className="btn"
            data-testid="history.version-create"
            disabled={name.trim() === ""}
          >
            <Bookmark size={14} /> Name this moment
          </button>
        </form>
      )}
      {canEdit && <BranchAtMoment seq={seq} />}
      {versions.length === 0 && (
        <p className="history-empty">
          No named versions yet.{canEdit ? " Scrub to a moment and give it a name." : ""}
        </p>
      )}
      <ul className="row-list version-list" data-testid="history.versions">
        {versions.map((v) => (
          <li key={v.id} className="version" data-testid="history.version">
            <div className="version-head">
              <Bookmark size={14} aria-hidden="true" />
              <span className="version-name">
                {canEdit ? (
                  <InlineText
                    value={v.name}
                    label="Version name"
                    onCommit={(n) => props.onRename(v, n)}
                  />
                ) : (
                  v.name
                )}
              </span>
            </div>
            <div className="version-meta">
              Edit {v.seq} · named by {v.createdBy} · {formatWhen(v.createdAt)}
            </div>
            <div className="version-actions">
              <button type="button" className="btn btn--ghost" onClick={() => props.onShow(v)}>
                <Eye size={13} /> Show
              </button>
              <button
                type="button"
                className="btn btn--ghost"
                data-testid="history.version-compare"
                onClick={() => props.onCompare(v)}
              >
                <GitCompareArrows size={13} /> Compare with now
              </button>
              {canEdit && (
                <>
                  <button
                    type="button"
                    className="btn btn--ghost"
                    data-testid="history.version-restore"
                    onClick={() => props.onRestore(v)}
                  >
                    <RotateCcw size={13} /> Restore
                  </button>
                  <button
                    type="button"
                    className="icon-btn icon-btn--danger"
                    aria-label={`Delete the version ${v.name}`}
                    onClick={() => props.onDelete(v)}
                  >
                    <Trash2 size={13} />
                  </button>
                </>
              )}
            </div>
            {comparison?.version.id === v.id && (
              <div className="version-compare" data-testid="history.comparison">
                <p className="history-hint">From “{v.name}” to now:</p>
                <ChangeList
                  changes={comparison.changes}
                  empty="Nothing changed since this version."
                  {...(canEdit ? { onRestore: (c: MapChange) => props.onRestoreOne(v, c) } : {})}
                />
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
