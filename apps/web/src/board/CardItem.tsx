/**
 * A pain point or opportunity card: title, rating (severity or impact, 1–5), status and owner,
 * all editable in place; Alt+↑/↓ reorders it within its step, Alt+←/→ moves it to the
 * neighbouring step. Done and dismissed cards are muted, never hidden.
 */
import {
  type Card,
  CARD_STATUSES,
  type CardStatus,
  elementKey,
  RATING_MAX,
  RATING_MIN,
} from "@journeymap/schema";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { AlignLeft, Trash2, User } from "lucide-react";
import { type CSSProperties, type KeyboardEvent, useState } from "react";
import { useEditor, useJourneyMap, useMapSession } from "../sync/useJourneyMap.ts";
import { InlineText } from "../ui/InlineText.tsx";
import { CardAttribution } from "./CardAttribution.tsx";
import { CardDescription } from "./CardDescription.tsx";
import { CARD_NOUN } from "./cardNouns.ts";
import { DragHandle } from "./DragHandle.tsx";
import { LibraryOpportunityMark } from "./LibraryOpportunityMark.tsx";
import { useFreshName } from "./useFreshName.ts";
import { dragId } from "./dragIds.ts";
import "./CardItem.css";

export const STATUS_LABELS: Record<CardStatus, string> = {
  open: "Open",
  inProgress: "In progress",
  done: "Done",
  dismissed: "Dismissed",
};

export function CardItem({ card, siblings }: { card: Card; siblings: readonly Card[] }) {
  const editor = useEditor();
  const { reader, readOnly } = useMapSession();
  const noun = CARD_NOUN[card.kind];
  const scale = card.kind === "painPoint" ? "Severity" : "Impact";
  const ref = { kind: "card", id: card.id } as const;
  const sortable = useSortable({ id: dragId(ref), disabled: readOnly });
  const fresh = useFreshName(ref);
  const [describing, setDescribing] = useState(false);
  const hasDescription = useJourneyMap((m) =>
    Boolean(m.cardDescriptions.get(card.id)?.text.trim()),
  );
  const style: CSSProperties = {
    transform: CSS.Translate.toString(sortable.transform),
    transition: sortable.transition,
  };

  const handleKey = (event: KeyboardEvent) => {
    if (!event.altKey || readOnly) return;
    const index = siblings.indexOf(card);
    if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      const next = index + (event.key === "ArrowUp" ? -1 : 1);
      if (next < 0 || next >= siblings.length) return;
      // Cards of both kinds share the step's order: move relative to the same-kind neighbour.
      const all = reader.read().cardsByTouchpoint.get(card.touchpointId) ?? [];
      editor.moveCard(card.id, card.touchpointId, all.indexOf(siblings[next]!));
    } else if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      const steps = reader.read().touchpoints;
      const at = steps.findIndex((t) => t.id === card.touchpointId);
      const to = steps[at + (event.key === "ArrowLeft" ? -1 : 1)];
      if (!to) return;
      editor.moveCard(card.id, to.id, 0);
    } else return;
    event.preventDefault();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Alt+arrow reorders the focused card's contents
    <div
      ref={sortable.setNodeRef}
      style={style}
      className={`card hover-host card--${card.kind} card--${card.status} ${sortable.isDragging ? "is-dragging" : ""}`}
      data-testid="board.card"
      data-presence={elementKey(ref)}
      data-rating={card.rating}
      data-status={card.status}
      onKeyDown={handleKey}
    >
      <DragHandle
        sortable={sortable}
        label={`Move ${noun} ${card.title} (or Alt+Arrow keys)`}
        size={12}
        className="card-handle hover-tool"
      />
      <InlineText
        value={card.title}
        label={`${noun} title`}
        autoEdit={fresh}
        onCommit={(title) => editor.updateCard(card.id, { title })}
      />
      <CardDescription card={card} editing={describing} onEditingChange={setDescribing} />
      <div className="card-meta">
        {/* biome-ignore lint/a11y/useSemanticElements: a compact row of 1–5 rating buttons */}
        <span className="rating" role="group" aria-label={`${scale} of ${card.title}`}>
          {Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, k) => {
            const value = k + RATING_MIN;
            return (
              <button
                key={value}
                type="button"
                aria-pressed={card.rating === value}
                aria-label={`${scale} ${value} of ${RATING_MAX}`}
                className={`rating-dot ${value <= card.rating ? "is-on" : ""}`}
                disabled={readOnly}
                onClick={() => editor.updateCard(card.id, { rating: value })}
              />
            );
          })}
        </span>
        <select
          className="card-status"
          aria-label={`Status of ${card.title}`}
          value={card.status}
          disabled={readOnly}
          onChange={(e) => editor.updateCard(card.id, { status: e.target.value as CardStatus })}
        >
          {CARD_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <CardAttribution id={card.id} title={card.title} />
        {!readOnly && !describing && !hasDescription && (
          <button
            type="button"
            className="icon-btn card-describe hover-tool"
            aria-label={`Add a description to ${noun} ${card.title}`}
            title="Add a description"
            onClick={() => setDescribing(true)}
          >
            <AlignLeft size={12} />
          </button>
        )}
        <button
          type="button"
          className="icon-btn icon-btn--danger card-delete hover-tool"
          aria-label={`Delete ${noun} ${card.title}`}
          onClick={() => editor.deleteCard(card.id)}
        >
          <Trash2 size={12} />
        </button>
      </div>
      <div className="card-owner meta-line">
        <User size={11} aria-hidden="true" />
        <InlineText
          value={card.owner}
          label={`Owner of ${card.title}`}
          placeholder="Owner"
          allowEmpty
          onCommit={(owner) => editor.updateCard(card.id, { owner })}
        />
      </div>
      {card.libraryOpportunityId && <LibraryOpportunityMark card={card} />}
    </div>
  );
}
