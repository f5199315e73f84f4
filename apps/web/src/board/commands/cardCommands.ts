/** Cards: a pain point or an opportunity, added to a step from its context menu. */
import type { Command } from "../../commands/CommandRegistry.ts";
import { type BoardCommandContext, targetCommand } from "./boardCommandContext.ts";

export function cardCommands({ editor }: BoardCommandContext): Command[] {
  return [
    targetCommand("touchpoint", { id: "touchpoint.addPain", title: "Add a pain point" }, ({ id }) =>
      editor.addCard({ kind: "painPoint", touchpointId: id, title: "New pain point" }),
    ),
    targetCommand(
      "touchpoint",
      { id: "touchpoint.addOpportunity", title: "Add an opportunity" },
      ({ id }) =>
        editor.addCard({ kind: "opportunity", touchpointId: id, title: "New opportunity" }),
    ),
  ];
}
