/**
 * The persona editor: a modal dialog listing the map's personas, with one persona's profile
 * (name, role, quote, colour, demographics, psychographics) editable beside the list. Every
 * field is written on blur, like the rest of the board, so others see it live and undo works.
 */
import { DEMOGRAPHIC_FIELDS, type Persona, PSYCHOGRAPHIC_FIELDS } from "@journeymap/schema";
import { ArrowDown, ArrowUp, Eye, EyeOff, Plus, Trash2, X } from "lucide-react";
import { useContext, useEffect, useRef, useState } from "react";
import { useEditor, useJourneyMap, useMapSession } from "../sync/useJourneyMap.ts";
import { Avatar } from "../ui/Avatar.tsx";
import { confirmDeletePersona } from "./commands/personaCommands.ts";
import { LibraryPersonaLink } from "./LibraryPersonaLink.tsx";
import { LibraryPersonaPicker } from "./LibraryPersonaPicker.tsx";
import { DEMOGRAPHIC_LABELS, PSYCHOGRAPHIC_LABELS } from "./personaLabels.ts";
import { PersonaField } from "./PersonaField.tsx";
import { PersonaFieldGroup } from "./PersonaFieldGroup.tsx";
import { PersonaColourField } from "./PersonaColourField.tsx";
import { PersonaProfileHead } from "./PersonaProfileHead.tsx";
import { FreshElementContext, useFreshName } from "./useFreshName.ts";
import { type MapLibrary, useMapLibrary } from "./useMapLibrary.ts";
import "./colourSwatch.css";
import "./PersonaEditor.css";

function Profile({
  persona,
  readOnly,
  library,
}: {
  persona: Persona;
  readOnly: boolean;
  library: MapLibrary;
}) {
  const editor = useEditor();
  const update = (fields: Parameters<typeof editor.updatePersona>[1]) =>
    editor.updatePersona(persona.id, fields);
  const fresh = useFreshName({ kind: "persona", id: persona.id });
  return (
    <div className="persona-profile" data-testid="personas.profile">
      <PersonaProfileHead
        name={persona.name}
        role={persona.role}
        colour={persona.colour}
        readOnly={readOnly}
        autoFocus={fresh}
        onName={(name) => update({ name })}
        onRole={(role) => update({ role })}
      />
      <LibraryPersonaLink
        persona={persona}
        library={library.library}
        readOnly={readOnly}
        onSaved={library.reload}
      />
      <PersonaField
        label="Quote"
        value={persona.quote}
        multiline
        placeholder="In their own words"
        readOnly={readOnly}
        onCommit={(quote) => update({ quote })}
      />
      <PersonaColourField
        colour={persona.colour}
        disabled={readOnly}
        onChoose={(colour) => update({ colour })}
      />
      <PersonaFieldGroup
        title="Demographics"
        fields={DEMOGRAPHIC_FIELDS}
        labels={DEMOGRAPHIC_LABELS}
        values={persona.demographics}
        readOnly={readOnly}
        onCommit={(field, value) => update({ [field]: value })}
      />
      <PersonaFieldGroup
        title="Psychographics"
        fields={PSYCHOGRAPHIC_FIELDS}
        labels={PSYCHOGRAPHIC_LABELS}
        values={persona.psychographics}
        multiline
        readOnly={readOnly}
        onCommit={(field, value) => update({ [field]: value })}
      />
    </div>
  );
}

export interface PersonaEditorProps {
  readonly mapId: string;
  readonly open: boolean;
  readonly initial: string | null;
  readonly hidden: ReadonlySet<string>;
  readonly onToggle: (personaId: string) => void;
  readonly onClose: () => void;
}

export function PersonaEditor({
  mapId,
  open,
  initial,
  hidden,
  onToggle,
  onClose,
}: PersonaEditorProps) {
  const editor = useEditor();
  const fresh = useContext(FreshElementContext);
  const { readOnly } = useMapSession();
  const personas = useJourneyMap((m) => m.personas);
  const [selected, setSelected] = useState<string | null>(initial);
  const library = useMapLibrary(mapId, open);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (open) {
      setSelected(initial);
      if (!dialog.current?.open) {
        dialog.current?.showModal();
        // Opening moves focus to the first button: a persona just added wants its name.
        dialog.current?.querySelector<HTMLElement>("[data-autofocus]")?.focus();
      }
    } else dialog.current?.close();
  }, [open, initial]);
  const current = personas.find((p) => p.id === selected) ?? personas[0] ?? null;
  const add = () => {
    const id = editor.addPersona({ name: "New persona" });
    fresh.mark({ kind: "persona", id });
    setSelected(id);
  };
  const remove = (persona: Persona) => {
    void confirmDeletePersona(persona).then((yes) => yes && editor.deletePersona(persona.id));
  };
  const move = (persona: Persona, step: -1 | 1) => {
    const index = personas.indexOf(persona) + step;
    if (index >= 0 && index < personas.length) editor.movePersona(persona.id, index);
  };
  return (
    <dialog
      ref={dialog}
      className="dialog persona-dialog"
      aria-labelledby="personas-title"
      onClose={onClose}
      data-testid="personas.dialog"
    >
      <header className="dialog-head">
        <h2 id="personas-title">Personas</h2>
        <button type="button" className="icon-btn" aria-label="Close" onClick={onClose}>
          <X size={18} />
        </button>
      </header>
      <div className="persona-layout">
        <nav className="persona-list" aria-label="Personas of this map">
          <ul>
            {personas.map((p) => (
              <li key={p.id} className={p.id === current?.id ? "is-current" : ""}>
                <button
                  type="button"
                  className="persona-list-item"
                  aria-current={p.id === current?.id}
                  onClick={() => setSelected(p.id)}
                  data-testid="personas.item"
                >
                  <Avatar name={p.name} colour={p.colour} />
                  <span className="persona-list-name">
                    {p.name}
                    {p.role && <small>{p.role}</small>}
                  </span>
                </button>
                <span className="persona-list-tools">
                  <button
                    type="button"
                    className="icon-btn"
                    aria-label={`${hidden.has(p.id) ? "Show" : "Hide"} ${p.name} on the map`}
                    aria-pressed={!hidden.has(p.id)}
                    onClick={() => onToggle(p.id)}
                  >
                    {hidden.has(p.id) ? <EyeOff size={14} /> : <Eye size={14} />}
                  </button>
                  {!readOnly && (
                    <>
                      <button
                        type="button"
                        className="icon-btn"
                        aria-label={`Move ${p.name} up`}
                        onClick={() => move(p, -1)}
                      >
                        <ArrowUp size={14} />
                      </button>
                      <button
                        type="button"
                        className="icon-btn"
                        aria-label={`Move ${p.name} down`}
                        onClick={() => move(p, 1)}
                      >
                        <ArrowDown size={14} />
                      </button>
                      <button
                        type="button"
                        className="icon-btn icon-btn--danger"
                        aria-label={`Delete ${p.name}`}
                        onClick={() => remove(p)}
                      >
                        <Trash2 size={14} />
                      </button>
                    </>
                  )}
                </span>
              </li>
            ))}
          </ul>
          {!readOnly && (
            <button type="button" className="btn" onClick={add} data-testid="personas.add">
              <Plus size={14} /> Add persona
            </button>
          )}
          {!readOnly && library.library && (
            <LibraryPersonaPicker mapId={mapId} library={library.library} onAdded={setSelected} />
          )}
        </nav>
        {current ? (
          <Profile key={current.id} persona={current} readOnly={readOnly} library={library} />
        ) : (
          <p className="page-lede">This map has no personas yet.</p>
        )}
      </div>
    </dialog>
  );
}
