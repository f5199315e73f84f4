/** Cards: a pain point or an opportunity, added to a step from its context menu or its cell's button. */
import type { CardKind } from "@journeymap/schema";
import type { Command } from "../../commands/CommandRegistry.ts";
import { type BoardCommandContext, targetCommand } from "./boardCommandContext.ts";

/** The command that adds a card of `kind` to its target step. */
export const ADD_CARD_COMMAND: Record<CardKind, string> = {
  painPoint: "touchpoint.addPain",
  opportunity: "touchpoint.addOpportunity",
};

export function cardCommands({ editor, ui }: BoardCommandContext): Command[] {
  const add = (kind: CardKind, article: string, noun: string) =>
    targetCommand(
      "touchpoint",
      { id: ADD_CARD_COMMAND[kind], title: `Add ${article} ${noun}` },
      ({ id }) => {
        const card = editor.addCard({ kind, touchpointId: id, title: `New ${noun}` });
        ui.added({ kind: "card", id: card });
      },
    );
  return [add("painPoint", "a", "pain point"), add("opportunity", "an", "opportunity")];
}
