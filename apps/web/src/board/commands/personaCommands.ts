/** Personas: add one, open the dialog, show or hide one's curve, delete one (after a confirmation). */
import type { Persona } from "@journeymap/schema";
import type { Command } from "../../commands/CommandRegistry.ts";
import { askToConfirm } from "../../ui/confirmRequests.ts";
import { type BoardCommandContext, targetCommand } from "./boardCommandContext.ts";

export function personaCommands({ editor, reader, ui }: BoardCommandContext): Command[] {
  return [
    {
      id: "persona.add",
      title: "Add a persona",
      group: "Edit",
      edits: true,
      keywords: ["new"],
      run: () => {
        const id = editor.addPersona({ name: "New persona" });
        ui.added({ kind: "persona", id });
        ui.openPersonas(id);
      },
    },
    {
      id: "personas.edit",
      title: "Edit personas…",
      group: "Map",
      keywords: ["persona", "demographics"],
      run: () => ui.openPersonas(),
    },
    targetCommand(
      "persona",
      { id: "persona.editOne", title: "Edit persona…", group: "Map", edits: false },
      ({ id }) => ui.openPersonas(id),
    ),
    targetCommand(
      "persona",
      { id: "persona.toggleOne", title: "Show or hide on the map", group: "View", edits: false },
      ({ id }) => ui.togglePersona(id),
    ),
    targetCommand("persona", { id: "persona.delete", title: "Delete persona…" }, ({ id }) => {
      const persona = reader.read().personas.find((p) => p.id === id);
      if (persona)
        void confirmDeletePersona(persona).then((yes) => yes && editor.deletePersona(id));
    }),
  ];
}

/** Asks before a persona goes (the personas dialog's bin asks the same). */
export function confirmDeletePersona(persona: Persona): Promise<boolean> {
  return askToConfirm({
    title: `Delete the persona “${persona.name}”?`,
    body: "Their emotion curve goes too. You can undo with Ctrl+Z.",
    confirmLabel: "Delete persona",
  });
}

/** "Show/Hide <name>'s curve" in the palette, one per persona. */
export function personaToggleCommands(
  personas: readonly Persona[],
  { ui }: Pick<BoardCommandContext, "ui">,
): Command[] {
  return personas.map(
    (persona): Command => ({
      id: `persona.toggle.${persona.id}`,
      title: `${ui.hiddenPersonas.has(persona.id) ? "Show" : "Hide"} ${persona.name}'s curve`,
      group: "View",
      keywords: ["persona", "overlay"],
      run: () => ui.togglePersona(persona.id),
    }),
  );
}
