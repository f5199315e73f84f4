/**
 * A list of channels as pills, with a remove button on each and an "add" field that takes a
 * built-in channel (suggested as you type) or any name of your own ("WhatsApp"). Used for a
 * step's channels and for the cells of a channel-list lane; the caller writes the new list
 * and the schema decides what is valid, so the rules live in one place.
 */
import {
  CHANNEL_LABELS,
  CHANNELS,
  type ChannelEntry,
  channelKind,
  channelLabel,
  MAX_CHANNEL_NAME,
  MAX_CHANNELS_PER_STEP,
  validChannelList,
} from "@journeymap/schema";
import { Plus, X } from "lucide-react";
import { type KeyboardEvent, useId, useState } from "react";
import { useReadOnly } from "../ui/ReadOnlyContext.ts";
import { CHANNEL_ICONS } from "./channelIcons.tsx";
import "./ChannelListEditor.css";

export interface ChannelListEditorProps {
  readonly channels: readonly ChannelEntry[];
  /** What the list belongs to, for labels: "step Checkout". */
  readonly owner: string;
  readonly onChange: (channels: string[]) => void;
  readonly testId?: string;
}

const SUGGESTIONS = CHANNELS.filter((c) => c !== "custom").map((c) => CHANNEL_LABELS[c]);

export function ChannelPill({ entry }: { entry: ChannelEntry }) {
  const Icon = CHANNEL_ICONS[channelKind(entry)];
  return (
    <>
      <Icon size={12} aria-hidden="true" />
      <span className="channel-chip__name">{channelLabel(entry)}</span>
    </>
  );
}

/** Read-only pills (the built-in channels lane repeats what the step card edits). */
export function ChannelPills({ channels }: { channels: readonly ChannelEntry[] }) {
  if (channels.length === 0) return <span className="cell-empty">—</span>;
  return (
    // `channel-pill` marks the pills for views that hide lane text (the overview).
    <ul className="channel-list__items channel-pill" aria-label="Channels">
      {channels.map((entry) => (
        <li key={entry} className="channel-chip channel-chip--static">
          <ChannelPill entry={entry} />
        </li>
      ))}
    </ul>
  );
}

export function ChannelListEditor({ channels, owner, onChange, testId }: ChannelListEditorProps) {
  const readOnly = useReadOnly();
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const listId = useId();

  const write = (next: string[]): boolean => {
    try {
      validChannelList(next);
    } catch (e) {
      setError((e as Error).message);
      return false;
    }
    setError(null);
    onChange(next);
    return true;
  };
  const close = () => {
    setAdding(false);
    setDraft("");
    setError(null);
  };
  const handleKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      if (draft.trim() === "") close();
      else if (write([...channels, draft])) setDraft("");
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  };

  return (
    <div className="channel-list" data-testid={testId}>
      <ul className="channel-list__items" aria-label={`Channels of ${owner}`}>
        {channels.map((entry) => (
          <li key={entry} className="channel-chip" data-channel={entry}>
            <ChannelPill entry={entry} />
            {!readOnly && (
              <button
                type="button"
                className="channel-chip__remove"
                aria-label={`Remove channel ${channelLabel(entry)} from ${owner}`}
                onClick={() => write(channels.filter((c) => c !== entry))}
              >
                <X size={10} aria-hidden="true" />
              </button>
            )}
          </li>
        ))}
        {/* In the list so it flows after the last pill; not a list item for screen readers. */}
        {!readOnly && !adding && channels.length < MAX_CHANNELS_PER_STEP && (
          <li role="none" className="channel-list__add-item">
            <button
              type="button"
              className="channel-list__add"
              aria-label={`Add a channel to ${owner}`}
              title="Add a channel"
              onClick={() => setAdding(true)}
            >
              <Plus size={12} aria-hidden="true" />
            </button>
          </li>
        )}
      </ul>
      {adding && (
        <span className="channel-list__field">
          <input
            // biome-ignore lint/a11y/noAutofocus: the field opens because the person asked to add a channel
            autoFocus
            className="channel-list__input"
            aria-label={`New channel for ${owner}: a channel or a name of your own`}
            placeholder="Channel…"
            list={listId}
            maxLength={MAX_CHANNEL_NAME + 1}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={handleKey}
            onBlur={() => {
              if (draft.trim() === "" || write([...channels, draft])) close();
            }}
          />
          <datalist id={listId}>
            {SUGGESTIONS.map((label) => (
              <option key={label} value={label} />
            ))}
          </datalist>
        </span>
      )}
      {error && (
        <span className="channel-list__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
