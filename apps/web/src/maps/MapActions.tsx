import type { MeWorkspace, WorkspaceMap } from "@journeymap/protocol/http";
import { Copy, FolderInput, MoreHorizontal, Trash2 } from "lucide-react";
import { duplicateMap, moveMap, trashMap } from "../api/workspaceMapsApi.ts";
import { usePopover } from "../ui/usePopover.ts";
import { mayManage } from "./mapListModel.ts";

export interface MapActionsProps {
  readonly map: WorkspaceMap;
  /** Where the map may be moved: the person's other workspaces they can add maps to. */
  readonly moveTargets: readonly MeWorkspace[];
  /** Runs a change (the list shows its failure and reloads after it). */
  readonly onAction: (change: () => Promise<unknown>) => void;
}

/** A card's menu: duplicate, move to another workspace, move to the trash. */
export function MapActions({ map, moveTargets, onAction }: MapActionsProps) {
  const { open, setOpen, ref } = usePopover<HTMLDivElement>();
  const act = (change: () => Promise<unknown>) => {
    setOpen(false);
    onAction(change);
  };
  const manage = mayManage(map);

  return (
    <div className="map-card-actions" ref={ref}>
      <button
        type="button"
        className="icon-btn"
        aria-label={`Actions for ${map.title}`}
        aria-expanded={open}
        data-testid="maps.actions"
        onClick={() => setOpen(!open)}
      >
        <MoreHorizontal size={16} />
      </button>
      {open && (
        <div className="popover-panel menu-panel" role="menu">
          <button type="button" role="menuitem" onClick={() => act(() => duplicateMap(map.id))}>
            <Copy size={14} aria-hidden="true" /> Duplicate
          </button>
          {manage &&
            moveTargets
              .filter((w) => w.id !== map.workspaceId)
              .map((w) => (
                <button
                  key={w.id}
                  type="button"
                  role="menuitem"
                  onClick={() => act(() => moveMap(map.id, w.id))}
                >
                  <FolderInput size={14} aria-hidden="true" /> Move to {w.name}
                </button>
              ))}
          {manage && (
            <button
              type="button"
              role="menuitem"
              className="menu-danger"
              data-testid="maps.trash"
              onClick={() => act(() => trashMap(map.id))}
            >
              <Trash2 size={14} aria-hidden="true" /> Move to trash
            </button>
          )}
        </div>
      )}
    </div>
  );
}
