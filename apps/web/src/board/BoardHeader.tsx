import type { ReactNode } from "react";
import {
  ArrowLeft,
  Command,
  Maximize2,
  Minus,
  Plus,
  Presentation,
  Redo2,
  Undo2,
} from "lucide-react";
import { formatKeys } from "../commands/CommandRegistry.ts";
import { APPLE, useCommandRegistry } from "../commands/useCommands.ts";
import { useEditor, useJourneyMap } from "../sync/useJourneyMap.ts";
import type { MapConnection } from "../sync/useMapConnection.ts";
import { ConnectionBadge } from "../ui/ConnectionBadge.tsx";
import { InlineText } from "../ui/InlineText.tsx";
import { SharePanel } from "./SharePanel.tsx";
import { HistoryButton } from "../history/HistoryButton.tsx";
import { BranchesButton } from "../branches/BranchesButton.tsx";
import { ExportMenu } from "../export/ExportMenu.tsx";
import { navigate } from "../router.ts";
import "./BoardHeader.css";

export interface BoardHeaderProps {
  readonly mapId: string;
  readonly role: string | null;
  readonly connection: MapConnection;
  readonly hidden: ReadonlySet<string>;
  /** Who else is here (avatars). */
  readonly people?: ReactNode;
  /** Comments, inbox and evidence-layer buttons. */
  readonly tools?: ReactNode;
  readonly zoom: number;
}

/** A toolbar button that runs a registry command, titled with its shortcut. */
function CommandButton({
  id,
  label,
  children,
}: {
  id: string;
  label: string;
  children: ReactNode;
}) {
  const registry = useCommandRegistry();
  const keys = registry.get(id)?.keys?.[0];
  return (
    <button
      type="button"
      className="icon-btn"
      aria-label={keys ? `${label} (${formatKeys(keys, APPLE)})` : label}
      title={keys ? `${label} (${formatKeys(keys, APPLE)})` : label}
      onClick={() => registry.run(id)}
    >
      {children}
    </button>
  );
}

export function BoardHeader({
  mapId,
  role,
  connection,
  hidden,
  people,
  tools,
  zoom,
}: BoardHeaderProps) {
  const editor = useEditor();
  const registry = useCommandRegistry();
  const meta = useJourneyMap((m) => m.meta);
  return (
    <header className="board-header">
      <a className="icon-btn" href="/" aria-label="All maps">
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
      </div>
      <div className="board-header-side">
        {people}
        {tools}
        {!connection.readOnly && (
          <>
            <CommandButton id="undo" label="Undo">
              <Undo2 size={16} />
            </CommandButton>
            <CommandButton id="redo" label="Redo">
              <Redo2 size={16} />
            </CommandButton>
          </>
        )}
        {/* biome-ignore lint/a11y/useSemanticElements: a toolbar group, not a form */}
        <div className="zoom-control" role="group" aria-label="Zoom">
          <CommandButton id="zoom.out" label="Zoom out">
            <Minus size={14} />
          </CommandButton>
          <button
            type="button"
            className="zoom-value"
            title="Actual size"
            data-testid="board.zoom"
            onClick={() => registry.run("zoom.reset")}
          >
            {Math.round(zoom * 100)}%
          </button>
          <CommandButton id="zoom.in" label="Zoom in">
            <Plus size={14} />
          </CommandButton>
          <CommandButton id="zoom.fit" label="See the whole map">
            <Maximize2 size={14} />
          </CommandButton>
        </div>
        <CommandButton id="palette.open" label="Commands">
          <Command size={16} />
        </CommandButton>
        {connection.readOnly && (
          <span className="view-only" data-testid="board.view-only">
            View only
          </span>
        )}
        <HistoryButton mapId={mapId} />
        <BranchesButton mapId={mapId} readOnly={connection.readOnly} />
        <ExportMenu hiddenPersonas={hidden} />
        <a
          className="btn"
          href={`/maps/${mapId}/present`}
          data-testid="board.present"
          title="Present phase by phase; others on the map can follow"
          onClick={(e) => {
            e.preventDefault();
            navigate(`/maps/${mapId}/present`);
          }}
        >
          <Presentation size={14} /> Present
        </a>
        <SharePanel mapId={mapId} role={role} />
        {connection.offlineCopy === "unavailable" && (
          <span
            className="view-only"
            role="status"
            title="This browser could not keep an offline copy of the map"
          >
            No offline copy
          </span>
        )}
        <ConnectionBadge
          status={connection.status}
          unsynced={connection.unsynced}
          edits={connection.edits}
          kept={connection.offlineCopy === "ready"}
        />
      </div>
    </header>
  );
}
