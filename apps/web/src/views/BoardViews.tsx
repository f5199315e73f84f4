/**
 * The board page's views: the switcher and the panel holding the board, the table or the
 * insights. It takes the board component with the board's own props (the board page keeps
 * owning those) and renders it for the board view. The two other views load lazily.
 */
import { type ComponentType, lazy, type ReactNode, Suspense } from "react";
import { useView } from "./useView.ts";
import { VIEW_PANEL_ID, ViewSwitcher, viewTabId } from "./ViewSwitcher.tsx";
import "./BoardViews.css";

const TableView = lazy(() =>
  import("./table/TableView.tsx").then((m) => ({ default: m.TableView })),
);
const InsightsView = lazy(() =>
  import("./insights/InsightsView.tsx").then((m) => ({ default: m.InsightsView })),
);

interface ViewProps {
  readonly hiddenPersonas: ReadonlySet<string>;
}

export function BoardViews<P extends ViewProps>({
  board: BoardComponent,
  boardBar,
  ...boardProps
}: P & {
  readonly board: ComponentType<P>;
  /** Shown at the end of the view bar while the board view is open (personas, minimap). */
  readonly boardBar?: ReactNode;
}) {
  const props = boardProps as unknown as P;
  const [view, setView] = useView();
  return (
    <>
      <div className="view-bar">
        <ViewSwitcher view={view} onChange={setView} />
        {view === "board" && boardBar}
      </div>
      <div
        className="view-panel"
        role="tabpanel"
        id={VIEW_PANEL_ID}
        aria-labelledby={viewTabId(view)}
        data-view={view}
      >
        {view === "board" ? (
          <BoardComponent {...props} />
        ) : (
          <Suspense fallback={<p className="page-lede">Loading…</p>}>
            {view === "table" ? (
              <TableView hiddenPersonas={props.hiddenPersonas} />
            ) : (
              <InsightsView />
            )}
          </Suspense>
        )}
      </div>
    </>
  );
}
