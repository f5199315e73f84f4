/**
 * The persona editor: a modal dialog listing the map's personas, with one persona's profile
 * (name, role, quote, colour, demographics, psychographics) editable beside the list. Every
 * field is written on blur, like the rest of the board, so others see it live and undo works.
 */
import {
  DEMOGRAPHIC_FIELDS,
  type DemographicField,
  PALETTE,
  type Persona,
  PSYCHOGRAPHIC_FIELDS,
  type PsychographicField,
} from "@journeymap/schema";
import { ArrowDown, ArrowUp, Eye, EyeOff, Plus, Trash2, X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { useEditor, useJourneyMap, useMapSession } from "../sync/useJourneyMap.ts";
import { initials } from "../ui/initials.ts";
import "../ui/avatar.css";
import "./colourSwatch.css";
import "./PersonaEditor.css";

const DEMOGRAPHIC_LABELS: Record<DemographicField, string> = {
  ageRange: "Age",
  gender: "Gender",
  occupation: "Occupation",
  education: "Education",
  income: "Income",
  location: "Location",
};
const PSYCHOGRAPHIC_LABELS: Record<PsychographicField, string> = {
  goals: "Goals",
  needs: "Needs",
  motivations: "Motivations",
  frustrations: "Frustrations",
  interests: "Interests",
  behaviours: "Behaviours",
};

/** A text field that writes its value when it loses focus, and follows remote changes. */
function Field({
  label,
  value,
  multiline,
  placeholder,
  readOnly,
  onCommit,
}: {
  label: string;
  value: string;
  multiline?: boolean;
  placeholder?: string;
  readOnly: boolean;
  onCommit: (value: string) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setDraft(value);
  }, [value, focused]);
  const props = {
    id,
    value: draft,
    placeholder,
    readOnly,
    onFocus: () => setFocused(true),
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: () => {
      setFocused(false);
      if (draft !== value) onCommit(draft);
    },
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={3} {...props} /> : <input {...props} />}
    </div>
  );
}

function Profile({ persona, readOnly }: { persona: Persona; readOnly: boolean }) {
  const editor = useEditor();
  const update = (fields: Parameters<typeof editor.updatePersona>[1]) =>
    editor.updatePersona(persona.id, fields);
  return (
    <div className="persona-profile" data-testid="personas.profile">
      <div className="persona-profile-head">
        <span
          className="avatar avatar--lg"
          style={{ background: persona.colour }}
          aria-hidden="true"
        >
          {initials(persona.name)}
        </span>
        <div className="persona-profile-names">
          <Field
            label="Name"
            value={persona.name}
            readOnly={readOnly}
            onCommit={(name) => update({ name })}
          />
          <Field
            label="Role"
            value={persona.role}
            placeholder="e.g. Delivery lead (evaluator)"
            readOnly={readOnly}
            onCommit={(role) => update({ role })}
          />
        </div>
      </div>
      <Field
        label="Quote"
        value={persona.quote}
        multiline
        placeholder="In their own words"
        readOnly={readOnly}
        onCommit={(quote) => update({ quote })}
      />
      <fieldset className="colour-field" disabled={readOnly}>
        <legend>Colour</legend>
        {PALETTE.map((colour) => (
          <button
            key={colour}
            type="button"
            className="colour-swatch"
            style={{ background: colour }}
            aria-label={`Colour ${colour}`}
            aria-pressed={persona.colour === colour}
            onClick={() => update({ colour })}
          />
        ))}
      </fieldset>
      <h3 className="persona-section">Demographics</h3>
      <div className="field-grid">
        {DEMOGRAPHIC_FIELDS.map((field) => (
          <Field
            key={field}
            label={DEMOGRAPHIC_LABELS[field]}
            value={persona.demographics[field]}
            readOnly={readOnly}
            onCommit={(value) => update({ [field]: value })}
          />
        ))}
      </div>
      <h3 className="persona-section">Psychographics</h3>
      <div className="field-grid">
        {PSYCHOGRAPHIC_FIELDS.map((field) => (
          <Field
            key={field}
            label={PSYCHOGRAPHIC_LABELS[field]}
            value={persona.psychographics[field]}
            multiline
            placeholder="One per line"
            readOnly={readOnly}
            onCommit={(value) => update({ [field]: value })}
          />
        ))}
      </div>
    </div>
  );
}

export interface PersonaEditorProps {
  readonly open: boolean;
  readonly initial: string | null;
  readonly hidden: ReadonlySet<string>;
  readonly onToggle: (personaId: string) => void;
  readonly onClose: () => void;
}

export function PersonaEditor({ open, initial, hidden, onToggle, onClose }: PersonaEditorProps) {
  const editor = useEditor();
  const { readOnly } = useMapSession();
  const personas = useJourneyMap((m) => m.personas);
  const [selected, setSelected] = useState<string | null>(initial);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (open) {
      setSelected(initial);
      if (!dialog.current?.open) dialog.current?.showModal();
    } else dialog.current?.close();
  }, [open, initial]);
  const current = personas.find((p) => p.id === selected) ?? personas[0] ?? null;
  const add = () => setSelected(editor.addPersona({ name: "New persona" }) ?? null);
  const remove = (persona: Persona) => {
    if (
      window.confirm(
        `Delete the persona "${persona.name}" and their emotion curve? You can undo with Ctrl+Z.`,
      )
    )
      editor.deletePersona(persona.id);
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
                  <span className="avatar" style={{ background: p.colour }} aria-hidden="true">
                    {initials(p.name)}
                  </span>
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
        </nav>
        {current ? (
          <Profile key={current.id} persona={current} readOnly={readOnly} />
        ) : (
          <p className="page-lede">This map has no personas yet.</p>
        )}
      </div>
    </dialog>
  );
}
