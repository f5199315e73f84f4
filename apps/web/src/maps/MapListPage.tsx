import { Map as MapIcon, Plus } from "lucide-react";
import { type FormEvent, useEffect, useState } from "react";
import type { MapSummary, TemplateSummary } from "@journeymap/protocol/http";
import { createMap, listMaps, listTemplates } from "../api/mapsApi.ts";
import { ImportButton } from "../import/ImportButton.tsx";
import { navigate } from "../router.ts";
import { displayName, setDisplayName } from "../sync/tokens.ts";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** All maps on this server, and a form to start a new one from a template. */
export function MapListPage() {
  const [maps, setMaps] = useState<MapSummary[] | null>(null);
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [title, setTitle] = useState("");
  const [template, setTemplate] = useState("default");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState(displayName());

  useEffect(() => {
    listMaps().then(setMaps, (e: Error) => setError(e.message));
    listTemplates().then(setTemplates, () => setTemplates([]));
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const map = await createMap({ template, ...(title.trim() ? { title: title.trim() } : {}) });
      navigate(`/maps/${map.id}`);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <h1>Journey maps</h1>
      <p className="page-lede">
        Map how customers move through your product, together and in real time.
      </p>
      <div className="new-map" style={{ marginBottom: "var(--space-3)" }}>
        <label>
          Your name, as others see it{" "}
          <input
            aria-label="Your name"
            value={name}
            placeholder="Guest"
            maxLength={40}
            onChange={(e) => {
              setName(e.target.value);
              setDisplayName(e.target.value);
            }}
          />
        </label>
      </div>
      <form className="new-map" onSubmit={submit} aria-label="New map">
        <input
          aria-label="Title of the new map"
          placeholder="Title (optional)"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <select
          aria-label="Template"
          value={template}
          onChange={(e) => setTemplate(e.target.value)}
        >
          {templates.map((t) => (
            <option key={t.id} value={t.id} title={t.summary}>
              {t.name}
            </option>
          ))}
        </select>
        <button type="submit" className="btn btn--primary" data-testid="maps.new" disabled={busy}>
          <Plus size={14} /> New map
        </button>
      </form>
      <ImportButton />
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {maps && maps.length === 0 && (
        <div className="empty-state">No maps yet. Create the first one above.</div>
      )}
      {maps && maps.length > 0 && (
        <ul className="map-grid">
          {maps.map((m) => (
            <li key={m.id}>
              <a
                className="map-card"
                href={`/maps/${m.id}`}
                data-testid="maps.item"
                data-map-id={m.id}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(`/maps/${m.id}`);
                }}
              >
                <div className="map-card-title">
                  <MapIcon size={14} aria-hidden="true" /> {m.title}
                </div>
                <div className="map-card-meta">
                  Updated {dateFormat.format(m.updatedAt)} · {m.role}
                </div>
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
