/**
 * One library opportunity: its title (renaming it renames every linked card, live), status,
 * place on the matrix, the cards standing for it in my maps (each unlinkable: the card stays
 * in its map), and linking it to a step of another map (a new linked card there).
 */
import type { LibraryOpportunity, Outline, WorkspaceMap } from "@journeymap/protocol/http";
import { type CardStatus, entityKey } from "@journeymap/schema";
import { Link2, Link2Off, X } from "lucide-react";
import { useEffect, useState } from "react";
import {
  linkLibraryOpportunity,
  mapOutline,
  unlinkLibraryOpportunity,
  updateLibraryOpportunity,
} from "../../api/libraryCardsApi.ts";
import { listWorkspaceMaps } from "../../api/workspaceMapsApi.ts";
import { AppLink } from "../../ui/AppLink.tsx";
import { FormError } from "../../ui/FormError.tsx";
import { useAction } from "../../ui/useAction.ts";
import { StatusOptions } from "./StatusOptions.tsx";
import { QUADRANTS, quadrantOf } from "./matrixGeometry.ts";
import { focusPath } from "../../board/focusPath.ts";

interface Props {
  readonly workspaceId: string;
  readonly opportunity: LibraryOpportunity;
  readonly mayEdit: boolean;
  readonly onChanged: () => void;
  readonly onClose: () => void;
}

const EDITABLE = new Set(["owner", "editor"]);

/** Picks a step of a map I may edit, for a new linked card there. */
function LinkToStep({ workspaceId, opportunity, onChanged }: Omit<Props, "mayEdit" | "onClose">) {
  const [maps, setMaps] = useState<readonly WorkspaceMap[]>([]);
  const [mapId, setMapId] = useState("");
  const [outline, setOutline] = useState<Outline | null>(null);
  const [stepId, setStepId] = useState("");
  const linking = useAction();

  useEffect(() => {
    let current = true;
    listWorkspaceMaps({ q: "", sort: "title", trash: false, workspaceId }).then(
      (list) => current && setMaps(list.filter((m) => EDITABLE.has(m.role))),
      () => current && setMaps([]),
    );
    return () => {
      current = false;
    };
  }, [workspaceId]);

  useEffect(() => {
    setOutline(null);
    setStepId("");
    if (!mapId) return;
    let current = true;
    mapOutline(mapId).then(
      (answer) => current && setOutline(answer),
      () => current && setOutline(null),
    );
    return () => {
      current = false;
    };
  }, [mapId]);

  return (
    <form
      className="opportunity-link-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!mapId || !stepId) return;
        void linking.run(async () => {
          await linkLibraryOpportunity(workspaceId, opportunity.id, { mapId, stepId });
          setStepId("");
          onChanged();
        });
      }}
    >
      <h3>Link to a step</h3>
      <label>
        <span>Map</span>
        <select
          value={mapId}
          onChange={(e) => setMapId(e.target.value)}
          data-testid="opportunity.link-map"
        >
          <option value="">Choose a map…</option>
          {maps.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Step</span>
        <select
          value={stepId}
          disabled={!outline}
          onChange={(e) => setStepId(e.target.value)}
          data-testid="opportunity.link-step"
        >
          <option value="">{mapId && !outline ? "Loading…" : "Choose a step…"}</option>
          {outline?.phases.map((phase) => (
            <optgroup key={phase.id} label={phase.name || "Unassigned"}>
              {phase.touchpoints.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name || "Untitled step"}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <button
        type="submit"
        className="btn btn--primary"
        disabled={!stepId || linking.busy}
        data-testid="opportunity.link"
      >
        <Link2 size={14} aria-hidden="true" /> Link
      </button>
      <FormError error={linking.error} />
    </form>
  );
}

export function OpportunityDetails({
  workspaceId,
  opportunity,
  mayEdit,
  onChanged,
  onClose,
}: Props) {
  const [title, setTitle] = useState(opportunity.title);
  const saving = useAction();
  const save = (body: Parameters<typeof updateLibraryOpportunity>[2]) =>
    void saving.run(async () => {
      await updateLibraryOpportunity(workspaceId, opportunity.id, body);
      onChanged();
    });
  const placed =
    opportunity.value !== null && opportunity.effort !== null
      ? { value: opportunity.value, effort: opportunity.effort }
      : null;

  return (
    <aside
      className="opportunity-details"
      aria-label={`Opportunity: ${opportunity.title}`}
      data-testid="opportunity.details"
    >
      <header className="opportunity-details-head">
        <h2>{opportunity.title}</h2>
        <button type="button" className="icon-btn" aria-label="Close" onClick={onClose}>
          <X size={16} />
        </button>
      </header>
      <p className="meta-line">
        {placed
          ? `Value ${placed.value} · Effort ${placed.effort} — ${QUADRANTS.find((q) => q.id === quadrantOf(placed))?.label}`
          : "Not placed on the matrix yet"}
        {opportunity.updatedBy && ` · last moved or edited by ${opportunity.updatedBy}`}
      </p>
      {mayEdit && (
        <form
          className="opportunity-rename"
          onSubmit={(e) => {
            e.preventDefault();
            if (title.trim() && title.trim() !== opportunity.title) save({ title: title.trim() });
          }}
        >
          <label>
            <span>Title (every linked card follows it)</span>
            <input
              value={title}
              maxLength={200}
              onChange={(e) => setTitle(e.target.value)}
              data-testid="opportunity.title"
            />
          </label>
          <button type="submit" className="btn" disabled={saving.busy || !title.trim()}>
            Rename
          </button>
        </form>
      )}
      <label className="opportunity-status">
        <span>Status</span>
        <select
          value={opportunity.status}
          disabled={!mayEdit || saving.busy}
          onChange={(e) => save({ status: e.target.value as CardStatus })}
        >
          <StatusOptions />
        </select>
      </label>
      <FormError error={saving.error} />
      <h3>Linked cards</h3>
      {opportunity.links.length === 0 ? (
        <p className="meta-line">Not linked to a card in a map you can open.</p>
      ) : (
        <ul className="row-list opportunity-links" data-testid="opportunity.links">
          {opportunity.links.map((link) => (
            <li key={`${link.mapId}/${link.cardId}`}>
              <AppLink href={focusPath(link.mapId, entityKey("card", link.cardId))}>
                {link.mapTitle}
              </AppLink>
              <span className="meta-line">{link.stepName || "updating…"}</span>
              {mayEdit && (
                <button
                  type="button"
                  className="icon-btn"
                  aria-label={`Unlink the card in ${link.mapTitle}`}
                  title="Unlink (the card stays in its map)"
                  onClick={() =>
                    void saving.run(async () => {
                      await unlinkLibraryOpportunity(
                        workspaceId,
                        opportunity.id,
                        link.mapId,
                        link.cardId,
                      );
                      onChanged();
                    })
                  }
                >
                  <Link2Off size={14} />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayEdit && (
        <LinkToStep workspaceId={workspaceId} opportunity={opportunity} onChanged={onChanged} />
      )}
    </aside>
  );
}
