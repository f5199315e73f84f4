import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { type CommandTarget, CommandRegistry } from "../commands/CommandRegistry.ts";
import { ContextMenu, type OpenMenu } from "../commands/ContextMenu.tsx";
import { CommandRegistryContext, useShortcuts } from "../commands/useCommands.ts";
import { listMaps } from "../api/mapsApi.ts";
import type * as Y from "yjs";
import { MapSessionContext, useMapSessionFor } from "../sync/useJourneyMap.ts";
import { type MapConnection, useMapConnection } from "../sync/useMapConnection.ts";
import { ReadOnlyContext } from "../ui/ReadOnlyContext.ts";
import { BoardViews } from "../views/BoardViews.tsx";
import { readOwnSelection, readPeers } from "../sync/presence/presenceState.ts";
import { usePresence } from "../sync/presence/usePresence.ts";
import { Board } from "./Board.tsx";
import { ChangedSince } from "../history/ChangedSince.tsx";
import { PeopleHere } from "./PeopleHere.tsx";
import { ProviderContext } from "./ProviderContext.ts";
import { BoardHeader } from "./BoardHeader.tsx";
import { PersonaEditor } from "./PersonaEditor.tsx";
import { type BoardUi, useBoardCommands } from "./useBoardCommands.ts";
import { zoomToFit } from "./zoom.ts";
import { type TalkTarget, type TouchpointId, talkTargetOf } from "@journeymap/schema";
import { BoardMarkers } from "../talk/comments/BoardMarkers.tsx";
import { TalkButtons, TalkPanel, type TalkTab } from "../talk/comments/TalkPanel.tsx";
import { useSeen } from "../talk/comments/seen.ts";
import { TalkContext, useTalkConnection } from "../talk/useTalk.ts";
import { PresenterBanner } from "../present/PresenterBanner.tsx";

// The palette (cmdk and its dialog) loads on first use.
const CommandPalette = lazy(() => import("../commands/CommandPalette.tsx"));

function storedZoom(): number {
  const value = Number(sessionStorage.getItem("journeymap.zoom"));
  return Number.isFinite(value) && value >= 0.25 && value <= 2 ? value : 1;
}

/** Registers the board's commands and binds their shortcuts (needs the map session). */
function BoardCommands({ ui }: { ui: BoardUi }) {
  useBoardCommands(ui);
  useShortcuts();
  return null;
}

/** The role our link gives on this map: known if we created it, else asked from the server. */
function useRole(mapId: string, known: string | null): string | null {
  const [role, setRole] = useState(known);
  useEffect(() => {
    if (known) return;
    listMaps().then(
      (maps) => setRole(maps.find((m) => m.id === mapId)?.role ?? null),
      () => setRole(null),
    );
  }, [mapId, known]);
  return role;
}

function SyncedBoard({
  mapId,
  doc,
  connection,
}: {
  mapId: string;
  doc: Y.Doc;
  connection: MapConnection;
}) {
  const role = useRole(mapId, connection.role);
  const session = useMapSessionFor(doc, connection.readOnly);
  const registry = useMemo(() => new CommandRegistry(), []);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const peers = usePresence(connection.awareness, readPeers);
  const [followingId, setFollowing] = useState<number | null>(null);
  const following = peers.find((p) => p.clientId === followingId) ?? null;
  const [zoom, setZoomState] = useState(storedZoom);
  const [minimap, setMinimap] = useState(true);
  const [palette, setPalette] = useState(false);
  // A step added here, by its phase's + or a command: the board opens its name for editing.
  const [freshStep, setFreshStep] = useState<TouchpointId | null>(null);
  const [personas, setPersonas] = useState<{ open: boolean; id: string | null }>({
    open: false,
    id: null,
  });
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  // Comments and the evidence inbox (the map's talk document) in a side panel.
  const talk = useTalkConnection(mapId, connection.provider);
  const [talkTab, setTalkTab] = useState<TalkTab | null>(null);
  const [evidenceLayer, setEvidenceLayer] = useState(false);
  const [pinned, setPinned] = useState<TalkTarget | null>(null);
  const { seen, markSeen } = useSeen(mapId);
  // What we have selected on the board is what a new comment is about.
  const selection = usePresence(connection.awareness, readOwnSelection);
  const selectedTarget = (selection && talkTargetOf(selection.ref)) ?? pinned;

  const togglePersona = useCallback((personaId: string) => {
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(personaId)) next.delete(personaId);
      else next.add(personaId);
      return next;
    });
  }, []);
  const setZoom = useCallback((update: (zoom: number) => number) => {
    setZoomState((current) => {
      const next = update(current);
      sessionStorage.setItem("journeymap.zoom", String(next));
      return next;
    });
  }, []);
  const ui = useMemo(
    (): BoardUi => ({
      openPalette: () => setPalette(true),
      openPersonas: (id) => setPersonas({ open: true, id: id ?? null }),
      setZoom,
      fitToWindow: () => {
        const grid = document.querySelector<HTMLElement>(".board-grid");
        const scroller = document.getElementById("board-scroll");
        if (grid && scroller) setZoom((z) => zoomToFit(grid.scrollWidth / z, scroller.clientWidth));
      },
      toggleMinimap: () => setMinimap((m) => !m),
      togglePersona,
      hiddenPersonas: hidden,
      stepAdded: setFreshStep,
    }),
    [setZoom, togglePersona, hidden],
  );
  const openMenu = useCallback(
    (target: CommandTarget, x: number, y: number, from: HTMLElement | null) =>
      setMenu({ target, x, y, returnFocus: from }),
    [],
  );

  return (
    <CommandRegistryContext.Provider value={registry}>
      <MapSessionContext.Provider value={session}>
        <ReadOnlyContext.Provider value={connection.readOnly}>
          <ProviderContext.Provider value={connection.provider}>
            <BoardCommands ui={ui} />
            <div className={`board-page ${connection.readOnly ? "board--readonly" : ""}`}>
              {/* The whole header sees the talk document: its buttons, and Export (comments). */}
              <TalkContext.Provider value={talk}>
                <BoardHeader
                  mapId={mapId}
                  role={role}
                  connection={connection}
                  hidden={hidden}
                  onTogglePersona={(persona) => togglePersona(persona.id)}
                  onMenu={openMenu}
                  zoom={zoom}
                  tools={
                    <TalkButtons
                      open={talkTab}
                      onOpen={setTalkTab}
                      seen={seen}
                      evidenceLayer={evidenceLayer}
                      onToggleEvidence={() => setEvidenceLayer((on) => !on)}
                    />
                  }
                  people={
                    <PeopleHere
                      peers={peers}
                      following={following?.clientId ?? null}
                      onFollow={setFollowing}
                    />
                  }
                />
              </TalkContext.Provider>
              <PresenterBanner mapId={mapId} awareness={connection.awareness} />
              <BoardViews
                board={Board}
                hiddenPersonas={hidden}
                awareness={connection.awareness}
                peers={peers}
                following={following}
                onStopFollowing={() => setFollowing(null)}
                zoom={zoom}
                showMinimap={minimap}
                onMenu={openMenu}
                freshStep={freshStep}
                overlay={
                  <TalkContext.Provider value={talk}>
                    <BoardMarkers
                      zoom={zoom}
                      showAssumptions={evidenceLayer}
                      onOpenThread={(target) => {
                        setPinned(target);
                        setTalkTab("comments");
                      }}
                    />
                  </TalkContext.Provider>
                }
              />
              <ChangedSince mapId={mapId} />
            </div>
            {talkTab && (
              <TalkContext.Provider value={talk}>
                <TalkPanel
                  tab={talkTab}
                  onTab={setTalkTab}
                  onClose={() => setTalkTab(null)}
                  mapId={mapId}
                  selected={selectedTarget}
                  peers={peers.map((p) => p.name)}
                  seen={seen}
                  onSeen={markSeen}
                  canTriage={!connection.readOnly && (talk?.canWrite ?? false)}
                />
              </TalkContext.Provider>
            )}
            {menu && (
              <ContextMenu
                menu={menu}
                readOnly={connection.readOnly}
                onClose={() => setMenu(null)}
              />
            )}
            <PersonaEditor
              open={personas.open}
              initial={personas.id}
              hidden={hidden}
              onToggle={togglePersona}
              onClose={() => setPersonas({ open: false, id: null })}
            />
            {palette && (
              <Suspense fallback={null}>
                <CommandPalette
                  open={palette}
                  onOpenChange={setPalette}
                  readOnly={connection.readOnly}
                />
              </Suspense>
            )}
          </ProviderContext.Provider>
        </ReadOnlyContext.Provider>
      </MapSessionContext.Provider>
    </CommandRegistryContext.Provider>
  );
}

/** The board route: connects to the map, then shows the board once the first sync is done. */
export default function BoardPage({ mapId }: { mapId: string }) {
  const connection = useMapConnection(mapId);
  if (!connection) return null;
  if (connection.refused) {
    return (
      <div className="page">
        <div className="notice notice--error" role="alert" data-testid="board.refused">
          <strong>This map cannot be opened.</strong> {connection.refused} Ask the map's owner for a
          new link. <a href="/">All maps</a>
        </div>
      </div>
    );
  }
  if (!connection.synced) {
    return (
      <div className="page" aria-busy="true">
        <p className="page-lede">Opening the map…</p>
      </div>
    );
  }
  return <SyncedBoard mapId={mapId} doc={connection.doc} connection={connection} />;
}
