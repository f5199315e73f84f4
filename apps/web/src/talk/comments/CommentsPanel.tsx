/**
 * The comments panel: start a thread on whatever is selected on the board, reply with
 * @mentions, resolve and reopen, filter by open / resolved / person. Unread comments (by
 * others, since this browser last showed the thread) are marked. Writes go to the talk
 * document, so commenters can take part while the map stays read-only for them.
 */
import {
  elementLabel,
  elementOfTalkTarget,
  filterThreads,
  findMentions,
  type JourneyMap,
  LOCAL_ORIGIN,
  peopleIn,
  reopenThread,
  replyToThread,
  resolveThread,
  startThread,
  type TalkTarget,
  type Thread,
  type ThreadFilter,
  unreadCount,
} from "@journeymap/schema";
import { isGuestId } from "@journeymap/protocol";
import { CheckCircle2, MessageSquarePlus, RotateCcw, Send } from "lucide-react";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useJourneyMap } from "../../sync/useJourneyMap.ts";
import { useTalk, useTalkSession } from "../useTalk.ts";
import { GuestMark } from "../../ui/GuestMark.tsx";
import { initials } from "../../ui/initials.ts";
import { completeMention, mentionSuggestions } from "./mentionInput.ts";
import "../../ui/avatar.css";
import "./TalkPanel.css";
import "./CommentsPanel.css";

const CTX = { origin: LOCAL_ORIGIN };

/** What a thread is about, named for people (readTalk drops threads with malformed targets). */
function targetLabel(map: JourneyMap, target: TalkTarget): string {
  const ref = elementOfTalkTarget(target);
  return ref ? elementLabel(map, ref) : `${target.kind} (deleted)`;
}

function when(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** Comment text with @mentions emphasised. */
function Text({ text, mentions }: { text: string; mentions: readonly string[] }) {
  if (mentions.length === 0) return <>{text}</>;
  const pattern = new RegExp(
    `(@(?:${mentions.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")}))`,
    "gi",
  );
  return (
    <>
      {text.split(pattern).map((part, i) =>
        i % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string
          <mark key={i} className="mention">
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </>
  );
}

function Composer({
  placeholder,
  people,
  onSend,
  testId,
}: {
  placeholder: string;
  people: readonly string[];
  onSend: (text: string, mentions: string[]) => void;
  testId: string;
}) {
  const [text, setText] = useState("");
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const suggestions = dismissed ? [] : mentionSuggestions(text, caret, people);
  const send = () => {
    if (text.trim() === "") return;
    onSend(text, findMentions(text, people));
    setText("");
    setCaret(0);
  };
  const pick = (name: string) => {
    const next = completeMention(text, caret, name);
    setText(next.text);
    setCaret(next.caret);
    setActive(0);
    requestAnimationFrame(() => area.current?.setSelectionRange(next.caret, next.caret));
  };
  const track = (el: HTMLTextAreaElement) => {
    setCaret(el.selectionStart);
    setDismissed(false);
  };
  return (
    <div className="composer">
      <textarea
        ref={area}
        value={text}
        rows={2}
        placeholder={placeholder}
        aria-label={placeholder}
        data-testid={testId}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={suggestions.length > 0}
        aria-controls={listId}
        aria-activedescendant={suggestions.length > 0 ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          track(e.target);
          setActive(0);
        }}
        onSelect={(e) => track(e.currentTarget)}
        onKeyDown={(e) => {
          if (suggestions.length > 0) {
            const n = suggestions.length;
            if (e.key === "ArrowDown" || e.key === "ArrowUp") {
              e.preventDefault();
              setActive((a) => (a + (e.key === "ArrowDown" ? 1 : n - 1)) % n);
              return;
            }
            if ((e.key === "Enter" && !e.metaKey && !e.ctrlKey) || e.key === "Tab") {
              e.preventDefault();
              pick(suggestions[Math.min(active, n - 1)] as string);
              return;
            }
            if (e.key === "Escape") {
              e.preventDefault();
              setDismissed(true);
              return;
            }
          }
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            send();
          }
        }}
      />
      <button
        type="button"
        className="icon-btn"
        aria-label="Send"
        title="Send (Ctrl+Enter)"
        disabled={text.trim() === ""}
        onClick={send}
      >
        <Send size={16} />
      </button>
      {suggestions.length > 0 && (
        <div className="mention-list" id={listId} role="listbox" aria-label="People to mention">
          {suggestions.map((name, i) => (
            <div
              key={name}
              id={`${listId}-${i}`}
              role="option"
              // Options of a combobox are not focused: the textarea keeps the focus and points
              // at the active one (aria-activedescendant); arrows and Enter pick.
              tabIndex={-1}
              aria-selected={i === active}
              className="mention-option"
              data-testid="comments.mention-option"
              // Keep the textarea's focus (and caret) while picking with the mouse.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(name);
              }}
            >
              <span className="avatar avatar--sm" aria-hidden="true">
                {initials(name)}
              </span>
              {name}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

function ThreadCard({
  thread,
  label,
  unread,
  people,
  onSeen,
}: {
  thread: Thread;
  label: string;
  unread: number;
  people: readonly string[];
  onSeen: () => void;
}) {
  const session = useTalkSession();
  const canWrite = session?.canWrite ?? false;
  const canModerate = canWrite && (session?.canModerate ?? false);
  useEffect(() => {
    if (unread === 0) return;
    // Shown for a moment: counts as read.
    const t = setTimeout(onSeen, 1500);
    return () => clearTimeout(t);
  }, [unread, onSeen]);
  return (
    <article
      className={`thread ${thread.resolved ? "thread--resolved" : ""}`}
      data-testid="comments.thread"
      aria-label={`Thread on ${label}`}
    >
      <header className="thread-head">
        <span className="thread-target">{label}</span>
        {unread > 0 && (
          <span className="badge badge--accent" data-testid="comments.unread">
            {unread} new
          </span>
        )}
        {canModerate &&
          (thread.resolved ? (
            <button
              type="button"
              className="btn btn--ghost"
              onClick={() => session && reopenThread(session.doc, thread.id, CTX)}
            >
              <RotateCcw size={14} /> Reopen
            </button>
          ) : (
            <button
              type="button"
              className="btn btn--ghost"
              data-testid="comments.resolve"
              onClick={() => session && resolveThread(session.doc, thread.id, session.author, CTX)}
            >
              <CheckCircle2 size={14} /> Resolve
            </button>
          ))}
      </header>
      <ol className="comments">
        {thread.comments.map((c) => (
          <li key={c.id} className="comment">
            <span className="avatar avatar--sm" aria-hidden="true">
              {initials(c.author || "?")}
            </span>
            <div>
              <div className="comment-meta">
                <strong>{c.author || "Someone"}</strong>
                <GuestMark guest={isGuestId(c.authorId)} /> <time>{when(c.createdAt)}</time>
              </div>
              <p className="comment-text" data-testid="comments.text">
                <Text text={c.text} mentions={c.mentions} />
              </p>
            </div>
          </li>
        ))}
      </ol>
      {thread.resolved && (
        <p className="thread-resolved meta-line">
          <CheckCircle2 size={14} aria-hidden="true" /> Resolved by {thread.resolved.by} ·{" "}
          {when(thread.resolved.at)}
        </p>
      )}
      {canWrite && (
        <Composer
          placeholder="Reply… (@ to mention)"
          people={people}
          testId="comments.reply"
          onSend={(text, mentions) =>
            session &&
            replyToThread(session.doc, thread.id, { author: session.author, text, mentions }, CTX)
          }
        />
      )}
    </article>
  );
}

export function CommentsPanel({
  selected,
  peers,
  mapId,
  seen,
  onSeen,
}: {
  selected: TalkTarget | null;
  /** Names of the people here now (for @mentions). */
  peers: readonly string[];
  mapId: string;
  seen: Readonly<Record<string, number>>;
  onSeen: (threadId: string, at: number) => void;
}) {
  const session = useTalkSession();
  const talk = useTalk();
  const map = useJourneyMap((m) => m);
  const [filter, setFilter] = useState<ThreadFilter>({ status: "open", person: null });
  const people = useMemo(
    () => [...new Set([...peers, ...peopleIn(talk.threads)])].sort(),
    [peers, talk.threads],
  );
  const shown = filterThreads(
    selected && filter.status !== "resolved"
      ? // The selected item's threads first.
        [...talk.threads].sort(
          (a, b) =>
            Number(b.target.id === selected.id && b.target.kind === selected.kind) -
            Number(a.target.id === selected.id && a.target.kind === selected.kind),
        )
      : talk.threads,
    filter,
  );
  const me = session?.me ?? "Guest";
  void mapId;
  return (
    <div className="talk-panel-body">
      <div className="panel-filters">
        {/* biome-ignore lint/a11y/useSemanticElements: a segmented control */}
        <div className="segmented" role="group" aria-label="Show">
          {(["open", "resolved", "all"] as const).map((status) => (
            <button
              key={status}
              type="button"
              aria-pressed={filter.status === status}
              onClick={() => setFilter({ ...filter, status })}
            >
              {status === "open" ? "Open" : status === "resolved" ? "Resolved" : "All"}
            </button>
          ))}
        </div>
        <select
          aria-label="Person"
          value={filter.person ?? ""}
          onChange={(e) => setFilter({ ...filter, person: e.target.value || null })}
        >
          <option value="">Everyone</option>
          {people.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      {session?.canWrite && (
        <section className="new-thread" aria-label="New comment">
          {selected ? (
            <>
              <p className="panel-hint">
                <MessageSquarePlus size={14} aria-hidden="true" /> Comment on{" "}
                <strong>{targetLabel(map, selected)}</strong>
              </p>
              <Composer
                placeholder="Add a comment… (@ to mention)"
                people={people}
                testId="comments.new"
                onSend={(text, mentions) =>
                  session &&
                  startThread(
                    session.doc,
                    selected,
                    { author: session.author, text, mentions },
                    CTX,
                  )
                }
              />
            </>
          ) : (
            <p className="panel-hint">
              Select a phase, step, card, cell or curve point on the board to comment on it.
            </p>
          )}
        </section>
      )}
      {!session?.canWrite && session?.synced && (
        <p className="panel-hint">This link can read comments but not write them.</p>
      )}
      {shown.length === 0 ? (
        <p className="panel-empty">
          {filter.status === "resolved" ? "No resolved threads." : "No open threads."}
        </p>
      ) : (
        shown.map((t) => (
          <ThreadCard
            key={t.id}
            thread={t}
            label={targetLabel(map, t.target)}
            unread={unreadCount(t, me, seen)}
            people={people}
            onSeen={() => onSeen(t.id, t.lastActivity)}
          />
        ))
      )}
    </div>
  );
}
