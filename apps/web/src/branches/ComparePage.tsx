/**
 * The compare page of a branch (`/maps/<branch>/compare`, issue 17): the original now and the
 * branch side by side, aligned by identity, with the journey figures and their difference,
 * and "Merge into the original…". It joins the original live, because a merge is a forward
 * edit on it made here (one transaction, the local origin: attributed to this person, synced
 * and merged with whatever others do to the original meanwhile, undoable from the notice).
 */
import {
  applyMerge,
  compareFigures,
  compareMaps,
  createBoardUndoManager,
  describeFigures,
  LOCAL_ORIGIN,
  pickChanges,
  planMerge,
} from "@journeymap/schema";
import { ArrowLeft, GitMerge, RefreshCw } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { navigate } from "../router.ts";
import { useLinkToken } from "../sync/useLinkToken.ts";
import { type MapConnection, useMapConnection } from "../sync/useMapConnection.ts";
import { type BranchInfo, listBranches } from "./branchesApi.ts";
import { CompareBoard } from "./CompareBoard.tsx";
import { FiguresTable } from "./FiguresTable.tsx";
import { MergeDialog, type MergeRequest } from "./MergeDialog.tsx";
import { useCompareDocs, useLiveMap } from "./useBranchCompare.ts";
import "./Branches.css";

export default function ComparePage({ mapId }: { mapId: string }) {
  const settled = useLinkToken(mapId);
  const [branch, setBranch] = useState<BranchInfo | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!settled) return;
    listBranches(mapId).then(
      (list) => setBranch(list.branchOf),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [mapId, settled]);
  if (error || branch === null) {
    return (
      <div className="page">
        <div className="notice notice--error" role="alert">
          {error ?? "This map is not a branch of another map."}{" "}
          <a href={`/maps/${mapId}`}>Back to the map</a>
        </div>
      </div>
    );
  }
  if (!branch) return <p className="page page-lede">Loading…</p>;
  return <CompareWithOriginal branch={branch} />;
}

function CompareWithOriginal({ branch }: { branch: BranchInfo }) {
  const connection = useMapConnection(branch.sourceMapId);
  if (connection?.refused) {
    return (
      <div className="page">
        <div className="notice notice--error" role="alert">
          <strong>The original map cannot be opened.</strong> {connection.refused}
        </div>
      </div>
    );
  }
  if (!connection?.synced) return <p className="page page-lede">Opening the original…</p>;
  return <CompareView branch={branch} connection={connection} />;
}

function CompareView({ branch, connection }: { branch: BranchInfo; connection: MapConnection }) {
  const live = connection.doc;
  const left = useLiveMap(live);
  const { docs, error, reload } = useCompareDocs(branch);
  const undo = useMemo(() => createBoardUndoManager(live), [live]);
  useEffect(() => () => undo.destroy(), [undo]);
  const [merging, setMerging] = useState(false);
  const [notice, setNotice] = useState<{ text: string; undoable: boolean } | null>(null);

  const comparison = useMemo(
    () => (left && docs ? compareMaps(left, docs.right) : null),
    [left, docs],
  );
  const figures = useMemo(
    () => (left && docs ? compareFigures(left, docs.right) : null),
    [left, docs],
  );
  // Recomputed as the original changes (left is read after each of its transactions).
  const plan = useMemo(
    () => (left && docs ? planMerge(docs.base, live, docs.theirs) : null),
    [left, docs, live],
  );
  if (error) return <div className="page notice notice--error">{error}</div>;
  if (!left || !docs || !comparison || !figures || !plan)
    return <p className="page page-lede">Comparing…</p>;
  const leftName = left.meta.title || "Original";
  const rightName = branch.name;

  const merge = ({ picked, choices }: MergeRequest) => {
    undo.stopCapturing();
    const ids = pickChanges(
      plan,
      [...picked].map((id) => ({ kind: "change" as const, id })),
    );
    const result = applyMerge(
      live,
      docs.base,
      docs.theirs,
      { picked: ids, choices },
      { origin: LOCAL_ORIGIN },
      { undo },
    );
    setMerging(false);
    const left = result.unresolved.length;
    setNotice({
      text:
        result.written === 0
          ? "Nothing to merge: the original already had it."
          : `Merged ${result.written} change${result.written === 1 ? "" : "s"} into “${leftName}”.${left ? ` ${left} conflict${left === 1 ? "" : "s"} left as they are.` : ""}`,
      undoable: result.written > 0,
    });
  };

  return (
    <div className="compare-page">
      <header className="compare-header">
        <a
          className="icon-btn"
          href={`/maps/${branch.id}`}
          aria-label="Back to the branch"
          onClick={(e) => {
            e.preventDefault();
            navigate(`/maps/${branch.id}`);
          }}
        >
          <ArrowLeft size={18} />
        </a>
        <div className="compare-title">
          <h1>
            “{leftName}” <span className="compare-vs">and its branch</span> “{rightName}”
          </h1>
          <p className="compare-summary" data-testid="compare.summary">
            {describeFigures(figures, rightName)}
          </p>
        </div>
        <button
          type="button"
          className="btn btn--ghost"
          onClick={reload}
          title="Read the branch again"
        >
          <RefreshCw size={14} /> Refresh
        </button>
        {!connection.readOnly && (
          <button
            type="button"
            className="btn btn--primary"
            data-testid="compare.merge"
            onClick={() => setMerging(true)}
          >
            <GitMerge size={14} /> Merge into “{leftName}”…
          </button>
        )}
      </header>
      {notice && (
        <div className="notice compare-notice" role="status" data-testid="compare.notice">
          {notice.text}
          {notice.undoable && (
            <button
              type="button"
              className="btn btn--ghost"
              onClick={() => {
                undo.undo();
                setNotice({ text: "The merge was undone.", undoable: false });
              }}
            >
              Undo
            </button>
          )}
        </div>
      )}
      <div className="compare-layout">
        <aside className="compare-side">
          <h2>Journey figures</h2>
          <FiguresTable figures={figures} leftName={leftName} rightName={rightName} />
          <p className="panel-note">
            {comparison.counts.added} added · {comparison.counts.removed} removed ·{" "}
            {comparison.counts.moved} moved · {comparison.counts.changed} changed
          </p>
        </aside>
        <main className="compare-main">
          <div className="compare-row compare-row--heads">
            <h2>{leftName} (original, now)</h2>
            <h2>{rightName} (branch)</h2>
          </div>
          <CompareBoard comparison={comparison} left={left} right={docs.right} />
        </main>
      </div>
      {merging && (
        <MergeDialog
          plan={plan}
          left={left}
          right={docs.right}
          leftName={leftName}
          rightName={rightName}
          onMerge={merge}
          onClose={() => setMerging(false)}
        />
      )}
    </div>
  );
}
