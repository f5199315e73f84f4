/**
 * CSV import of many contributions: the file is read here (to show its rows), checked by the
 * server in a dry run (the one validator, so the preview's errors are exactly what an import
 * would refuse), shown row by row with each row's errors, then its valid rows imported. Rows
 * with errors or an already used key are skipped, and the panel says which and why.
 */
import { CsvError, csvTable } from "@journeymap/schema";
import { AlertCircle, CheckCircle2, MinusCircle } from "lucide-react";
import { useState } from "react";
import { tokenFor } from "../../sync/tokens.ts";
import type { InboxImportResult } from "@journeymap/protocol/http";
import { importCsv } from "./contribApi.ts";
import { csvSummary, importOutcome, previewRows } from "./csvPreview.ts";
import "../comments/TalkPanel.css";
import "./CsvImport.css";

/** Rows drawn in the preview table; the summary still counts them all. */
const SHOWN_ROWS = 50;

export function CsvImport({ mapId, onDone }: { mapId: string; onDone: () => void }) {
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<InboxImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);

  const load = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    setCsv(text);
    setError(null);
    setPreview(null);
    setOutcome(null);
    try {
      csvTable(text); // the same parse the server does: a broken file is named at once
      setPreview(await importCsv(mapId, tokenFor(mapId), text, true));
    } catch (e) {
      setError(
        e instanceof CsvError ? `This file cannot be read: ${e.message}` : (e as Error).message,
      );
    }
  };
  const run = async () => {
    if (!csv) return;
    setBusy(true);
    try {
      const result = await importCsv(mapId, tokenFor(mapId), csv, false, bad.length > 0);
      // Done at once only when every row went in; otherwise say what was skipped and why.
      if (result.rows.every((r) => r.ok && !r.skipped)) onDone();
      else {
        setPreview(result);
        if (result.imported > 0 || result.rows.some((r) => r.skipped))
          setOutcome(importOutcome(result));
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const rows = csv && preview ? previewRows(csv, preview) : [];
  const bad = rows.filter((r) => !r.ok);
  const summary = csvSummary(rows, preview?.ignoredColumns ?? []);
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
        <p className="field-error" role="alert" data-testid="inbox.csv-error">
          {error}
        </p>
      )}
      {preview && (
        <>
          <p data-testid="inbox.csv-summary" role="status">
            {summary.text}
          </p>
          {outcome && (
            <p className="csv-outcome" role="status" data-testid="inbox.csv-outcome">
              {outcome}
            </p>
          )}
          {rows.length > 0 && (
            <div className="csv-preview-scroll">
              <table className="csv-preview" data-testid="inbox.csv-preview">
                <caption className="visually-hidden">Rows of the file and their errors</caption>
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col">Text</th>
                    <th scope="col">Step</th>
                    <th scope="col">From</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.slice(0, SHOWN_ROWS).map((r) => (
                    <tr
                      key={r.row}
                      className={r.ok ? (r.skipped ? "csv-row--skipped" : "") : "csv-row--bad"}
                      data-testid="inbox.csv-row"
                    >
                      <th scope="row">
                        {r.ok && r.skipped ? (
                          <MinusCircle size={12} aria-label="skipped" />
                        ) : r.ok ? (
                          <CheckCircle2 size={12} aria-label="ready" className="csv-ok" />
                        ) : (
                          <AlertCircle size={12} aria-label="has errors" className="csv-bad" />
                        )}{" "}
                        {r.row}
                      </th>
                      <td>
                        <span className="csv-text">{r.text || "—"}</span>
                        {r.skipped && (
                          <span className="csv-row-skipped" data-testid="inbox.csv-row-skipped">
                            Skipped: {r.skipped}
                          </span>
                        )}
                        {r.errors.map((e) => (
                          <span key={e} className="csv-row-error" data-testid="inbox.csv-row-error">
                            {e}
                          </span>
                        ))}
                      </td>
                      <td>{r.step || "—"}</td>
                      <td>{r.contributor || "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {rows.length > SHOWN_ROWS && (
                <p className="panel-hint">
                  …and {rows.length - SHOWN_ROWS} more rows
                  {bad.length > 0 &&
                    ` (${bad.filter((r) => r.row > SHOWN_ROWS + 1).length} more with errors)`}
                  .
                </p>
              )}
            </div>
          )}
          {outcome ? (
            <button type="button" className="btn" data-testid="inbox.csv-done" onClick={onDone}>
              Done
            </button>
          ) : (
            <button
              type="button"
              className="btn btn--primary"
              data-testid="inbox.csv-import"
              disabled={summary.ready === 0 || busy}
              onClick={run}
            >
              {summary.button}
            </button>
          )}
        </>
      )}
    </section>
  );
}
