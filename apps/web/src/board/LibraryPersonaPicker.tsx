/**
 * "Add from library…" in the persona dialog: the workspace's personas not archived, one click
 * adds one to this map linked (the server writes it into the live map), and selects it.
 */
import type { LibraryPersonaList } from "@journeymap/protocol/http";
import { Library } from "lucide-react";
import { useState } from "react";
import { addLibraryPersonaToMap } from "../api/libraryPersonasApi.ts";
import { Avatar } from "../ui/Avatar.tsx";
import { FormError } from "../ui/FormError.tsx";
import "./LibraryPersona.css";
import { useAction } from "../ui/useAction.ts";

export function LibraryPersonaPicker({
  mapId,
  library,
  onAdded,
}: {
  mapId: string;
  library: LibraryPersonaList;
  onAdded: (personaId: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const adding = useAction();
  const personas = library.personas.filter((p) => p.archivedAt === null);
  const add = (libraryPersonaId: string) =>
    void adding.run(async () => {
      const { personaId } = await addLibraryPersonaToMap(mapId, libraryPersonaId);
      setOpen(false);
      onAdded(personaId);
    });
  return (
    <div className="library-picker">
      <button
        type="button"
        className="btn btn--ghost"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid="personas.from-library"
      >
        <Library size={14} /> Add from library…
      </button>
      {open && (
        <ul className="library-picker-list" aria-label="Library personas">
          {personas.length === 0 && <li className="library-picker-empty">The library is empty.</li>}
          {personas.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="persona-list-item"
                disabled={adding.busy}
                onClick={() => add(p.id)}
                data-testid="personas.library-item"
              >
                <Avatar name={p.name} colour={p.colour || "#64748b"} />
                <span className="persona-list-name">
                  {p.name}
                  {p.role && <small>{p.role}</small>}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <FormError error={adding.error} />
    </div>
  );
}
