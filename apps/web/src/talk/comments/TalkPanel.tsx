/**
 * The right-hand panel with the map's conversation: Comments and the evidence Inbox, and the
 * header buttons that open it (with the count of unread comments and of untriaged items).
 */
import { type TalkTarget, unreadCount } from "@journeymap/schema";
import { FileSearch, Inbox, MessageSquare, X } from "lucide-react";
import { InboxPanel, effectiveStatus } from "../inbox/InboxPanel.tsx";
import { useTalk, useTalkSession } from "../useTalk.ts";
import { useJourneyMap } from "../../sync/useJourneyMap.ts";
import { CommentsPanel } from "./CommentsPanel.tsx";
import { TalkToggle } from "./TalkToggle.tsx";
import "./TalkPanel.css";

export type TalkTab = "comments" | "inbox";

export function TalkButtons({
  open,
  onOpen,
  seen,
  evidenceLayer,
  onToggleEvidence,
}: {
  open: TalkTab | null;
  onOpen: (tab: TalkTab | null) => void;
  seen: Readonly<Record<string, number>>;
  evidenceLayer: boolean;
  onToggleEvidence: () => void;
}) {
  const talk = useTalk();
  const session = useTalkSession();
  const evidenceIds = useJourneyMap((m) => m.evidence);
  const ids = new Set(evidenceIds.map((e) => e.id as string));
  const me = session?.me ?? "";
  const unread = talk.threads
    .filter((t) => !t.resolved)
    .reduce((n, t) => n + unreadCount(t, me, seen), 0);
  const untriaged = talk.inbox.filter((i) => effectiveStatus(i, ids) === "new").length;
  const toggle = (tab: TalkTab) => onOpen(open === tab ? null : tab);
  return (
    <>
      <button
        type="button"
        className="icon-btn"
        aria-pressed={evidenceLayer}
        aria-label="Show which steps rest on evidence and which on assumptions"
        title="Evidence layer: mark steps without evidence as assumptions"
        data-testid="board.evidence-layer"
        onClick={onToggleEvidence}
      >
        <FileSearch size={16} />
      </button>
      <TalkToggle
        icon={MessageSquare}
        title="Comments"
        label={unread > 0 ? `Comments, ${unread} unread` : "Comments"}
        pressed={open === "comments"}
        count={unread}
        testId="board.comments"
        countTestId="board.comments-unread"
        onClick={() => toggle("comments")}
      />
      <TalkToggle
        icon={Inbox}
        title="Evidence inbox"
        label={untriaged > 0 ? `Inbox, ${untriaged} to triage` : "Inbox"}
        pressed={open === "inbox"}
        count={untriaged}
        testId="board.inbox"
        countTestId="board.inbox-count"
        onClick={() => toggle("inbox")}
      />
    </>
  );
}

export function TalkPanel({
  tab,
  onTab,
  onClose,
  mapId,
  selected,
  peers,
  seen,
  onSeen,
  canTriage,
}: {
  tab: TalkTab;
  onTab: (tab: TalkTab) => void;
  onClose: () => void;
  mapId: string;
  selected: TalkTarget | null;
  peers: readonly string[];
  seen: Readonly<Record<string, number>>;
  onSeen: (threadId: string, at: number) => void;
  canTriage: boolean;
}) {
  return (
    <aside className="talk-panel" aria-label={tab === "comments" ? "Comments" : "Inbox"}>
      <header className="talk-panel-head">
        {/* biome-ignore lint/a11y/useSemanticElements: tabs of one panel */}
        <div className="segmented" role="group" aria-label="Panel">
          <button type="button" aria-pressed={tab === "comments"} onClick={() => onTab("comments")}>
            <MessageSquare size={14} /> Comments
          </button>
          <button type="button" aria-pressed={tab === "inbox"} onClick={() => onTab("inbox")}>
            <Inbox size={14} /> Inbox
          </button>
        </div>
        <button type="button" className="icon-btn" aria-label="Close panel" onClick={onClose}>
          <X size={16} />
        </button>
      </header>
      {tab === "comments" ? (
        <CommentsPanel
          selected={selected}
          peers={peers}
          mapId={mapId}
          seen={seen}
          onSeen={onSeen}
        />
      ) : (
        <InboxPanel mapId={mapId} canTriage={canTriage} />
      )}
    </aside>
  );
}
