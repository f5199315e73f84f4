import { lazy, type ReactNode, Suspense } from "react";
import { AppHeader } from "./account/AppHeader.tsx";
import { MapListPage } from "./maps/MapListPage.tsx";
import { type Route, useRoute } from "./router.ts";

// The board (dnd-kit, d3, Yjs and the provider) loads only when a map is opened.
const BoardPage = lazy(() => import("./board/BoardPage.tsx"));
// The history view (replay, versions, restore) loads only when asked for.
const HistoryPage = lazy(() => import("./history/HistoryPage.tsx"));
// A branch beside its original, and merging back (issue 17).
const ComparePage = lazy(() => import("./branches/ComparePage.tsx"));
// Presentation mode: its own chunk, opened from the board.
const PresentPage = lazy(() => import("./present/PresentPage.tsx"));
// The contributor form (no board, no provider): a small chunk of its own.
const ContributePage = lazy(() => import("./talk/contribute/ContributePage.tsx"));
// Signing in and the admin page: chunks of their own, away from the map list's first load.
const AccountEntryPage = lazy(() => import("./account/AccountEntryPage.tsx"));
const ForgotPasswordPage = lazy(() => import("./account/ForgotPasswordPage.tsx"));
const ResetPasswordPage = lazy(() => import("./account/ResetPasswordPage.tsx"));
const InvitationPage = lazy(() => import("./account/InvitationPage.tsx"));
const AdminPage = lazy(() => import("./admin/AdminPage.tsx"));
// The journey library across a workspace's maps (issue 19).
const LibraryPage = lazy(() => import("./library/LibraryPage.tsx"));

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<p className="page page-lede">Loading…</p>}>{children}</Suspense>;
}

/** A page of the app's own (not a map): the header with the account, then the page. */
function AppPage({ children }: { children: ReactNode }) {
  return (
    <>
      <AppHeader />
      <main>
        <Loading>{children}</Loading>
      </main>
    </>
  );
}

/** The pages of one map: each is mounted afresh (key) when another map is opened. */
const MAP_PAGES = {
  board: BoardPage,
  history: HistoryPage,
  compare: ComparePage,
  present: PresentPage,
  contribute: ContributePage,
} as const;

type StandalonePage = Exclude<Route, { readonly page: "maps" | "admin" | "library" | "notFound" }>;

export function App() {
  const route = useRoute();
  switch (route.page) {
    case "maps":
      return (
        <AppPage>
          <MapListPage />
        </AppPage>
      );
    case "admin":
      return (
        <AppPage>
          <AdminPage />
        </AppPage>
      );
    case "library":
      return (
        <AppPage>
          <LibraryPage
            workspaceId={route.workspaceId}
            section={route.section}
            itemId={route.itemId}
          />
        </AppPage>
      );
    case "notFound":
      return (
        <div className="page">
          <h1>Page not found</h1>
          <a href="/">All maps</a>
        </div>
      );
    default:
      return <Loading>{standalonePage(route)}</Loading>;
  }
}

/** A page without the app's header (signing in, a map's pages), in a chunk of its own. */
function standalonePage(route: StandalonePage): ReactNode {
  switch (route.page) {
    case "sign-in":
    case "sign-up":
      return <AccountEntryPage key={route.page} signUp={route.page === "sign-up"} />;
    case "invitation":
      return <InvitationPage invitationId={route.invitationId} />;
    case "forgot-password":
      return <ForgotPasswordPage />;
    case "reset-password":
      return <ResetPasswordPage />;
    default: {
      const Page = MAP_PAGES[route.page];
      return <Page key={route.mapId} mapId={route.mapId} />;
    }
  }
}
