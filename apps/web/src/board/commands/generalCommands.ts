/** The palette itself, undo and redo, and the way back to all maps. */
import type { Command } from "../../commands/CommandRegistry.ts";
import { navigate } from "../../router.ts";
import type { BoardCommandContext } from "./boardCommandContext.ts";

export function generalCommands({ undo, ui }: BoardCommandContext): Command[] {
  return [
    {
      id: "palette.open",
      title: "Command palette",
      group: "View",
      keys: ["$mod+k"],
      inTextFields: true,
      run: ui.openPalette,
    },
    {
      id: "undo",
      title: "Undo",
      group: "Edit",
      keys: ["$mod+z"],
      edits: true,
      run: () => undo.undo(),
    },
    {
      id: "redo",
      title: "Redo",
      group: "Edit",
      keys: ["$mod+Shift+z", "$mod+y"],
      edits: true,
      run: () => undo.redo(),
    },
    {
      id: "maps.all",
      title: "All maps",
      group: "Go to",
      keywords: ["home", "list"],
      run: () => navigate("/"),
    },
  ];
}
