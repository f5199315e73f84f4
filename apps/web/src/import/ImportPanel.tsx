/**
 * Import a map from a file (Journeymap JSON, CSV of touchpoints, Mermaid journey), or from
 * pasted text. The server previews it first and writes nothing; the preview lists what the
 * map would hold and every problem by row or line. Import creates a new map only when the
 * file has no problem, so a bad file changes nothing. Loaded lazily from the map list.
 */
import { FileUp, LoaderCircle } from "lucide-react";
import { useId, useRef, useState } from "react";
import { ImportPreview } from "./ImportPreview.tsx";
import { IMPORT_ACCEPT, PASTED } from "./importSource.ts";
import { useImport } from "./useImport.ts";

export default function ImportPanel({ onClose }: { onClose: () => void }) {
  const [pasted, setPasted] = useState("");
  const [title, setTitle] = useState("");
  const { request, preview, problem, busy, check, chooseFile, run } = useImport(title);
  const fileInput = useRef<HTMLInputElement>(null);
  const titleId = useId();

  return (
    <section className="import-panel" aria-label="Import a map" data-testid="import.panel">
      <div className="import-head">
        <h2>Import a map</h2>
        <p className="page-lede">
          A Journeymap file (.json), a CSV of touchpoints (columns such as stage, touchpoint,
          channel, user action, thought, emotion, pain point, opportunity) or a Mermaid{" "}
          <code>journey</code> diagram. You see what it holds, and where each column goes, before
          anything is created.
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
          accept={IMPORT_ACCEPT}
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
        <ImportPreview
          preview={preview}
          fileName={request?.fileName}
          title={title}
          busy={busy}
          onImport={run}
        />
      )}
    </section>
  );
}
