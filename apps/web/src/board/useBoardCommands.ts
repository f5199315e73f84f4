/**
 * The board's commands, registered for the palette, shortcuts, toolbar and context menus.
 * Map-dependent ones (go to a phase, show a hidden lane, toggle a persona) are rebuilt when
 * those parts of the map change.
 */
import type { RefOf } from "@journeymap/schema";
import { useMemo } from "react";
import type { Command, CommandTarget, TargetKind } from "../commands/CommandRegistry.ts";
import { useCommands } from "../commands/useCommands.ts";
import { navigate } from "../router.ts";
import { useJourneyMap, useMapSession } from "../sync/useJourneyMap.ts";
import { applyTheme } from "../ui/theme.ts";
import { keySelector } from "./elementDom.ts";
import { useMoves } from "./useMoves.ts";
import { zoomIn, zoomOut } from "./zoom.ts";

export interface BoardUi {
  readonly openPalette: () => void;
  readonly openPersonas: (personaId?: string) => void;
  readonly setZoom: (update: (zoom: number) => number) => void;
  readonly fitToWindow: () => void;
  readonly toggleMinimap: () => void;
  readonly togglePersona: (personaId: string) => void;
  readonly hiddenPersonas: ReadonlySet<string>;
}

const laneIndex = (ids: readonly string[], id: string, step: -1 | 1) => {
  const at = ids.indexOf(id);
  const next = at + step;
  return at < 0 || next < 0 || next >= ids.length ? null : next;
};

/** A targeted command's run: does `run` on the target when it is of `kind`. */
function on<K extends TargetKind>(kind: K, run: (target: RefOf<K>) => void) {
  const isKind = (target: CommandTarget): target is RefOf<K> => target.kind === kind;
  return (target?: CommandTarget) => {
    if (target && isKind(target)) run(target);
  };
}

export function useBoardCommands(ui: BoardUi): void {
  const { editor, reader, undo } = useMapSession();
  const { movePhase, moveTouchpoint } = useMoves();
  const phases = useJourneyMap((m) => m.phases);
  const lanes = useJourneyMap((m) => m.lanes);
  const personas = useJourneyMap((m) => m.personas);

  const fixed = useMemo((): Command[] => {
    const phaseOf = (id: string) => reader.read().touchpoints.find((t) => t.id === id)?.phaseId;
    const laneIds = () => reader.read().lanes.map((l) => l.id);
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
        id: "phase.add",
        title: "Add a phase",
        group: "Edit",
        edits: true,
        keywords: ["stage", "new"],
        run: () => editor.addPhase({ name: "New phase" }),
      },
      {
        id: "persona.add",
        title: "Add a persona",
        group: "Edit",
        edits: true,
        keywords: ["new"],
        run: () => ui.openPersonas(editor.addPersona({ name: "New persona" })),
      },
      {
        id: "lane.add",
        title: "Add a lane",
        group: "Edit",
        edits: true,
        keywords: ["row", "swimlane", "new"],
        run: () => editor.addLane({ name: "Notes" }),
      },
      {
        id: "personas.edit",
        title: "Edit personas…",
        group: "Map",
        keywords: ["persona", "demographics"],
        run: () => ui.openPersonas(),
      },
      {
        id: "maps.all",
        title: "All maps",
        group: "Go to",
        keywords: ["home", "list"],
        run: () => navigate("/"),
      },
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
        keys: ["Shift+1"],
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

      // Context menus: the same commands, run on what was clicked.
      {
        id: "phase.addStep",
        title: "Add a step",
        group: "Edit",
        edits: true,
        targets: ["phase"],
        needsTarget: true,
        run: on("phase", ({ id }) =>
          editor.addTouchpoint({ phaseId: id, name: "New step", channel: "website" }),
        ),
      },
      {
        id: "phase.moveLeft",
        title: "Move left",
        group: "Edit",
        edits: true,
        targets: ["phase"],
        needsTarget: true,
        run: on("phase", ({ id }) => movePhase(id, -1)),
      },
      {
        id: "phase.moveRight",
        title: "Move right",
        group: "Edit",
        edits: true,
        targets: ["phase"],
        needsTarget: true,
        run: on("phase", ({ id }) => movePhase(id, 1)),
      },
      {
        id: "phase.delete",
        title: "Delete phase…",
        group: "Edit",
        edits: true,
        targets: ["phase"],
        needsTarget: true,
        run: on("phase", ({ id }) => {
          const phase = reader.read().phases.find((p) => p.id === id);
          const steps = reader.read().touchpointsByPhase.get(id)?.length ?? 0;
          if (
            phase &&
            window.confirm(
              `Delete the phase "${phase.name}" and its ${steps} step${steps === 1 ? "" : "s"}? You can undo with Ctrl+Z.`,
            )
          )
            editor.deletePhase(phase.id);
        }),
      },
      {
        id: "touchpoint.addPain",
        title: "Add a pain point",
        group: "Edit",
        edits: true,
        targets: ["touchpoint"],
        needsTarget: true,
        run: on("touchpoint", ({ id }) =>
          editor.addCard({
            kind: "painPoint",
            touchpointId: id,
            title: "New pain point",
          }),
        ),
      },
      {
        id: "touchpoint.addOpportunity",
        title: "Add an opportunity",
        group: "Edit",
        edits: true,
        targets: ["touchpoint"],
        needsTarget: true,
        run: on("touchpoint", ({ id }) =>
          editor.addCard({
            kind: "opportunity",
            touchpointId: id,
            title: "New opportunity",
          }),
        ),
      },
      {
        id: "touchpoint.moveLeft",
        title: "Move left",
        group: "Edit",
        edits: true,
        targets: ["touchpoint"],
        needsTarget: true,
        run: on("touchpoint", ({ id }) => {
          const p = phaseOf(id);
          if (p) moveTouchpoint(id, p, -1);
        }),
      },
      {
        id: "touchpoint.moveRight",
        title: "Move right",
        group: "Edit",
        edits: true,
        targets: ["touchpoint"],
        needsTarget: true,
        run: on("touchpoint", ({ id }) => {
          const p = phaseOf(id);
          if (p) moveTouchpoint(id, p, 1);
        }),
      },
      {
        id: "touchpoint.delete",
        title: "Delete step",
        group: "Edit",
        edits: true,
        targets: ["touchpoint"],
        needsTarget: true,
        run: on("touchpoint", ({ id }) => editor.deleteTouchpoint(id)),
      },
      {
        id: "lane.moveUp",
        title: "Move up",
        group: "Edit",
        edits: true,
        targets: ["lane"],
        needsTarget: true,
        run: on("lane", ({ id }) => {
          const i = laneIndex(laneIds(), id, -1);
          if (i !== null) editor.moveLane(id, i);
        }),
      },
      {
        id: "lane.moveDown",
        title: "Move down",
        group: "Edit",
        edits: true,
        targets: ["lane"],
        needsTarget: true,
        run: on("lane", ({ id }) => {
          const i = laneIndex(laneIds(), id, 1);
          if (i !== null) editor.moveLane(id, i);
        }),
      },
      {
        id: "lane.hide",
        title: "Hide lane",
        group: "Edit",
        edits: true,
        targets: ["lane"],
        needsTarget: true,
        run: on("lane", ({ id }) => editor.updateLane(id, { hidden: true })),
      },
      {
        id: "lane.delete",
        title: "Delete lane…",
        group: "Edit",
        edits: true,
        targets: ["lane"],
        needsTarget: true,
        run: on("lane", ({ id }) => {
          const lane = reader.read().lanes.find((l) => l.id === id);
          if (!lane) return;
          if (lane.kind !== "text") {
            window.alert(`"${lane.name}" is one of the standard lanes: hide it instead.`);
            return;
          }
          if (
            window.confirm(`Delete the lane "${lane.name}" and its text? You can undo with Ctrl+Z.`)
          )
            editor.deleteLane(lane.id);
        }),
      },
      {
        id: "persona.editOne",
        title: "Edit persona…",
        group: "Map",
        targets: ["persona"],
        needsTarget: true,
        run: on("persona", ({ id }) => ui.openPersonas(id)),
      },
      {
        id: "persona.toggleOne",
        title: "Show or hide on the map",
        group: "View",
        targets: ["persona"],
        needsTarget: true,
        run: on("persona", ({ id }) => ui.togglePersona(id)),
      },
      {
        id: "persona.delete",
        title: "Delete persona…",
        group: "Edit",
        edits: true,
        targets: ["persona"],
        needsTarget: true,
        run: on("persona", ({ id }) => {
          const persona = reader.read().personas.find((p) => p.id === id);
          if (
            persona &&
            window.confirm(
              `Delete the persona "${persona.name}" and their emotion curve? You can undo with Ctrl+Z.`,
            )
          )
            editor.deletePersona(persona.id);
        }),
      },
    ];
  }, [editor, reader, undo, movePhase, moveTouchpoint, ui]);
  useCommands(fixed);

  const dynamic = useMemo(
    (): Command[] => [
      ...phases.map(
        (phase): Command => ({
          id: `goto.phase.${phase.id}`,
          title: `Phase: ${phase.name}`,
          group: "Go to",
          run: () =>
            document
              .querySelector(keySelector({ kind: "phase", id: phase.id }))
              ?.scrollIntoView({ behavior: "smooth", inline: "start", block: "nearest" }),
        }),
      ),
      ...lanes
        .filter((lane) => lane.hidden)
        .map(
          (lane): Command => ({
            id: `lane.show.${lane.id}`,
            title: `Show the lane "${lane.name}"`,
            group: "View",
            edits: true,
            run: () => editor.updateLane(lane.id, { hidden: false }),
          }),
        ),
      ...personas.map(
        (persona): Command => ({
          id: `persona.toggle.${persona.id}`,
          title: `${ui.hiddenPersonas.has(persona.id) ? "Show" : "Hide"} ${persona.name}'s curve`,
          group: "View",
          keywords: ["persona", "overlay"],
          run: () => ui.togglePersona(persona.id),
        }),
      ),
    ],
    [phases, lanes, personas, editor, ui],
  );
  useCommands(dynamic);
}
