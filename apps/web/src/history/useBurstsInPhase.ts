/** The bursts that touched the filtered phase (see burstsInPhase.ts), found when it is chosen. */
import type { Burst } from "@journeymap/schema";
import { useEffect, useState } from "react";
import { burstsInPhase, type RowSource } from "./burstsInPhase.ts";

/** Null while there is no phase filter or its bursts are being found. */
export function useBurstsInPhase(
  rows: RowSource,
  bursts: readonly Burst[],
  phase: string | null,
  onError: (message: string) => void,
): ReadonlySet<number> | null {
  const [found, setFound] = useState<{ phase: string; bursts: Set<number> } | null>(null);
  useEffect(() => {
    if (phase === null) return;
    let current = true;
    burstsInPhase(rows, bursts, phase).then(
      (set) => current && setFound({ phase, bursts: set }),
      (e: Error) => current && onError(e.message),
    );
    return () => {
      current = false;
    };
  }, [rows, bursts, phase, onError]);
  return phase !== null && found?.phase === phase ? found.bursts : null;
}
