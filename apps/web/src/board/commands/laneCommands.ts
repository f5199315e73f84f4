/** Lanes: add one, move one up or down, hide or show one, delete a custom one (after a confirmation). */
import type { Lane, RefOf } from "@journeymap/schema";
import type { Command } from "../../commands/CommandRegistry.ts";
import { askToConfirm } from "../../ui/confirmRequests.ts";
import { type BoardCommandContext, targetCommand } from "./boardCommandContext.ts";

/** The index one step up or down from lane `id`, or null at either end. */
const laneIndex = (ids: readonly string[], id: string, step: -1 | 1) => {
  const at = ids.indexOf(id);
  const next = at + step;
  return at < 0 || next < 0 || next >= ids.length ? null : next;
};

/** The id of the command that shows a hidden lane again. */
export const showLaneCommandId = (laneId: string) => `lane.show.${laneId}`;

export function laneCommands({ editor, reader, ui }: BoardCommandContext): Command[] {
  const laneIds = () => reader.read().lanes.map((l) => l.id);
  const move =
    (step: -1 | 1) =>
    ({ id }: RefOf<"lane">) => {
      const i = laneIndex(laneIds(), id, step);
      if (i !== null) editor.moveLane(id, i);
    };
  return [
    {
      id: "lane.add",
      title: "Add a lane",
      group: "Edit",
      edits: true,
      keywords: ["row", "swimlane", "new"],
      run: () => ui.added({ kind: "lane", id: editor.addLane({ name: "Notes" }) }),
    },
    targetCommand("lane", { id: "lane.moveUp", title: "Move up" }, move(-1)),
    targetCommand("lane", { id: "lane.moveDown", title: "Move down" }, move(1)),
    targetCommand("lane", { id: "lane.hide", title: "Hide lane" }, ({ id }) =>
      editor.updateLane(id, { hidden: true }),
    ),
    targetCommand("lane", { id: "lane.delete", title: "Delete lane…" }, ({ id }) => {
      const lane = reader.read().lanes.find((l) => l.id === id);
      if (!lane) return;
      // A standard lane cannot go (the board draws it); hiding it is what the person can do.
      const standard = lane.kind !== "text";
      void askToConfirm(
        standard
          ? {
              title: `“${lane.name}” is one of the standard lanes`,
              body: "Standard lanes cannot be deleted, but you can hide it and show it again later.",
              confirmLabel: "Hide lane",
              destructive: false,
            }
          : {
              title: `Delete the lane “${lane.name}”?`,
              body: "Its text in every step goes too. You can undo with Ctrl+Z.",
              confirmLabel: "Delete lane",
            },
      ).then((yes) => {
        if (yes && standard) editor.updateLane(id, { hidden: true });
        else if (yes) editor.deleteLane(id);
      });
    }),
  ];
}

/** "Show the lane <name>" in the palette (and the lane footer's chips), one per hidden lane. */
export function laneShowCommands(
  lanes: readonly Lane[],
  { editor }: Pick<BoardCommandContext, "editor">,
): Command[] {
  return lanes
    .filter((lane) => lane.hidden)
    .map(
      (lane): Command => ({
        id: showLaneCommandId(lane.id),
        title: `Show the lane "${lane.name}"`,
        group: "View",
        edits: true,
        run: () => editor.updateLane(lane.id, { hidden: false }),
      }),
    );
}
