import { useCallback, useEffect, useMemo, useState } from "react";
import type * as Y from "yjs";
import { GuestNameDialog } from "../account/GuestNameDialog.tsx";
import { useGuestName } from "../account/useGuestName.ts";
import { listMaps } from "../api/mapsApi.ts";
import { type CommandTarget, CommandRegistry } from "../commands/CommandRegistry.ts";
import type { OpenMenu } from "../commands/ContextMenu.tsx";
import { CommandRegistryContext, useShortcuts } from "../commands/useCommands.ts";
import { FreshnessLayer } from "../freshness/FreshnessLayer.tsx";
import { FreshnessPanel } from "../freshness/FreshnessPanel.tsx";
import { ChangedSince } from "../history/ChangedSince.tsx";
import { RestoreNotice } from "../history/RestoreNotice.tsx";
import { PresenterBanner } from "../present/PresenterBanner.tsx";
import { discardEarlyConnection } from "../sync/earlyConnection.ts";
import { readPeers } from "../sync/presence/presenceState.ts";
import { usePresence } from "../sync/presence/usePresence.ts";
import { MapSessionContext, useMapSessionFor } from "../sync/useJourneyMap.ts";
import { type MapConnection, useMapConnection } from "../sync/useMapConnection.ts";
import { useLinkToken } from "../sync/useLinkToken.ts";
import { BoardMarkers } from "../talk/comments/BoardMarkers.tsx";
import { TalkButtons } from "../talk/comments/TalkPanel.tsx";
import { TalkContext } from "../talk/useTalk.ts";
import { useVoteSession } from "../votes/useVoteSession.ts";
import { VoteButton } from "../votes/VoteButton.tsx";
import { VoteContext } from "../votes/VoteContext.ts";
import { VotePanel } from "../votes/VotePanel.tsx";
import { ReadOnlyContext } from "../ui/ReadOnlyContext.ts";
import { BoardViews } from "../views/BoardViews.tsx";
import { SubJourneyLayer } from "../hierarchy/SubJourneyLayer.tsx";
import { AccessEndedNotice } from "./AccessEndedNotice.tsx";
import { AttributionContext, useAttributionCacheFor } from "./AttributionContext.ts";
import { DeletedWhileEditingNotice } from "./DeletedWhileEditingNotice.tsx";
import { Board } from "./Board.tsx";
import { BoardHeader } from "./BoardHeader.tsx";
import { BoardMinimap } from "./BoardMinimap.tsx";
import { BoardOverlays } from "./BoardOverlays.tsx";
import { MapRouteGate } from "./MapRouteGate.tsx";
import { OverwrittenNotices } from "./OverwrittenNotices.tsx";
import { PeopleHere } from "./PeopleHere.tsx";
import { PersonaChips } from "./PersonaChips.tsx";
import { ProviderContext } from "./ProviderContext.ts";
import { type BoardUi, useBoardCommands } from "./useBoardCommands.ts";
import { useBoardTalk } from "./useBoardTalk.ts";
import { useBoardUi } from "./useBoardUi.ts";
import { FreshElementContext } from "./useFreshName.ts";
import { FocusFromUrl } from "./useFocusFromUrl.ts";

/** Registers the board's commands and binds their shortcuts (needs the map session). */
function BoardCommands({ ui }: { ui: BoardUi }) {
  useBoardCommands(ui);
  useShortcuts();
  return null;
}

/**
 * Our role on this map: what the server told the talk connection (a link's role, or our
 * account's), else what we know of our link (asked from the server when we do not).
 */
function useRole(mapId: string, told: string | null, known: string | null): string | null {
  const [looked, setLooked] = useState<string | null>(null);
  useEffect(() => {
    if (told || known) return;
    listMaps().then(
      (maps) => setLooked(maps.find((m) => m.id === mapId)?.role ?? null),
      () => setLooked(null),
    );
  }, [mapId, told, known]);
  return told ?? known ?? looked;
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
  const session = useMapSessionFor(doc, connection.readOnly);
  const registry = useMemo(() => new CommandRegistry(), []);
  const view = useBoardUi();
  const { hidden, togglePersona, zoom } = view;
  const peers = usePresence(connection.awareness, readPeers);
  const [followingId, setFollowing] = useState<number | null>(null);
  const following = peers.find((p) => p.clientId === followingId) ?? null;
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const talk = useBoardTalk(mapId, connection);
  const role = useRole(mapId, talk.talk?.role ?? null, connection.role);
  const votes = useVoteSession(mapId, talk.talk, connection);
  const attribution = useAttributionCacheFor(mapId, doc);
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
            <AttributionContext.Provider value={attribution}>
              <FreshElementContext.Provider value={view.fresh}>
                <FreshnessLayer mapId={mapId}>
                  <BoardCommands ui={view.ui} />
                  <VoteContext.Provider value={votes}>
                    <div className={`board-page ${connection.readOnly ? "board--readonly" : ""}`}>
                      {/* The whole header sees the talk document: its buttons, and Export (comments). */}
                      <TalkContext.Provider value={talk.talk}>
                        <BoardHeader
                          mapId={mapId}
                          role={role}
                          connection={connection}
                          hidden={hidden}
                          zoom={zoom}
                          tools={
                            <>
                              <FreshnessPanel />
                              <VoteButton />
                              <TalkButtons
                                open={talk.talkTab}
                                onOpen={talk.setTalkTab}
                                seen={talk.seen}
                                evidenceLayer={talk.evidenceLayer}
                                onToggleEvidence={talk.toggleEvidence}
                              />
                            </>
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
                      {connection.ended && <AccessEndedNotice why={connection.ended} doc={doc} />}
                      <PresenterBanner mapId={mapId} awareness={connection.awareness} />
                      <SubJourneyLayer mapId={mapId} />
                      <FocusFromUrl zoom={zoom} />
                      <BoardViews
                        board={Board}
                        boardBar={
                          <>
                            <PersonaChips
                              hidden={hidden}
                              readOnly={connection.readOnly}
                              onToggle={(persona) => togglePersona(persona.id)}
                              onMenu={openMenu}
                            />
                            <BoardMinimap
                              shown={view.minimap}
                              hiddenPersonas={hidden}
                              onToggle={view.ui.toggleMinimap}
                            />
                          </>
                        }
                        hiddenPersonas={hidden}
                        awareness={connection.awareness}
                        peers={peers}
                        following={following}
                        onStopFollowing={() => setFollowing(null)}
                        zoom={zoom}
                        onZoom={view.ui.setZoom}
                        onMenu={openMenu}
                        freshStep={view.freshStep}
                        overlay={
                          <TalkContext.Provider value={talk.talk}>
                            <BoardMarkers
                              zoom={zoom}
                              showAssumptions={talk.evidenceLayer}
                              onOpenThread={talk.openThread}
                            />
                          </TalkContext.Provider>
                        }
                      />
                      <ChangedSince mapId={mapId} />
                      <OverwrittenNotices awareness={connection.awareness} />
                      <RestoreNotice mapId={mapId} />
                      <DeletedWhileEditingNotice awareness={connection.awareness} />
                      <VotePanel />
                    </div>
                  </VoteContext.Provider>
                  <BoardOverlays
                    mapId={mapId}
                    readOnly={connection.readOnly}
                    peerNames={peers.map((p) => p.name)}
                    view={view}
                    talk={talk}
                    menu={menu}
                    onCloseMenu={() => setMenu(null)}
                  />
                </FreshnessLayer>
              </FreshElementContext.Provider>
            </AttributionContext.Provider>
          </ProviderContext.Provider>
        </ReadOnlyContext.Provider>
      </MapSessionContext.Provider>
    </CommandRegistryContext.Provider>
  );
}

/** Connects to the map, then shows the board once the first sync is done. */
function ConnectedBoard({ mapId }: { mapId: string }) {
  const connection = useMapConnection(mapId);
  return (
    <MapRouteGate
      connection={connection}
      advice="Ask the map's owner for a new link."
      refusedTestId="board.refused"
      opening="Opening the map…"
    >
      {(synced) => <SyncedBoard mapId={mapId} doc={synced.doc} connection={synced} />}
    </MapRouteGate>
  );
}

/**
 * The board route. A share link's token is settled first (so "Sign in instead" does not lose
 * it); then a guest who came by a link without an account says who they are, since their name
 * is fixed for the connection; then the board connects.
 */
export default function BoardPage({ mapId }: { mapId: string }) {
  const settled = useLinkToken(mapId);
  const guest = useGuestName();
  // A connection opened early (sync/openEarly.ts) is there as "Guest": a guest asked for a
  // name must not stay on the map as that meanwhile, nor keep it after giving theirs.
  useEffect(() => {
    if (guest.state === "ask") discardEarlyConnection();
  }, [guest.state]);
  if (!settled || guest.state === "unknown") return null;
  if (guest.state === "ask") return <GuestNameDialog mapId={mapId} onName={guest.setName} />;
  return <ConnectedBoard mapId={mapId} />;
}
