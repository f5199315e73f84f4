/**
 * The way back from a sub-journey (issue 19): opened from a step of another map
 * (`/maps/<sub>?from=<parent>`), the board names that map and links back to it. Shown only
 * when the person may read the parent and it does lead here (a step of it links this map).
 */
import { ArrowLeft } from "lucide-react";
import { useEffect, useState } from "react";
import { useJourneyMap } from "../sync/useJourneyMap.ts";
import { AppLink } from "../ui/AppLink.tsx";
import { listSubJourneys } from "./hierarchyApi.ts";
import { parentMapIdOf } from "./subMapLink.ts";

export function ParentBreadcrumb({ mapId }: { mapId: string }) {
  const [parentId] = useState(() => parentMapIdOf(window.location.search));
  const [parentTitle, setParentTitle] = useState<string | null>(null);
  const title = useJourneyMap((m) => m.meta.title);
  useEffect(() => {
    if (!parentId || parentId === mapId) return;
    let live = true;
    listSubJourneys(parentId).then(
      (list) => {
        if (live && list.subJourneys.some((s) => s.subMapId === mapId)) setParentTitle(list.title);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [parentId, mapId]);
  if (!parentId || parentTitle === null) return null;
  return (
    <nav className="sub-journey-crumbs" aria-label="Breadcrumb" data-testid="board.parent-crumbs">
      <AppLink href={`/maps/${encodeURIComponent(parentId)}`} data-testid="board.parent-link">
        <ArrowLeft size={14} aria-hidden="true" />
        {parentTitle || "Untitled map"}
      </AppLink>
      <span aria-hidden="true">/</span>
      <span aria-current="page">{title}</span>
    </nav>
  );
}
