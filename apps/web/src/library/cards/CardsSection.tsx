/**
 * Pain points and opportunities across the workspace's maps (issue 19), in two views: the
 * filterable table of every card of every map I can open (exported as CSV or JSON), and the
 * value/effort matrix of the library's opportunities, live for everyone watching it. The
 * server answers only maps the person may open; nothing here filters for access.
 */
import { Grid2x2, Table2 } from "lucide-react";
import { useState } from "react";
import type { LibrarySectionProps } from "../LibraryPage.tsx";
import { CardTable } from "./CardTable.tsx";
import { OpportunityMatrix } from "./OpportunityMatrix.tsx";
import "./cards.css";

type View = "table" | "matrix";

/** The view kept in the address (`?view=matrix`), so reload and a shared link open it. */
function initialView(): View {
  return new URLSearchParams(window.location.search).get("view") === "matrix" ? "matrix" : "table";
}

function keepView(view: View): void {
  const url = new URL(window.location.href);
  if (view === "table") url.searchParams.delete("view");
  else url.searchParams.set("view", view);
  window.history.replaceState(window.history.state, "", url);
}

export default function CardsSection({ workspaceId }: LibrarySectionProps) {
  const [view, setView] = useState<View>(initialView);
  const show = (next: View) => {
    setView(next);
    keepView(next);
  };
  return (
    <section className="cards-section" aria-label="Pain points and opportunities">
      {/* biome-ignore lint/a11y/useSemanticElements: two views of one section */}
      <div className="segmented cards-views" role="group" aria-label="View">
        <button
          type="button"
          aria-pressed={view === "table"}
          onClick={() => show("table")}
          data-testid="cards.view.table"
        >
          <Table2 size={14} aria-hidden="true" /> All cards
        </button>
        <button
          type="button"
          aria-pressed={view === "matrix"}
          onClick={() => show("matrix")}
          data-testid="cards.view.matrix"
        >
          <Grid2x2 size={14} aria-hidden="true" /> Value / effort
        </button>
      </div>
      {view === "table" ? (
        <CardTable workspaceId={workspaceId} />
      ) : (
        <OpportunityMatrix workspaceId={workspaceId} />
      )}
    </section>
  );
}
