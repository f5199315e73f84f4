/**
 * "Link a sub-journey…" (issue 19): choose one of the maps of this map's workspace, or paste a
 * map's link, and the step stands for that map. A modal dialog; Escape or Cancel closes it.
 */
import type { WorkspaceMap } from "@journeymap/protocol/http";
import { X } from "lucide-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { listWorkspaceMaps } from "../api/workspaceMapsApi.ts";
import { mapIdOfLink } from "./subMapLink.ts";

export interface LinkSubJourneyDialogProps {
  readonly mapId: string;
  readonly stepName: string;
  readonly onLink: (subMapId: string) => void;
  readonly onClose: () => void;
}

/** The other maps of this map's workspace, or null when the list is not ours to see. */
function useSiblingMaps(mapId: string): readonly WorkspaceMap[] | null {
  const [maps, setMaps] = useState<readonly WorkspaceMap[] | null>(null);
  useEffect(() => {
    let live = true;
    listWorkspaceMaps({ q: "", sort: "updated", trash: false, workspaceId: null }).then(
      (all) => {
        const here = all.find((m) => m.id === mapId)?.workspaceId ?? null;
        if (live)
          setMaps(here ? all.filter((m) => m.workspaceId === here && m.id !== mapId) : null);
      },
      // Not signed in (a map opened by a link): pasting a link still works.
      () => live && setMaps(null),
    );
    return () => {
      live = false;
    };
  }, [mapId]);
  return maps;
}

export function LinkSubJourneyDialog({
  mapId,
  stepName,
  onLink,
  onClose,
}: LinkSubJourneyDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const maps = useSiblingMaps(mapId);
  const [filter, setFilter] = useState("");
  const [pasted, setPasted] = useState("");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const node = dialog.current;
    if (node && !node.open) node.showModal();
  }, []);
  const shown = (maps ?? []).filter((m) => m.title.toLowerCase().includes(filter.toLowerCase()));
  const link = (id: string) => {
    if (id === mapId) return setError("A map cannot be its own sub-journey.");
    onLink(id);
    onClose();
  };
  const submitPasted = (event: FormEvent) => {
    event.preventDefault();
    const id = mapIdOfLink(pasted);
    if (id === null) setError("That is not a map's link (it looks like …/maps/<id>).");
    else link(id);
  };
  return (
    <dialog
      ref={dialog}
      className="dialog sub-journey-dialog"
      aria-labelledby="sub-journey-dialog-title"
      data-testid="sub-journey.dialog"
      onClose={onClose}
    >
      <div className="dialog-head">
        <h2 id="sub-journey-dialog-title">Link a sub-journey to “{stepName}”</h2>
        <button type="button" className="icon-btn" aria-label="Close" onClick={onClose}>
          <X size={16} />
        </button>
      </div>
      <div className="sub-journey-dialog-body">
        {maps !== null && (
          <>
            <input
              type="search"
              className="sub-journey-filter"
              aria-label="Find a map of this workspace"
              placeholder="Find a map of this workspace"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
            <ul className="sub-journey-maps" aria-label="Maps of this workspace">
              {shown.map((m) => (
                <li key={m.id}>
                  <button
                    type="button"
                    className="sub-journey-map"
                    data-testid="sub-journey.map"
                    onClick={() => link(m.id)}
                  >
                    {m.title || "Untitled map"}
                  </button>
                </li>
              ))}
              {shown.length === 0 && <li className="panel-note">No other map matches.</li>}
            </ul>
          </>
        )}
        <form className="sub-journey-paste" onSubmit={submitPasted}>
          <label htmlFor="sub-journey-link">
            {maps === null ? "A map's link" : "Or paste a map's link"}
          </label>
          <div className="sub-journey-paste-row">
            <input
              id="sub-journey-link"
              value={pasted}
              placeholder="https://…/maps/…"
              data-testid="sub-journey.link-input"
              onChange={(e) => {
                setPasted(e.target.value);
                setError(null);
              }}
            />
            <button type="submit" className="btn btn--primary" disabled={pasted.trim() === ""}>
              Link
            </button>
          </div>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </form>
      </div>
    </dialog>
  );
}
