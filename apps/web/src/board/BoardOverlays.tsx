import { lazy, Suspense } from "react";
import { ContextMenu, type OpenMenu } from "../commands/ContextMenu.tsx";
import { AttributionLine } from "./AttributionLine.tsx";
import { TalkPanel } from "../talk/comments/TalkPanel.tsx";
import { TalkContext } from "../talk/useTalk.ts";
import { PersonaEditor } from "./PersonaEditor.tsx";
import type { BoardTalk } from "./useBoardTalk.ts";
import type { BoardUiState } from "./useBoardUi.ts";

// The palette (cmdk and its dialog) loads on first use.
const CommandPalette = lazy(() => import("../commands/CommandPalette.tsx"));

/** What opens over the board: the talk panel, a context menu, the persona editor, the palette. */
export function BoardOverlays({
  mapId,
  readOnly,
  peerNames,
  view,
  talk,
  menu,
  onCloseMenu,
}: {
  mapId: string;
  readOnly: boolean;
  peerNames: readonly string[];
  view: BoardUiState;
  talk: BoardTalk;
  menu: OpenMenu | null;
  onCloseMenu: () => void;
}) {
  return (
    <>
      {talk.talkTab && (
        <TalkContext.Provider value={talk.talk}>
          <TalkPanel
            tab={talk.talkTab}
            onTab={talk.setTalkTab}
            onClose={() => talk.setTalkTab(null)}
            mapId={mapId}
            selected={talk.selectedTarget}
            peers={peerNames}
            seen={talk.seen}
            onSeen={talk.markSeen}
            canTriage={!readOnly && (talk.talk?.canWrite ?? false)}
          />
        </TalkContext.Provider>
      )}
      {menu && (
        <ContextMenu
          menu={menu}
          readOnly={readOnly}
          onClose={onCloseMenu}
          footer={
            menu.target.kind === "touchpoint" ? <AttributionLine target={menu.target} /> : null
          }
        />
      )}
      <PersonaEditor
        mapId={mapId}
        open={view.personas.open}
        initial={view.personas.id}
        hidden={view.hidden}
        onToggle={view.togglePersona}
        onClose={view.closePersonas}
      />
      {view.palette && (
        <Suspense fallback={null}>
          <CommandPalette open={view.palette} onOpenChange={view.setPalette} readOnly={readOnly} />
        </Suspense>
      )}
    </>
  );
}
