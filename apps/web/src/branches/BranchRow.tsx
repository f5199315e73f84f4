import type { BranchInfo } from "@journeymap/protocol/http";
import { navigate } from "../router.ts";
import { formatDate } from "../ui/formatDate.ts";

/** One branch in the list: name, who and when, how far each side went since, actions. */
export function BranchRow({
  branch,
  canArchive,
  onArchive,
}: {
  branch: BranchInfo;
  canArchive: boolean;
  onArchive: (id: string, archived: boolean) => void;
}) {
  const archived = branch.archivedAt !== null;
  return (
    <li
      className={archived ? "branch-row branch-row--archived" : "branch-row"}
      data-testid="branches.row"
    >
      <a
        href={`/maps/${branch.id}`}
        className="branch-name"
        onClick={(e) => {
          e.preventDefault();
          navigate(`/maps/${branch.id}`);
        }}
      >
        {branch.name}
      </a>
      <span className="panel-note">
        {branch.createdBy} · {formatDate(branch.createdAt)} · {branch.branchEdits} edits in the
        branch, {branch.originalEdits} here since
      </span>
      <span className="branch-actions">
        <button
          type="button"
          className="btn btn--small"
          data-testid="branches.compare"
          onClick={() => navigate(`/maps/${branch.id}/compare`)}
        >
          Compare
        </button>
        {canArchive && (
          <button
            type="button"
            className="btn btn--ghost btn--small"
            onClick={() => onArchive(branch.id, !archived)}
          >
            {archived ? "Unarchive" : "Archive"}
          </button>
        )}
      </span>
    </li>
  );
}
