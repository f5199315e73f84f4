/**
 * "New end-to-end map" (issue 19): a title and the maps to chain, in the order they are
 * chosen; each becomes one step whose sub-journey it is. Opens the new map when made.
 */
import { MAX_END_TO_END_MAPS, MAX_MAP_TITLE } from "@journeymap/protocol/http";
import { type FormEvent, useState } from "react";
import { createEndToEndMap } from "../../hierarchy/hierarchyApi.ts";
import { navigate } from "../../router.ts";

export interface EndToEndFormProps {
  readonly workspaceId: string;
  readonly maps: readonly { readonly id: string; readonly title: string }[];
  readonly onCancel: () => void;
}

export function EndToEndForm({ workspaceId, maps, onCancel }: EndToEndFormProps) {
  const [title, setTitle] = useState("End-to-end journey");
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titles = new Map(maps.map((m) => [m.id, m.title || "Untitled map"]));
  const sorted = [...maps].sort((a, b) => a.title.localeCompare(b.title));
  const toggle = (id: string) =>
    setChosen((now) => (now.includes(id) ? now.filter((c) => c !== id) : [...now, id]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    createEndToEndMap(workspaceId, { title: title.trim(), mapIds: [...chosen] }).then(
      (created) => navigate(`/maps/${encodeURIComponent(created.id)}`),
      (e: Error) => {
        setBusy(false);
        setError(e.message);
      },
    );
  };
  return (
    <form className="dashboard-e2e" onSubmit={submit} data-testid="dashboard.e2e-form">
      <label className="dashboard-e2e-title">
        <span>Title</span>
        <input
          value={title}
          maxLength={MAX_MAP_TITLE}
          required
          data-testid="dashboard.e2e-title"
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <fieldset>
        <legend>Maps, in the order of the journey (each becomes a step)</legend>
        <ul className="dashboard-e2e-maps">
          {sorted.map((m) => {
            const at = chosen.indexOf(m.id);
            return (
              <li key={m.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={at >= 0}
                    disabled={at < 0 && chosen.length >= MAX_END_TO_END_MAPS}
                    onChange={() => toggle(m.id)}
                  />
                  <span className="dashboard-e2e-order" aria-hidden="true">
                    {at >= 0 ? at + 1 : ""}
                  </span>
                  {m.title || "Untitled map"}
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      {chosen.length > 0 && (
        <p className="dashboard-muted" data-testid="dashboard.e2e-order">
          {chosen.map((id) => titles.get(id)).join(" → ")}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dashboard-e2e-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="submit"
          className="btn btn--primary"
          disabled={busy || chosen.length === 0 || title.trim() === ""}
          data-testid="dashboard.e2e-create"
        >
          Create the end-to-end map
        </button>
      </div>
    </form>
  );
}
