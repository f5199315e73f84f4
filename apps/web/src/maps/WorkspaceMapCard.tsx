import type { MeWorkspace, WorkspaceMap } from "@journeymap/protocol/http";
import { Map as MapIcon, RotateCcw } from "lucide-react";
import { restoreMap } from "../api/workspaceMapsApi.ts";
import { AppLink } from "../ui/AppLink.tsx";
import { MapActions } from "./MapActions.tsx";
import { MapFreshnessNote } from "./MapFreshnessNote.tsx";
import { MapThumbnail } from "./MapThumbnail.tsx";
import { lastEditNote, trashNote } from "./mapListModel.ts";

export interface WorkspaceMapCardProps {
  readonly map: WorkspaceMap;
  readonly now: number;
  readonly moveTargets: readonly MeWorkspace[];
  readonly onAction: (change: () => Promise<unknown>) => void;
}

/** A map of the person's list: open it, or (in the trash) restore it. */
export function WorkspaceMapCard({ map, now, moveTargets, onAction }: WorkspaceMapCardProps) {
  const trashed = map.deletedAt !== null;
  const title = (
    <div className="map-card-title">
      <MapIcon size={14} aria-hidden="true" /> {map.title}
    </div>
  );
  return (
    <li className="map-card-item">
      {trashed ? (
        <div className="map-card map-card--trashed" data-testid="maps.item" data-map-id={map.id}>
          {title}
          <div className="map-card-meta">{trashNote(map.deletedAt ?? now, now)}</div>
        </div>
      ) : (
        <AppLink
          className="map-card"
          href={`/maps/${map.id}`}
          data-testid="maps.item"
          data-map-id={map.id}
        >
          <MapThumbnail mapId={map.id} updatedAt={map.updatedAt} />
          {title}
          <div className="map-card-meta">{lastEditNote(map, now)}</div>
          <div className="map-card-meta">Your role: {map.role}</div>
          <MapFreshnessNote mapId={map.id} updatedAt={map.updatedAt} />
        </AppLink>
      )}
      {trashed ? (
        <button
          type="button"
          className="btn map-card-claim"
          data-testid="maps.restore"
          onClick={() => onAction(() => restoreMap(map.id))}
        >
          <RotateCcw size={14} aria-hidden="true" /> Restore
        </button>
      ) : (
        <MapActions map={map} moveTargets={moveTargets} onAction={onAction} />
      )}
    </li>
  );
}
