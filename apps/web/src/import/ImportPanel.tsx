/**
 * Import a map from a file (Journeymap JSON, CSV of touchpoints, Mermaid journey), or from
 * pasted text. The server previews it first and writes nothing; the preview lists what the
 * map would hold and every problem by row or line. Import creates a new map only when the
 * file has no problem, so a bad file changes nothing. Loaded lazily from the map list.
 */
import { FileUp, LoaderCircle, TriangleAlert } from "lucide-react";
import { useId, useRef, useState } from "react";
import { navigate } from "../router.ts";
import { ApiError } from "../api/apiClient.ts";
import { fetchPreview, type ImportRequest, importMap } from "./importApi.ts";
import {
  issueText,
  KIND_LABELS,
  MAX_IMPORT_BYTES,
  type PreviewResponse,
  summarize,
  verdict,
} from "./importSummary.ts";

const ACCEPT = ".json,.csv,.tsv,.mmd,.mermaid,.txt,application/json,text/csv,text/plain";
const PASTED = "pasted.txt";

export default function ImportPanel({ onClose }: { onClose: () => void }) {
  const [request, setRequest] = useState<ImportRequest | null>(null);
  const [preview, setPreview] = useState<PreviewResponse | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<"preview" | "import" | null>(null);
  const [pasted, setPasted] = useState("");
  const [title, setTitle] = useState("");
  const fileInput = useRef<HTMLInputElement>(null);
  const titleId = useId();

  const check = async (next: ImportRequest) => {
    setRequest(next);
    setPreview(null);
    setProblem(null);
    setBusy("preview");
    try {
      setPreview(await fetchPreview(next));
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setRequest(null);
      setPreview(null);
      setProblem(
        `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB can be imported.`,
      );
      return;
    }
    await check({ text: await file.text(), fileName: file.name, title });
  };

  const run = async () => {
    if (!request || !preview?.importable) return;
    setBusy("import");
    setProblem(null);
    try {
      const map = await importMap({ ...request, title });
      navigate(`/maps/${map.id}`);
    } catch (e) {
      setProblem((e as Error).message);
      if (e instanceof ApiError && e.issues.length > 0) {
        setPreview({ ...preview, errors: e.issues, importable: false });
      }
      setBusy(null);
    }
  };

  const summary = preview?.snapshot ? summarize(preview.snapshot) : null;
  const errors = preview?.errors ?? [];

  return (
    <section className="import-panel" aria-label="Import a map" data-testid="import.panel">
      <div className="import-head">
        <h2>Import a map</h2>
        <p className="page-lede">
          A Journeymap file (.json), a CSV of touchpoints (columns: phase, touchpoint, channel,
          action, emotion score, pain point) or a Mermaid <code>journey</code> diagram. You see what
          it holds before anything is created.
        </p>
      </div>
      <div className="import-inputs">
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => fileInput.current?.click()}
          disabled={busy !== null}
        >
          <FileUp size={14} /> Choose a file…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept={ACCEPT}
          hidden
          data-testid="import.file"
          onChange={(e) => {
            void chooseFile(e.target.files?.[0]);
            e.target.value = ""; // choosing the same (fixed) file again re-checks it
          }}
        />
        <label htmlFor={titleId}>Title</label>
        <input
          id={titleId}
          data-testid="import.title"
          placeholder="From the file (CSV: Imported journey)"
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <button type="button" className="btn btn--ghost" onClick={onClose}>
          Cancel
        </button>
      </div>
      <details className="import-paste">
        <summary>Or paste text (Mermaid, CSV or JSON)</summary>
        <textarea
          aria-label="Text to import"
          data-testid="import.text"
          rows={8}
          value={pasted}
          placeholder={
            "journey\n  title Buying shoes\n  section Choose\n    Compare sizes: 2: Jamal"
          }
          onChange={(e) => setPasted(e.target.value)}
        />
        <button
          type="button"
          className="btn"
          data-testid="import.check-text"
          disabled={pasted.trim() === "" || busy !== null}
          onClick={() => check({ text: pasted, fileName: PASTED, title })}
        >
          Preview
        </button>
      </details>

      {busy === "preview" && (
        <p className="page-lede" aria-busy="true">
          <LoaderCircle size={14} className="spin" /> Reading {request?.fileName}…
        </p>
      )}
      {problem && (
        <p className="notice notice--error" role="alert" data-testid="import.problem">
          {problem}
        </p>
      )}
      {preview && (
        <div className="import-preview" data-testid="import.preview">
          <p
            className={`notice ${errors.length > 0 ? "notice--error" : "import-ok"}`}
            role={errors.length > 0 ? "alert" : "status"}
            data-testid="import.verdict"
          >
            <strong>{request?.fileName === PASTED ? "Pasted text" : request?.fileName}</strong> ·{" "}
            {KIND_LABELS[preview.kind]}. {verdict(preview)}
          </p>
          {errors.length > 0 && (
            <ul className="import-errors" data-testid="import.errors">
              {errors.map((issue, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity; the list is replaced whole
                <li key={i}>
                  <TriangleAlert size={14} aria-hidden="true" /> {issueText(issue)}
                </li>
              ))}
            </ul>
          )}
          {preview.notes.map((note) => (
            <p key={note} className="import-note">
              {note}
            </p>
          ))}
          {summary && (
            <>
              <h3 className="import-title" data-testid="import.map-title">
                {title.trim() || summary.title}
              </h3>
              {summary.personas.length > 0 && (
                <p className="import-note">Personas: {summary.personas.join(", ")}</p>
              )}
              <table className="import-table" data-testid="import.table">
                <caption className="visually-hidden">
                  {errors.length > 0 ? "The rows that could be read" : "What the map will hold"}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Step</th>
                    <th scope="col">Channel</th>
                    <th scope="col">Emotion</th>
                    <th scope="col">Pain points</th>
                  </tr>
                </thead>
                {summary.phases.map((phase) => (
                  <tbody key={phase.id}>
                    <tr className="import-phase">
                      <th
                        colSpan={4}
                        scope="colgroup"
                        style={{ borderLeftColor: phase.colour }}
                        data-testid="import.phase"
                      >
                        {phase.name}
                      </th>
                    </tr>
                    {phase.steps.map((step) => (
                      <tr key={step.id} data-testid="import.step">
                        <td>{step.name}</td>
                        <td>{step.channel}</td>
                        <td>{step.emotions || "—"}</td>
                        <td>{step.painPoints || "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                ))}
              </table>
            </>
          )}
          <div className="import-actions">
            <button
              type="button"
              className="btn btn--primary"
              data-testid="import.confirm"
              disabled={!preview.importable || busy !== null}
              onClick={run}
            >
              {busy === "import" ? <LoaderCircle size={14} className="spin" /> : null} Import as a
              new map
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
