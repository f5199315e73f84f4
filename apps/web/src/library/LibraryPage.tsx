import { lazy, type ReactNode, Suspense } from "react";
import { useAccount } from "../account/accountStore.ts";
import { type LibrarySection, libraryPath } from "../router.ts";
import { AppLink } from "../ui/AppLink.tsx";
import "./library.css";

/** Each section in a chunk of its own, so a search does not load the matrix. */
const SECTIONS: Record<
  LibrarySection,
  {
    readonly label: string;
    readonly Section: React.ComponentType<LibrarySectionProps>;
  }
> = {
  dashboard: {
    label: "Dashboard",
    Section: lazy(() => import("./dashboard/DashboardSection.tsx")),
  },
  cards: {
    label: "Pain points & opportunities",
    Section: lazy(() => import("./cards/CardsSection.tsx")),
  },
  personas: { label: "Personas", Section: lazy(() => import("./personas/PersonasSection.tsx")) },
  search: { label: "Search", Section: lazy(() => import("./search/SearchSection.tsx")) },
};

export interface LibrarySectionProps {
  readonly workspaceId: string;
  /** One item of the section (a library persona); null: the section's list. */
  readonly itemId: string | null;
}

export interface LibraryPageProps extends LibrarySectionProps {
  readonly section: LibrarySection;
}

/**
 * The journey library of one workspace (issue 19): the maps seen together — a dashboard, the
 * pain points and opportunities of every map, the shared personas, search — each a section.
 */
export default function LibraryPage({ workspaceId, section, itemId }: LibraryPageProps) {
  const { me } = useAccount();
  const workspace = me?.workspaces.find((w) => w.id === workspaceId);
  const { Section } = SECTIONS[section];
  return (
    <div className="page library-page">
      <div className="library-head">
        <p className="library-crumbs">
          <AppLink href="/">Journey maps</AppLink>
          <span aria-hidden="true"> / </span>
          <span>{workspace?.name ?? "Workspace"}</span>
        </p>
        <nav className="library-tabs" aria-label="Library">
          {(Object.keys(SECTIONS) as LibrarySection[]).map((s) => (
            <AppLink
              key={s}
              href={libraryPath(workspaceId, s)}
              className="library-tab"
              aria-current={s === section ? "page" : undefined}
              data-testid={`library.tab.${s}`}
            >
              {SECTIONS[s].label}
            </AppLink>
          ))}
        </nav>
      </div>
      <SectionFrame>
        <Section workspaceId={workspaceId} itemId={itemId} />
      </SectionFrame>
    </div>
  );
}

function SectionFrame({ children }: { children: ReactNode }) {
  return <Suspense fallback={<p className="page-lede">Loading…</p>}>{children}</Suspense>;
}
