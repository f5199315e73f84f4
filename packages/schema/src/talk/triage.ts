/**
 * Accepting a contribution: the evidence goes into the MAP document (in the editor's browser,
 * with the editor's origin, so it is undoable and attributed to them) and the decision into
 * the talk document. Ids of what accept creates are derived from the item id, so two editors
 * accepting the same item at once write the same entities and converge on one copy instead
 * of duplicating the evidence.
 */
import * as Y from "yjs";
import type { CardId, EvidenceId, TouchpointId } from "../ids.ts";
import { addCard } from "../mutations/cards.ts";
import { addEvidence } from "../mutations/evidence.ts";
import type { MutationContext } from "../mutations/transact.ts";
import { type Decider, markAccepted } from "./inbox.ts";
import { readInboxItem } from "./readTalk.ts";
import { TALK_ROOT } from "./layout.ts";
import type { InboxItem, TriageOutcome } from "./Talk.ts";

export type TriageChoice =
  /** Evidence on a touchpoint. */
  | { readonly kind: "touchpoint"; readonly touchpointId: string }
  /** A new pain point on a touchpoint, backed by the contribution. */
  | { readonly kind: "newPainPoint"; readonly touchpointId: string; readonly title?: string }
  /** Evidence on an existing pain point. */
  | { readonly kind: "painPoint"; readonly cardId: string };

export function evidenceIdFor(itemId: string): EvidenceId {
  return `ev_${itemId}` as EvidenceId;
}

export function painPointIdFor(itemId: string): CardId {
  return `pp_${itemId}` as CardId;
}

function readItem(talkDoc: Y.Doc, itemId: string): InboxItem {
  const value = talkDoc.getMap(TALK_ROOT.inbox).get(itemId);
  if (!(value instanceof Y.Map)) throw new RangeError(`No such inbox item: ${itemId}`);
  return readInboxItem(itemId, value);
}

/** A pain point's title from a contribution: its first line, shortened at a word. */
export function titleFrom(text: string, max = 80): string {
  const line = text.trim().split("\n")[0] ?? "";
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  // Cut at the last space, unless the cut already ends a word.
  const space = line.charAt(max - 1) === " " ? cut.length : cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

export function acceptInboxItem(
  mapDoc: Y.Doc,
  talkDoc: Y.Doc,
  itemId: string,
  choice: TriageChoice,
  by: Decider,
  ctx: MutationContext,
): TriageOutcome {
  const item = readItem(talkDoc, itemId);
  if (item.status !== "new") throw new RangeError("This contribution has already been triaged");
  const evidenceId = evidenceIdFor(itemId);
  const fields = {
    kind: item.kind,
    text: item.text,
    source: item.source,
    url: item.url,
    contributor: item.contributor,
    team: item.team,
    sentiment: item.sentiment,
  };
  // The evidence keeps the date it was contributed, not the date it was triaged.
  const at = (id: string): MutationContext => ({
    origin: ctx.origin,
    ids: () => id,
    now: () => item.submittedAt,
  });
  let outcome: TriageOutcome;
  if (choice.kind === "touchpoint") {
    addEvidence(
      mapDoc,
      { ...fields, target: { kind: "touchpoint", id: choice.touchpointId } },
      at(evidenceId),
    );
    outcome = { kind: "touchpoint", touchpointId: choice.touchpointId, evidenceId };
  } else if (choice.kind === "painPoint") {
    addEvidence(mapDoc, { ...fields, target: { kind: "card", id: choice.cardId } }, at(evidenceId));
    outcome = { kind: "painPoint", cardId: choice.cardId, evidenceId, created: false };
  } else {
    const cardId = painPointIdFor(itemId);
    mapDoc.transact(() => {
      addCard(
        mapDoc,
        {
          kind: "painPoint",
          touchpointId: choice.touchpointId as TouchpointId,
          title: choice.title?.trim() || titleFrom(item.text),
        },
        at(cardId),
      );
      addEvidence(mapDoc, { ...fields, target: { kind: "card", id: cardId } }, at(evidenceId));
    }, ctx.origin);
    outcome = { kind: "painPoint", cardId, evidenceId, created: true };
  }
  markAccepted(talkDoc, itemId, by, outcome, ctx);
  return outcome;
}
