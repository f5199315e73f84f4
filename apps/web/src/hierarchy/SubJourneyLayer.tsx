/**
 * The board's side of the hierarchy of journeys (issue 19): the sub-journeys of its steps
 * (for the chips on the step cards, through subJourneyStore.ts), the step menu's "Link a sub-journey…" and "Unlink the
 * sub-journey", and, on a sub-journey opened from its parent, the breadcrumb back.
 */
import type { TouchpointId } from "@journeymap/schema";
import { useEffect, useMemo, useState } from "react";
import { targetCommand } from "../board/commands/boardCommandContext.ts";
import { useCommands } from "../commands/useCommands.ts";
import { useMapSession } from "../sync/useJourneyMap.ts";
import { LinkSubJourneyDialog } from "./LinkSubJourneyDialog.tsx";
import { ParentBreadcrumb } from "./ParentBreadcrumb.tsx";
import { setKnownSubJourneys } from "./subJourneyStore.ts";
import { useSubJourneys } from "./useSubJourneys.ts";
import "./hierarchy.css";

export function SubJourneyLayer({ mapId }: { mapId: string }) {
  const { editor, reader } = useMapSession();
  const { byStep } = useSubJourneys(mapId);
  const [linking, setLinking] = useState<TouchpointId | null>(null);
  const commands = useMemo(
    () => [
      targetCommand(
        "touchpoint",
        { id: "touchpoint.linkSubJourney", title: "Link a sub-journey…" },
        ({ id }) => setLinking(id),
      ),
      targetCommand(
        "touchpoint",
        { id: "touchpoint.unlinkSubJourney", title: "Unlink the sub-journey" },
        ({ id }) => editor.updateTouchpoint(id, { subMapId: null }),
      ),
    ],
    [editor],
  );
  useCommands(commands);
  useEffect(() => {
    setKnownSubJourneys({ mapId, byStep });
  }, [mapId, byStep]);
  useEffect(() => () => setKnownSubJourneys(null), []);
  const stepName = linking ? reader.read().touchpoints.find((t) => t.id === linking)?.name : null;
  return (
    <>
      <ParentBreadcrumb mapId={mapId} />
      {linking && (
        <LinkSubJourneyDialog
          mapId={mapId}
          stepName={stepName ?? "this step"}
          onLink={(subMapId) => editor.updateTouchpoint(linking, { subMapId })}
          onClose={() => setLinking(null)}
        />
      )}
    </>
  );
}
