/**
 * One library persona's page: its profile, editable (each field saved when it loses focus, and
 * written by the server into every map using the persona, live), the maps it appears in, and
 * its emotion curve in each.
 */
import type {
  LibraryPersonaPage as PageData,
  UpdateLibraryPersonaBody,
} from "@journeymap/protocol/http";
import { DEMOGRAPHIC_FIELDS, PSYCHOGRAPHIC_FIELDS } from "@journeymap/schema";
import { Archive, ArchiveRestore } from "lucide-react";
import { useEffect, useState } from "react";
import {
  archiveLibraryPersona,
  getLibraryPersona,
  updateLibraryPersona,
} from "../../api/libraryPersonasApi.ts";
import { DEMOGRAPHIC_LABELS, PSYCHOGRAPHIC_LABELS } from "../../board/personaLabels.ts";
import { PersonaField } from "../../board/PersonaField.tsx";
import { PersonaFieldGroup } from "../../board/PersonaFieldGroup.tsx";
import { PersonaColourField } from "../../board/PersonaColourField.tsx";
import { PersonaProfileHead } from "../../board/PersonaProfileHead.tsx";
import { libraryPath } from "../../router.ts";
import { AppLink } from "../../ui/AppLink.tsx";
import { FormError } from "../../ui/FormError.tsx";
import { messageOf, useAction } from "../../ui/useAction.ts";
import { PersonaCurves } from "./PersonaCurves.tsx";
import "../../board/colourSwatch.css";
import "../../board/PersonaEditor.css";

/** What a persona without a colour of its own is drawn in (maps give theirs from a palette). */
const NO_COLOUR = "#64748b";

function savedNote(maps: number, leftOut: number): string {
  const into = maps === 1 ? "1 map" : `${maps} maps`;
  return leftOut > 0
    ? `Saved · ${into} updated, ${leftOut} not reached`
    : `Saved · ${into} updated`;
}

export function LibraryPersonaPage({
  workspaceId,
  personaId,
}: {
  workspaceId: string;
  personaId: string;
}) {
  const [page, setPage] = useState<PageData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const saving = useAction();
  useEffect(() => {
    let current = true;
    getLibraryPersona(workspaceId, personaId).then(
      (answer) => current && setPage(answer),
      (error: unknown) => current && setLoadError(messageOf(error)),
    );
    return () => {
      current = false;
    };
  }, [workspaceId, personaId]);

  if (loadError) return <FormError error={loadError} testId="library.persona-error" />;
  if (!page) return <p className="page-lede">Loading…</p>;
  const { persona, maps } = page;
  const colour = persona.colour || NO_COLOUR;

  const save = (body: UpdateLibraryPersonaBody) =>
    void saving.run(async () => {
      setNote("Saving…");
      const answer = await updateLibraryPersona(workspaceId, personaId, body);
      setPage((was) => (was ? { ...was, persona: answer.persona } : was));
      setNote(savedNote(answer.maps, answer.leftOut));
    });
  const archive = () =>
    void saving.run(async () => {
      const answer = await archiveLibraryPersona(
        workspaceId,
        personaId,
        persona.archivedAt === null,
      );
      setPage((was) => (was ? { ...was, persona: answer } : was));
    });

  return (
    <div className="library-persona-page">
      <div className="library-persona-bar">
        <AppLink href={libraryPath(workspaceId, "personas")}>All personas</AppLink>
        <div className="library-persona-tools">
          <span className="library-persona-note" role="status" data-testid="library.persona-saved">
            {note}
          </span>
          <button type="button" className="btn btn--ghost" onClick={archive} disabled={saving.busy}>
            {persona.archivedAt === null ? (
              <>
                <Archive size={14} /> Archive
              </>
            ) : (
              <>
                <ArchiveRestore size={14} /> Bring back
              </>
            )}
          </button>
        </div>
      </div>
      <section
        className="library-persona-profile persona-profile"
        data-testid="library.persona-profile"
      >
        <PersonaProfileHead
          name={persona.name}
          role={persona.role}
          colour={colour}
          readOnly={false}
          onName={(name) => name.trim() && save({ name: name.trim() })}
          onRole={(role) => save({ role })}
        />
        {persona.archivedAt !== null && (
          <p className="page-lede">
            Archived: hidden from new maps; maps using it keep following it.
          </p>
        )}
        <FormError error={saving.error} />
        <PersonaField
          label="Quote"
          value={persona.quote}
          multiline
          placeholder="In their own words"
          readOnly={false}
          onCommit={(quote) => save({ quote })}
        />
        <PersonaColourField colour={persona.colour} onChoose={(c) => save({ colour: c })} />
        <PersonaFieldGroup
          title="Demographics"
          fields={DEMOGRAPHIC_FIELDS}
          labels={DEMOGRAPHIC_LABELS}
          values={persona.demographics}
          readOnly={false}
          onCommit={(field, value) => save({ demographics: { [field]: value } })}
        />
        <PersonaFieldGroup
          title="Psychographics"
          fields={PSYCHOGRAPHIC_FIELDS}
          labels={PSYCHOGRAPHIC_LABELS}
          values={persona.psychographics}
          multiline
          readOnly={false}
          onCommit={(field, value) => save({ psychographics: { [field]: value } })}
        />
      </section>
      <section className="library-persona-maps" aria-labelledby="persona-maps-title">
        <h3 id="persona-maps-title" className="persona-section">
          {maps.length === 1 ? "In 1 map" : `In ${maps.length} maps`}
        </h3>
        <PersonaCurves uses={maps} colour={colour} />
      </section>
    </div>
  );
}
