/**
 * On a card that stands for a workspace library opportunity (issue 19): "In library · 2 maps",
 * a way to the value/effort matrix where it is prioritised. Its title follows the library's.
 */
import { mapIdOf } from "@journeymap/protocol";
import type { Card } from "@journeymap/schema";
import { LibraryBig } from "lucide-react";
import { useContext } from "react";
import { libraryPath } from "../router.ts";
import { AppLink } from "../ui/AppLink.tsx";
import { ProviderContext } from "./ProviderContext.ts";
import { useLibraryOpportunity } from "./libraryOpportunities.ts";

export function LibraryOpportunityMark({ card }: { card: Card }) {
  const provider = useContext(ProviderContext);
  const mapId = provider ? mapIdOf(provider.configuration.name) : null;
  const opportunityId = card.libraryOpportunityId ?? "";
  const found = useLibraryOpportunity(opportunityId ? mapId : null, opportunityId);
  if (!card.libraryOpportunityId) return null;
  const words = found
    ? `In library · ${found.maps} map${found.maps === 1 ? "" : "s"}`
    : "In library";
  return (
    <p className="card-library meta-line" data-testid="board.card-library">
      <LibraryBig size={11} aria-hidden="true" />
      {found ? (
        <AppLink
          href={`${libraryPath(found.workspaceId, "cards")}?view=matrix`}
          title="Prioritised on the workspace's value/effort matrix"
        >
          {words}
        </AppLink>
      ) : (
        words
      )}
    </p>
  );
}
