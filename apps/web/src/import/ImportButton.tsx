/**
 * The map list's "Import" button. The panel (and the preview code) loads only when opened,
 * so the map list's initial bundle stays small.
 */
import { FileUp } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import "./import.css";

const ImportPanel = lazy(() => import("./ImportPanel.tsx"));

export function ImportButton() {
  const [open, setOpen] = useState(false);
  return (
    <div className="import-row">
      {!open && (
        <button
          type="button"
          className="btn"
          data-testid="maps.import"
          onClick={() => setOpen(true)}
        >
          <FileUp size={14} /> Import…
        </button>
      )}
      {open && (
        <Suspense fallback={<p className="page-lede">Loading…</p>}>
          <ImportPanel onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
