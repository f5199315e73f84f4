/**
 * What the board's commands act on: the map session, the moves that keep order keys right,
 * and the board page's own state (palette, dialogs, zoom, shown personas). Each command group
 * (phaseCommands.ts, laneCommands.ts…) builds its commands from this.
 */
import type { MapEditor, MapReader, PhaseId, RefOf, TouchpointId } from "@journeymap/schema";
import type * as Y from "yjs";
import type {
  Command,
  CommandGroup,
  CommandTarget,
  TargetKind,
} from "../../commands/CommandRegistry.ts";
import type { NamedRef } from "../FreshElement.ts";

export interface BoardUi {
  readonly openPalette: () => void;
  readonly openPersonas: (personaId?: string) => void;
  readonly setZoom: (update: (zoom: number) => number) => void;
  readonly fitToWindow: () => void;
  readonly toggleMinimap: () => void;
  readonly togglePersona: (personaId: string) => void;
  readonly hiddenPersonas: ReadonlySet<string>;
  /** Something was just added here: the board opens its name for editing. */
  readonly added: (ref: NamedRef) => void;
}

export interface BoardCommandContext {
  readonly editor: MapEditor;
  readonly reader: MapReader;
  readonly undo: Y.UndoManager;
  readonly movePhase: (id: PhaseId, step: -1 | 1) => void;
  readonly moveTouchpoint: (id: TouchpointId, phaseId: PhaseId, step: -1 | 1) => void;
  readonly ui: BoardUi;
}

/** A targeted command's run: does `run` on the target when it is of `kind`. */
function on<K extends TargetKind>(kind: K, run: (target: RefOf<K>) => void) {
  const isKind = (target: CommandTarget): target is RefOf<K> => target.kind === kind;
  return (target?: CommandTarget) => {
    if (target && isKind(target)) run(target);
  };
}

/**
 * A command of `kind`'s context menu: it needs a target (hidden from the palette and
 * shortcuts) and runs on it. Most edit the map; those that do not say so.
 */
export function targetCommand<K extends TargetKind>(
  kind: K,
  command: { id: string; title: string; group?: CommandGroup; edits?: false },
  run: (target: RefOf<K>) => void,
): Command {
  const { group = "Edit", edits = true, ...rest } = command;
  return {
    ...rest,
    group,
    ...(edits ? { edits } : {}),
    targets: [kind],
    needsTarget: true,
    run: on(kind, run),
  };
}
