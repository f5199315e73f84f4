/** How the board is shown: zoom, the minimap, the theme. */
import type { Command } from "../../commands/CommandRegistry.ts";
import { applyTheme } from "../../ui/theme.ts";
import { zoomIn, zoomOut } from "../zoom.ts";
import type { BoardCommandContext } from "./boardCommandContext.ts";

export function viewCommands({ ui }: BoardCommandContext): Command[] {
  return [
    {
      id: "zoom.in",
      title: "Zoom in",
      group: "View",
      keys: ["$mod+Equal", "$mod+Shift+Equal"],
      run: () => ui.setZoom(zoomIn),
    },
    {
      id: "zoom.out",
      title: "Zoom out",
      group: "View",
      keys: ["$mod+Minus"],
      run: () => ui.setZoom(zoomOut),
    },
    {
      id: "zoom.reset",
      title: "Actual size (100%)",
      group: "View",
      keys: ["$mod+0"],
      run: () => ui.setZoom(() => 1),
    },
    {
      id: "zoom.fit",
      title: "Fit the map to the window",
      group: "View",
      // By key code: with Shift held, the key is "!" (or another sign, by layout), never "1".
      keys: ["Shift+Digit1"],
      run: ui.fitToWindow,
    },
    {
      id: "minimap.toggle",
      title: "Show or hide the minimap",
      group: "View",
      keys: ["m"],
      keywords: ["overview", "navigator"],
      run: ui.toggleMinimap,
    },
    {
      id: "theme.light",
      title: "Light theme",
      group: "View",
      keywords: ["appearance", "colour"],
      run: () => applyTheme("light"),
    },
    {
      id: "theme.dark",
      title: "Dark theme",
      group: "View",
      keywords: ["appearance", "night"],
      run: () => applyTheme("dark"),
    },
    {
      id: "theme.system",
      title: "Theme as the system",
      group: "View",
      keywords: ["appearance", "auto"],
      run: () => applyTheme("system"),
    },
  ];
}
