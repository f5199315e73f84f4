/**
 * Calls `onChange` whenever what we have selected, or whether we are editing it, changes:
 * opening a cell's editor, closing it, moving to another step. The edit counter ends an edit
 * there (sync/editCounter.ts), so two visits to one cell are two edits however fast they are.
 */
import type { Awareness } from "y-protocols/awareness";
import { type PresenceStates, readOwnSelection } from "./presenceState.ts";

export function watchOwnSelection(awareness: Awareness, onChange: () => void): () => void {
  const read = () =>
    JSON.stringify(readOwnSelection(awareness.getStates() as PresenceStates, awareness.clientID));
  let last = read();
  const handle = () => {
    const now = read();
    if (now === last) return;
    last = now;
    onChange();
  };
  awareness.on("change", handle);
  return () => awareness.off("change", handle);
}
