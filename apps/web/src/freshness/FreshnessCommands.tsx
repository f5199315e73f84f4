/**
 * "Mark as verified" in a phase's and a step's context menu (issue 18). Verifying a phase
 * covers everything in it; a step, its cards and cells. Hidden on view-only links (edits).
 */
import { useEffect } from "react";
import { targetCommand } from "../board/commands/boardCommandContext.ts";
import { useCommandRegistry } from "../commands/useCommands.ts";
import { useMapSession } from "../sync/useJourneyMap.ts";
import { useVerifierName } from "./useVerifierName.ts";
import { verify } from "./verify.ts";

export function FreshnessCommands() {
  const registry = useCommandRegistry();
  const { doc } = useMapSession();
  const by = useVerifierName();
  useEffect(
    () =>
      registry.add([
        targetCommand(
          "phase",
          { id: "freshness.verifyPhase", title: "Mark phase as verified" },
          (ref) => verify(doc, [ref], by),
        ),
        targetCommand(
          "touchpoint",
          { id: "freshness.verifyStep", title: "Mark step as verified" },
          (ref) => verify(doc, [ref], by),
        ),
      ]),
    [registry, doc, by],
  );
  return null;
}
