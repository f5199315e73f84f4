/** CSV import of many contributions: preview with per-row errors, then import all or none. */
import { useState } from "react";
import { tokenFor } from "../sync/tokens.ts";
import { type ImportResult, importCsv } from "./contribApi.ts";

export function CsvImport({ mapId, onDone }: { mapId: string; onDone: () => void }) {
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    setCsv(text);
    setError(null);
    setPreview(null);
    try {
      setPreview(await importCsv(mapId, tokenFor(mapId), text, true));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const run = async () => {
    if (!csv) return;
    setBusy(true);
    try {
      const result = await importCsv(mapId, tokenFor(mapId), csv, false);
      if (result.rows.every((r) => r.ok)) onDone();
      else setPreview(result);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const bad = preview?.rows.filter((r) => !r.ok) ?? [];
  return (
    <section className="csv-import" aria-label="Import CSV">
      <p className="panel-hint">
        Columns: <code>text</code>, <code>kind</code>, <code>source</code>, <code>url</code>,{" "}
        <code>touchpoint</code> (step name or id), <code>sentiment</code> (−3…+3),{" "}
        <code>contributor</code>, <code>team</code>, <code>key</code> (skips rows already imported).
      </p>
      <input
        type="file"
        accept=".csv,text/csv"
        aria-label="CSV file"
        data-testid="inbox.csv"
        onChange={(e) => load(e.target.files?.[0])}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {preview && (
        <>
          <p data-testid="inbox.csv-summary">
            {preview.rows.length} rows · {preview.rows.length - bad.length} ready
            {bad.length > 0 &&
              ` · ${bad.length} with errors (fix them; nothing is imported until all rows are valid)`}
            {preview.ignoredColumns.length > 0 &&
              ` · ignored columns: ${preview.ignoredColumns.join(", ")}`}
          </p>
          {bad.length > 0 && (
            <ul className="csv-errors">
              {bad.map((r) => (
                <li key={r.row}>
                  Row {r.row}: {r.errors.join("; ")}
                </li>
              ))}
            </ul>
          )}
          <button
            type="button"
            className="btn btn--primary"
            disabled={bad.length > 0 || busy || preview.rows.length === 0}
            onClick={run}
          >
            Import {preview.rows.length} rows
          </button>
        </>
      )}
    </section>
  );
}
