import { lazy, Suspense } from "react";
import { MapListPage } from "./maps/MapListPage.tsx";
import { useRoute } from "./router.ts";

// The board (dnd-kit, d3, Yjs and the provider) loads only when a map is opened.
const BoardPage = lazy(() => import("./board/BoardPage.tsx"));
// The history view (replay, versions, restore) loads only when asked for.
const HistoryPage = lazy(() => import("./history/HistoryPage.tsx"));
// Presentation mode: its own chunk, opened from the board.
const PresentPage = lazy(() => import("./present/PresentPage.tsx"));
// The contributor form (no board, no provider): a small chunk of its own.
const ContributePage = lazy(() => import("./talk/contribute/ContributePage.tsx"));

export function App() {
  const route = useRoute();
  switch (route.page) {
    case "maps":
      return (
        <>
          <header className="app-header">
            <a className="brand" href="/">
              <span className="brand-mark" aria-hidden="true">
                ∿
              </span>
              Journeymap
            </a>
          </header>
          <main>
            <MapListPage />
          </main>
        </>
      );
    case "board":
      return (
        <Suspense fallback={<p className="page page-lede">Loading…</p>}>
          <BoardPage key={route.mapId} mapId={route.mapId} />
        </Suspense>
      );
    case "history":
      return (
        <Suspense fallback={<p className="page page-lede">Loading…</p>}>
          <HistoryPage key={route.mapId} mapId={route.mapId} />
        </Suspense>
      );
    case "present":
      return (
        <Suspense fallback={<p className="page page-lede">Loading…</p>}>
          <PresentPage key={route.mapId} mapId={route.mapId} />
        </Suspense>
      );
    case "contribute":
      return (
        <Suspense fallback={<p className="page page-lede">Loading…</p>}>
          <ContributePage key={route.mapId} mapId={route.mapId} />
        </Suspense>
      );
    default:
      return (
        <div className="page">
          <h1>Page not found</h1>
          <a href="/">All maps</a>
        </div>
      );
  }
}
