import type { LibrarySectionProps } from "../LibraryPage.tsx";
import { LibraryPersonaPage } from "./LibraryPersonaPage.tsx";
import { PersonaLibraryList } from "./PersonaLibraryList.tsx";
import "./personas.css";

/** The workspace's persona library (issue 19): the list, or one persona's page. */
export default function PersonasSection({ workspaceId, itemId }: LibrarySectionProps) {
  return itemId ? (
    <LibraryPersonaPage key={itemId} workspaceId={workspaceId} personaId={itemId} />
  ) : (
    <PersonaLibraryList workspaceId={workspaceId} />
  );
}
