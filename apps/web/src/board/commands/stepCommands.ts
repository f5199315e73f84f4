/** Steps (touchpoints): move one within its phase, delete one. */
import type { RefOf } from "@journeymap/schema";
import type { Command } from "../../commands/CommandRegistry.ts";
import { type BoardCommandContext, targetCommand } from "./boardCommandContext.ts";

export function stepCommands({ editor, reader, moveTouchpoint }: BoardCommandContext): Command[] {
  const phaseOf = (id: string) => reader.read().touchpoints.find((t) => t.id === id)?.phaseId;
  const move =
    (step: -1 | 1) =>
    ({ id }: RefOf<"touchpoint">) => {
      const p = phaseOf(id);
      if (p) moveTouchpoint(id, p, step);
    };
  return [
    targetCommand("touchpoint", { id: "touchpoint.moveLeft", title: "Move left" }, move(-1)),
    targetCommand("touchpoint", { id: "touchpoint.moveRight", title: "Move right" }, move(1)),
    targetCommand("touchpoint", { id: "touchpoint.delete", title: "Delete step" }, ({ id }) =>
      editor.deleteTouchpoint(id),
    ),
  ];
}
