/**
 * A pain point's or opportunity's rich-text description, under its title: shown when it has
 * one, edited in place with the same collaborative editor as the lanes' cells. The text is
 * the card's own fragment (a root type, see the schema's layout), so two people can type in
 * it at once and undoing the card's delete brings it back.
 */
import type { Card } from "@journeymap/schema";
import { lazy, Suspense, useContext } from "react";
import { useJourneyMap, useMapSession } from "../sync/useJourneyMap.ts";
import { RichText } from "../ui/RichText.tsx";
import { CARD_NOUN } from "./cardNouns.ts";
import { ProviderContext } from "./ProviderContext.ts";
import { useTypeAhead } from "./useTypeAhead.ts";
import "./CardDescription.css";

const CellEditor = lazy(() => import("./CellEditor.tsx"));

export interface CardDescriptionProps {
  readonly card: Card;
  readonly editing: boolean;
  readonly onEditingChange: (editing: boolean) => void;
}

export function CardDescription({ card, editing, onEditingChange }: CardDescriptionProps) {
  const description = useJourneyMap((m) => m.cardDescriptions.get(card.id));
  const { editor, readOnly } = useMapSession();
  const provider = useContext(ProviderContext);
  const typedAhead = useTypeAhead(editing);
  const label = `Description of ${CARD_NOUN[card.kind]} ${card.title}`;
  if (editing && !readOnly) {
    return (
      <div className="card-description card-description--editing">
        <Suspense fallback={<div className="card-description__text">{description?.text}</div>}>
          <CellEditor
            fragment={editor.cardDescription(card.id)}
            provider={provider}
            label={label}
            takeTypedAhead={typedAhead}
            onDone={() => onEditingChange(false)}
          />
        </Suspense>
      </div>
    );
  }
  if (!description?.text.trim()) return null;
  if (readOnly) {
    return (
      <RichText content={description.content} className="card-description card-description__text" />
    );
  }
  return (
    <button
      type="button"
      className="card-description card-description__text"
      data-testid="board.card-description"
      aria-label={`Edit ${label}`}
      onClick={() => onEditingChange(true)}
    >
      <RichText content={description.content} links="text" />
    </button>
  );
}
