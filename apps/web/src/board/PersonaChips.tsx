/**
 * The personas as toggle chips (show or hide each one's curve), with the way into the persona
 * editor. Lives in the view bar, beside the view tabs, so the header stays one row (issue 15, B9).
 */
import type { Persona } from "@journeymap/schema";
import { UsersRound } from "lucide-react";
import type { CSSProperties } from "react";
import type { CommandTarget } from "../commands/CommandRegistry.ts";
import { useCommandRegistry } from "../commands/useCommands.ts";
import { useJourneyMap } from "../sync/useJourneyMap.ts";
import { Avatar } from "../ui/Avatar.tsx";
import "./PersonaChips.css";

export interface PersonaChipsProps {
  readonly hidden: ReadonlySet<string>;
  readonly readOnly: boolean;
  readonly onToggle: (persona: Persona) => void;
  readonly onMenu: (target: CommandTarget, x: number, y: number, from: HTMLElement | null) => void;
}

export function PersonaChips({ hidden, readOnly, onToggle, onMenu }: PersonaChipsProps) {
  const registry = useCommandRegistry();
  const personas = useJourneyMap((m) => m.personas);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of toggle chips, not a form
    <div className="persona-chips" role="group" aria-label="Personas">
      {personas.map((p) => (
        <button
          key={p.id}
          type="button"
          className="persona-chip"
          aria-pressed={!hidden.has(p.id)}
          style={{ "--chip-colour": p.colour } as CSSProperties}
          onClick={() => onToggle(p)}
          onContextMenu={(e) => {
            e.preventDefault();
            onMenu({ kind: "persona", id: p.id }, e.clientX, e.clientY, e.currentTarget);
          }}
          title={p.quote}
        >
          <Avatar name={p.name} colour={p.colour} />
          <span>{p.name}</span>
          {p.role && <span className="persona-role">· {p.role}</span>}
        </button>
      ))}
      {personas.length === 0 && !readOnly ? (
        <button type="button" className="btn" onClick={() => registry.run("persona.add")}>
          Add persona
        </button>
      ) : (
        <button
          type="button"
          className="btn btn--ghost"
          data-testid="board.personas"
          onClick={() => registry.run("personas.edit")}
        >
          <UsersRound size={14} /> Personas
        </button>
      )}
    </div>
  );
}
