/**
 * All of the board's fixed commands, in registration order: what the palette lists per group
 * and each context menu per target kind (general and view commands, then phases, personas,
 * lanes, cards and steps).
 */
import type { Command } from "../../commands/CommandRegistry.ts";
import type { BoardCommandContext } from "./boardCommandContext.ts";
import { cardCommands } from "./cardCommands.ts";
import { generalCommands } from "./generalCommands.ts";
import { laneCommands } from "./laneCommands.ts";
import { personaCommands } from "./personaCommands.ts";
import { phaseCommands } from "./phaseCommands.ts";
import { stepCommands } from "./stepCommands.ts";
import { viewCommands } from "./viewCommands.ts";

export function boardCommands(context: BoardCommandContext): Command[] {
  return [
    ...generalCommands(context),
    ...viewCommands(context),
    ...phaseCommands(context),
    ...personaCommands(context),
    ...laneCommands(context),
    ...cardCommands(context),
    ...stepCommands(context),
  ];
}
