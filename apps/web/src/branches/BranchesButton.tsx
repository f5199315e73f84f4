/**
 * The board header's way into branches (issue 17): branch this map ("To-be: self-serve
 * onboarding"), the map's branches with who made them and how far each side went since, and,
 * on a branch, the map it came from with the way to compare and merge back.
 */
import { GitBranch } from "lucide-react";
import { useState } from "react";
import { navigate } from "../router.ts";
import { usePopover } from "../ui/usePopover.ts";
import { BranchForm } from "./BranchForm.tsx";
import { BranchRow } from "./BranchRow.tsx";
import { useBranches } from "./useBranches.ts";
import "./Branches.css";

export function BranchesButton({ mapId, readOnly }: { mapId: string; readOnly: boolean }) {
  const { open, setOpen, ref } = usePopover<HTMLSpanElement>();
  const { list, error, reload, archive } = useBranches(mapId, open);
  const [showArchived, setShowArchived] = useState(false);
  const branches = list?.branches ?? [];
  const archived = branches.filter((b) => b.archivedAt !== null);
  const shown = branches.filter((b) => showArchived || b.archivedAt === null);
  return (
    <span ref={ref} style={{ position: "relative" }}>
      <button
        type="button"
        className="btn btn--ghost branches-toggle"
        aria-expanded={open}
        aria-label="Branches"
        data-testid="board.branches"
        title="Branch this map (as-is → to-be), compare and merge back"
        onClick={() => setOpen(!open)}
      >
        <GitBranch size={14} /> Branches
      </button>
      {open && (
        <div className="popover-panel branches-panel" role="dialog" aria-label="Branches">
          {list?.branchOf && (
            <div className="branches-origin" data-testid="branches.origin">
              <p className="panel-note">
                A branch made by {list.branchOf.createdBy} · {list.branchOf.branchEdits} edits here,{" "}
                {list.branchOf.originalEdits} in the original since
              </p>
              <button
                type="button"
                className="btn btn--primary"
                data-testid="branches.compare-origin"
                onClick={() => navigate(`/maps/${mapId}/compare`)}
              >
                Compare with the original and merge…
              </button>
            </div>
          )}
          {!readOnly && <BranchForm mapId={mapId} onCreated={reload} />}
          {error && (
            <p className="panel-note" role="alert">
              {error}
            </p>
          )}
          {list && branches.length === 0 && <p className="panel-note">No branches yet.</p>}
          {shown.length > 0 && (
            <ul className="branches-list" data-testid="branches.list">
              {shown.map((b) => (
                <BranchRow key={b.id} branch={b} canArchive={!readOnly} onArchive={archive} />
              ))}
            </ul>
          )}
          {archived.length > 0 && (
            <button
              type="button"
              className="btn btn--ghost btn--small"
              onClick={() => setShowArchived(!showArchived)}
            >
              {showArchived ? "Hide archived" : `Show archived (${archived.length})`}
            </button>
          )}
        </div>
      )}
    </span>
  );
}
