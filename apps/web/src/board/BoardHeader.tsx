import type { Persona } from "@journeymap/schema";
import type { ReactNode } from "react";
import { ArrowLeft, Redo2, Undo2 } from "lucide-react";
import { useEditor, useJourneyMap, useMapSession } from "../sync/useJourneyMap.ts";
import type { MapConnection } from "../sync/useMapConnection.ts";
import { ConnectionBadge } from "../ui/ConnectionBadge.tsx";
import { InlineText } from "../ui/InlineText.tsx";
import { SharePanel } from "./SharePanel.tsx";
import { initials } from "../ui/initials.ts";

export interface BoardHeaderProps {
  readonly mapId: string;
  readonly role: string | null;
  readonly connection: MapConnection;
  readonly hidden: ReadonlySet<string>;
  readonly onTogglePersona: (persona: Persona) => void;
  /** Who else is here (avatars). */
  readonly people?: ReactNode;
}

export function BoardHeader({
  mapId,
  role,
  connection,
  hidden,
  onTogglePersona,
  people,
}: BoardHeaderProps) {
  const editor = useEditor();
  const { undo } = useMapSession();
  const meta = useJourneyMap((m) => m.meta);
  const personas = useJourneyMap((m) => m.personas);
  return (
    <header className="board-header">
      <a className="icon-btn" href="/" aria-label="All maps" style={{ marginTop: 4 }}>
        <ArrowLeft size={18} />
      </a>
      <div className="board-header-main">
        <h1 className="board-title">
          <InlineText
            value={meta.title}
            label="Map title"
            testId="board.title"
            onCommit={(title) => editor.updateMeta({ title })}
          />
        </h1>
        <div className="board-scenario">
          <InlineText
            value={meta.description}
            label="Scenario"
            placeholder="Describe the scenario or the customer's goal"
            allowEmpty
            multiline
            onCommit={(description) => editor.updateMeta({ description })}
          />
        </div>
        {/* biome-ignore lint/a11y/useSemanticElements: a row of toggle chips, not a form */}
        <div className="persona-chips" role="group" aria-label="Personas">
          {personas.map((p) => (
            <button
              key={p.id}
              type="button"
              className="persona-chip"
              aria-pressed={!hidden.has(p.id)}
              style={{ "--chip-colour": p.colour } as React.CSSProperties}
              onClick={() => onTogglePersona(p)}
              title={p.quote}
            >
              <span className="avatar" style={{ background: p.colour }} aria-hidden="true">
                {initials(p.name)}
              </span>
              <span>{p.name}</span>
              {p.role && <span className="persona-role">· {p.role}</span>}
            </button>
          ))}
          {personas.length === 0 && !connection.readOnly && (
            <button
              type="button"
              className="btn"
              onClick={() => editor.addPersona({ name: "New persona" })}
            >
              Add persona
            </button>
          )}
        </div>
      </div>
      <div className="board-header-side">
        {people}
        {!connection.readOnly && (
          <>
            <button
              type="button"
              className="icon-btn"
              aria-label="Undo (Ctrl+Z)"
              onClick={() => undo.undo()}
            >
              <Undo2 size={16} />
            </button>
            <button
              type="button"
              className="icon-btn"
              aria-label="Redo (Shift+Ctrl+Z)"
              onClick={() => undo.redo()}
            >
              <Redo2 size={16} />
            </button>
          </>
        )}
        {connection.readOnly && (
          <span className="view-only" data-testid="board.view-only">
            View only
          </span>
        )}
        {role === "owner" && <SharePanel mapId={mapId} />}
        {connection.offlineCopy === "unavailable" && (
          <span
            className="view-only"
            role="status"
            title="This browser could not keep an offline copy of the map"
          >
            No offline copy
          </span>
        )}
        <ConnectionBadge status={connection.status} unsynced={connection.unsynced} />
      </div>
    </header>
  );
}
