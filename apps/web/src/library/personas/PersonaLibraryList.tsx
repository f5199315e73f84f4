/**
 * The workspace's personas, each a link to its page, and a form to add one. Archived personas
 * are listed apart: maps keep their linked copies of them.
 */
import type { LibraryPersona } from "@journeymap/protocol/http";
import { Plus } from "lucide-react";
import { type FormEvent, useEffect, useState } from "react";
import { createLibraryPersona, listLibraryPersonas } from "../../api/libraryPersonasApi.ts";
import { libraryPath, navigate } from "../../router.ts";
import { AppLink } from "../../ui/AppLink.tsx";
import { Avatar } from "../../ui/Avatar.tsx";
import { FormError } from "../../ui/FormError.tsx";
import { messageOf, useAction } from "../../ui/useAction.ts";

function PersonaCard({ persona, workspaceId }: { persona: LibraryPersona; workspaceId: string }) {
  return (
    <li>
      <AppLink
        href={libraryPath(workspaceId, "personas", persona.id)}
        className="library-persona-card"
        data-testid="library.persona"
      >
        <Avatar name={persona.name} colour={persona.colour || "#64748b"} large />
        <span className="library-persona-card-text">
          <strong>{persona.name}</strong>
          {persona.role && <span>{persona.role}</span>}
          <small>
            {persona.mapCount === 1 ? "Used in 1 map" : `Used in ${persona.mapCount} maps`}
          </small>
        </span>
      </AppLink>
    </li>
  );
}

export function PersonaLibraryList({ workspaceId }: { workspaceId: string }) {
  const [personas, setPersonas] = useState<readonly LibraryPersona[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [name, setName] = useState("");
  const creating = useAction();
  useEffect(() => {
    let current = true;
    listLibraryPersonas(workspaceId).then(
      (answer) => current && setPersonas(answer.personas),
      (error: unknown) => current && setLoadError(messageOf(error)),
    );
    return () => {
      current = false;
    };
  }, [workspaceId]);

  const create = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    void creating.run(async () => {
      const made = await createLibraryPersona(workspaceId, { name: trimmed });
      navigate(libraryPath(workspaceId, "personas", made.id));
    });
  };

  if (loadError) return <FormError error={loadError} testId="library.personas.error" />;
  const inUse = personas?.filter((p) => p.archivedAt === null) ?? [];
  const archived = personas?.filter((p) => p.archivedAt !== null) ?? [];
  return (
    <section className="library-personas" aria-labelledby="library-personas-title">
      <div className="library-personas-head">
        <div>
          <h2 id="library-personas-title">Personas</h2>
          <p className="page-lede">
            Made once, used in many maps. A map's copy follows every edit made here until it is
            detached.
          </p>
        </div>
        <form className="library-persona-new" onSubmit={create}>
          <label htmlFor="library-persona-name" className="visually-hidden">
            New persona's name
          </label>
          <input
            id="library-persona-name"
            value={name}
            maxLength={500}
            placeholder="New persona's name"
            onChange={(e) => setName(e.target.value)}
            data-testid="library.persona-name"
          />
          <button
            type="submit"
            className="btn btn--primary"
            disabled={creating.busy || !name.trim()}
            data-testid="library.persona-create"
          >
            <Plus size={14} /> Create persona
          </button>
        </form>
      </div>
      <FormError error={creating.error} />
      {personas === null ? (
        <p className="page-lede">Loading…</p>
      ) : inUse.length === 0 ? (
        <p className="page-lede">
          No personas yet. Create one, or save a map's persona to the library from its board.
        </p>
      ) : (
        <ul className="library-persona-grid">
          {inUse.map((p) => (
            <PersonaCard key={p.id} persona={p} workspaceId={workspaceId} />
          ))}
        </ul>
      )}
      {archived.length > 0 && (
        <>
          <h3 className="persona-section">Archived</h3>
          <ul className="library-persona-grid library-persona-grid--archived">
            {archived.map((p) => (
              <PersonaCard key={p.id} persona={p} workspaceId={workspaceId} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
