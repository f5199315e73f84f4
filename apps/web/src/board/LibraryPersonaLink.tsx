/**
 * A persona's tie to the workspace library, in its profile: "Linked to library" with a way to
 * its page and "Detach" (the map's copy keeps its fields and stops following), or "Save to
 * library" for a map's own persona (a library persona made from it, this one linked to it).
 * Linking and detaching are the board's own edits: they sync, and undo takes them back.
 */
import type { LibraryPersonaList } from "@journeymap/protocol/http";
import type { Persona } from "@journeymap/schema";
import { Link2, Link2Off, LibraryBig } from "lucide-react";
import { createLibraryPersona } from "../api/libraryPersonasApi.ts";
import { libraryPath } from "../router.ts";
import { AppLink } from "../ui/AppLink.tsx";
import { FormError } from "../ui/FormError.tsx";
import "./LibraryPersona.css";
import { useAction } from "../ui/useAction.ts";
import { useEditor } from "../sync/useJourneyMap.ts";

export function LibraryPersonaLink({
  persona,
  library,
  readOnly,
  onSaved,
}: {
  persona: Persona;
  /** Null: the library is not for us (signed out, a guest): only the marker shows. */
  library: LibraryPersonaList | null;
  readOnly: boolean;
  onSaved: () => void;
}) {
  const editor = useEditor();
  const saving = useAction();
  const linked = persona.libraryPersonaId;
  if (linked !== null)
    return (
      <div className="library-link" data-testid="personas.linked">
        <span className="library-link-mark">
          <Link2 size={14} aria-hidden="true" /> Linked to library
        </span>
        {library && (
          <AppLink href={libraryPath(library.workspaceId, "personas", linked)}>
            Open in library
          </AppLink>
        )}
        {!readOnly && (
          <button
            type="button"
            className="btn btn--ghost"
            onClick={() => editor.linkPersona(persona.id, null)}
            data-testid="personas.detach"
          >
            <Link2Off size={14} /> Detach
          </button>
        )}
      </div>
    );
  if (readOnly || !library) return null;
  const save = () =>
    void saving.run(async () => {
      const made = await createLibraryPersona(library.workspaceId, {
        name: persona.name,
        role: persona.role,
        quote: persona.quote,
        colour: persona.colour,
        demographics: persona.demographics,
        psychographics: persona.psychographics,
      });
      editor.linkPersona(persona.id, made.id);
      onSaved();
    });
  return (
    <div className="library-link">
      <button
        type="button"
        className="btn btn--ghost"
        onClick={save}
        disabled={saving.busy}
        data-testid="personas.save-to-library"
      >
        <LibraryBig size={14} /> Save to library
      </button>
      <FormError error={saving.error} />
    </div>
  );
}
