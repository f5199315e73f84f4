import { ROLE } from "@journeymap/protocol";
import type { MapSummary, MeWorkspace } from "@journeymap/protocol/http";
import { FolderInput, Map as MapIcon } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { listMaps } from "../api/mapsApi.ts";
import { claimMap } from "../api/workspaceMapsApi.ts";
import { tokenFor } from "../sync/tokens.ts";
import { AppLink } from "../ui/AppLink.tsx";
import { formatDate } from "../ui/formatDate.ts";
import { useAction } from "../ui/useAction.ts";
import { MapFreshnessNote } from "./MapFreshnessNote.tsx";
import { MapThumbnail } from "./MapThumbnail.tsx";
import { onlyOnDevice } from "./onlyOnDevice.ts";

export interface DeviceMapsProps {
  /** Signed in: the workspace "Add to workspace" puts a map in (when the person may). */
  readonly claimTo?: MeWorkspace | null;
  /** Maps the person's server list already shows (not repeated here). */
  readonly listed?: ReadonlySet<string>;
  /** After a map went into a workspace. */
  readonly onClaimed?: () => void;
  /** What an empty list says. */
  readonly empty: string;
}

/**
 * The maps this browser holds links for (made without signing in, or opened by a link), as
 * before accounts. Signed in, an owner link's map can be added to a workspace.
 */
export function DeviceMaps({ claimTo = null, listed, onClaimed, empty }: DeviceMapsProps) {
  const [maps, setMaps] = useState<MapSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const claim = useAction();
  const load = useCallback(() => {
    listMaps().then(setMaps, (e: Error) => setError(e.message));
  }, []);
  useEffect(() => load(), [load]);

  const shown = maps && listed ? onlyOnDevice(maps, listed) : maps;
  const addToWorkspace = async (map: MapSummary, workspace: MeWorkspace) => {
    if (!(await claim.run(() => claimMap(map.id, tokenFor(map.id), workspace.id)))) return;
    load();
    onClaimed?.();
  };

  return (
    <>
      {(error ?? claim.error) && (
        <p className="notice notice--error" role="alert">
          {error ?? claim.error}
        </p>
      )}
      {shown && shown.length === 0 && <div className="empty-state">{empty}</div>}
      {shown && shown.length > 0 && (
        <ul className="map-grid" aria-label="Maps on this device">
          {shown.map((m) => (
            <li key={m.id} className="map-card-item">
              <AppLink
                className="map-card"
                href={`/maps/${m.id}`}
                data-testid="maps.item"
                data-map-id={m.id}
              >
                <MapThumbnail mapId={m.id} updatedAt={m.updatedAt} />
                <div className="map-card-title">
                  <MapIcon size={14} aria-hidden="true" /> {m.title}
                </div>
                <div className="map-card-meta">
                  Updated {formatDate(m.updatedAt)} · {m.role}
                </div>
                <MapFreshnessNote mapId={m.id} updatedAt={m.updatedAt} />
              </AppLink>
              {claimTo && m.role === ROLE.owner && (
                <button
                  type="button"
                  className="btn map-card-claim"
                  data-testid="maps.claim"
                  disabled={claim.busy}
                  title={`Put this map in ${claimTo.name}: its people open it with their accounts; its links keep working`}
                  onClick={() => void addToWorkspace(m, claimTo)}
                >
                  <FolderInput size={14} aria-hidden="true" /> Add to {claimTo.name}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
