import { GitBranch } from "lucide-react";
import { useState } from "react";
import { useRoute } from "../router.ts";
import { BranchForm } from "./BranchForm.tsx";

/** "Branch from this moment…" in the history: the map as it was at `seq`, as a branch. */
export function BranchAtMoment({ seq }: { seq: number }) {
  const route = useRoute();
  const [open, setOpen] = useState(false);
  if (!("mapId" in route)) return null;
  return open ? (
    <BranchForm mapId={route.mapId} seq={seq} />
  ) : (
    <button
      type="button"
      className="btn btn--ghost"
      data-testid="history.branch"
      onClick={() => setOpen(true)}
    >
      <GitBranch size={14} /> Branch from this moment…
    </button>
  );
}
