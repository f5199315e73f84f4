import { LoaderCircle, TriangleAlert } from "lucide-react";
import { ImportTable } from "./ImportTable.tsx";
import { sourceLabel } from "./importSource.ts";
import {
  issueText,
  KIND_LABELS,
  type PreviewResponse,
  summarize,
  verdict,
} from "./importSummary.ts";

/** The server's preview: a verdict, every problem by row or line, what the map would hold. */
export function ImportPreview({
  preview,
  fileName,
  title,
  busy,
  onImport,
}: {
  preview: PreviewResponse;
  fileName: string | undefined;
  /** The title typed in, which wins over the file's own. */
  title: string;
  busy: "preview" | "import" | null;
  onImport: () => void;
}) {
  const summary = preview.snapshot ? summarize(preview.snapshot) : null;
  const errors = preview.errors;
  return (
    <div className="import-preview" data-testid="import.preview">
      <p
        className={`notice ${errors.length > 0 ? "notice--error" : "import-ok"}`}
        role={errors.length > 0 ? "alert" : "status"}
        data-testid="import.verdict"
      >
        <strong>{sourceLabel(fileName)}</strong> · {KIND_LABELS[preview.kind]}. {verdict(preview)}
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
        <p key={note} className="import-note" data-testid="import.note">
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
          <ImportTable summary={summary} partial={errors.length > 0} />
        </>
      )}
      <div className="import-actions">
        <button
          type="button"
          className="btn btn--primary"
          data-testid="import.confirm"
          disabled={!preview.importable || busy !== null}
          onClick={onImport}
        >
          {busy === "import" ? <LoaderCircle size={14} className="spin" /> : null} Import as a new
          map
        </button>
      </div>
    </div>
  );
}
