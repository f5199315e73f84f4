/**
 * Phases: add one, add a step to one, move one, delete one (after a confirmation). The board's
 * own buttons (a band's + and bin, "Add phase", "Add the first step") run these too.
 */
import type { Phase } from "@journeymap/schema";
import type { Command } from "../../commands/CommandRegistry.ts";
import { askToConfirm, type ConfirmOptions } from "../../ui/confirmRequests.ts";
import { keySelector } from "../elementDom.ts";
import { type BoardCommandContext, targetCommand } from "./boardCommandContext.ts";

/** What a new step starts as. */
export const NEW_STEP = { name: "New step", channel: "website" } as const;

export function deletePhaseQuestion(phase: Phase, steps: number): ConfirmOptions {
  return {
    title: `Delete the phase “${phase.name}”?`,
    body:
      steps > 0
        ? `Its ${steps} step${steps === 1 ? "" : "s"} and everything in them go too. You can undo with Ctrl+Z.`
        : "You can undo with Ctrl+Z.",
    confirmLabel: "Delete phase",
  };
}

export function phaseCommands({ editor, reader, movePhase, ui }: BoardCommandContext): Command[] {
  return [
    {
      id: "phase.add",
      title: "Add a phase",
      group: "Edit",
      edits: true,
      keywords: ["stage", "new"],
      run: () => ui.added({ kind: "phase", id: editor.addPhase({ name: "New phase" }) }),
    },
    // Context menus: the same commands, run on what was clicked.
    targetCommand("phase", { id: "phase.addStep", title: "Add a step" }, ({ id }) =>
      ui.added({ kind: "touchpoint", id: editor.addTouchpoint({ phaseId: id, ...NEW_STEP }) }),
    ),
    targetCommand("phase", { id: "phase.moveLeft", title: "Move left" }, ({ id }) =>
      movePhase(id, -1),
    ),
    targetCommand("phase", { id: "phase.moveRight", title: "Move right" }, ({ id }) =>
      movePhase(id, 1),
    ),
    targetCommand("phase", { id: "phase.delete", title: "Delete phase…" }, ({ id }) => {
      const map = reader.read();
      const phase = map.phases.find((p) => p.id === id);
      const steps = map.touchpointsByPhase.get(id)?.length ?? 0;
      if (!phase) return;
      void askToConfirm(deletePhaseQuestion(phase, steps)).then(
        (yes) => yes && editor.deletePhase(phase.id),
      );
    }),
  ];
}

/** "Phase: <name>" in the palette's Go to: scrolls the phase's band into view. */
export function phaseGotoCommands(phases: readonly Phase[]): Command[] {
  return phases.map(
    (phase): Command => ({
      id: `goto.phase.${phase.id}`,
      title: `Phase: ${phase.name}`,
      group: "Go to",
      run: () =>
        document
          .querySelector(keySelector({ kind: "phase", id: phase.id }))
          ?.scrollIntoView({ behavior: "smooth", inline: "start", block: "nearest" }),
    }),
  );
}
