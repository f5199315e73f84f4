/**
 * The board's commands, registered for the palette, shortcuts, toolbar, context menus and the
 * board's own buttons, built by command group (commands/*). Map-dependent ones (go to a phase,
 * show a hidden lane, toggle a persona) are rebuilt when those parts of the map change.
 */
import { useMemo } from "react";
import type { Command } from "../commands/CommandRegistry.ts";
import { useCommands } from "../commands/useCommands.ts";
import { useJourneyMap, useMapSession } from "../sync/useJourneyMap.ts";
import type { BoardUi } from "./commands/boardCommandContext.ts";
import { boardCommands } from "./commands/boardCommands.ts";
import { laneShowCommands } from "./commands/laneCommands.ts";
import { personaToggleCommands } from "./commands/personaCommands.ts";
import { phaseGotoCommands } from "./commands/phaseCommands.ts";
import { useMoves } from "./useMoves.ts";

export type { BoardUi } from "./commands/boardCommandContext.ts";

export function useBoardCommands(ui: BoardUi): void {
  const { editor, reader, undo } = useMapSession();
  const { movePhase, moveTouchpoint } = useMoves();
  const phases = useJourneyMap((m) => m.phases);
  const lanes = useJourneyMap((m) => m.lanes);
  const personas = useJourneyMap((m) => m.personas);

  const fixed = useMemo(
    () => boardCommands({ editor, reader, undo, movePhase, moveTouchpoint, ui }),
    [editor, reader, undo, movePhase, moveTouchpoint, ui],
  );
  useCommands(fixed);

  const dynamic = useMemo(
    (): Command[] => [
      ...phaseGotoCommands(phases),
      ...laneShowCommands(lanes, { editor }),
      ...personaToggleCommands(personas, { ui }),
    ],
    [phases, lanes, personas, editor, ui],
  );
  useCommands(dynamic);
}
