/** Cards: a pain point or an opportunity, added to a step from its context menu or its cell's button. */
import type { CardKind } from "@journeymap/schema";
import type { Command } from "../../commands/CommandRegistry.ts";
import { aCard, CARD_NOUN } from "../cardNouns.ts";
import { type BoardCommandContext, targetCommand } from "./boardCommandContext.ts";

/** The command that adds a card of `kind` to its target step. */
export const ADD_CARD_COMMAND: Record<CardKind, string> = {
  painPoint: "touchpoint.addPain",
  opportunity: "touchpoint.addOpportunity",
};

export function cardCommands({ editor, ui }: BoardCommandContext): Command[] {
  const add = (kind: CardKind) =>
    targetCommand(
      "touchpoint",
      { id: ADD_CARD_COMMAND[kind], title: `Add ${aCard(kind)}` },
      ({ id }) => {
        const card = editor.addCard({ kind, touchpointId: id, title: `New ${CARD_NOUN[kind]}` });
        ui.added({ kind: "card", id: card });
      },
    );
  return [add("painPoint"), add("opportunity")];
}
