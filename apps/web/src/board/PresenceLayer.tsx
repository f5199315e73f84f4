import type { Peer } from "../sync/presence/presenceState.ts";
import { keySelector } from "./elementDom.ts";
import "./PresenceLayer.css";

/** CSS that outlines each peer's selection in their colour, with their name on it. */
export function selectionRules(peers: readonly Peer[]): string {
  return peers
    .filter((p) => p.selection && p.selection.ref.kind !== "emotion")
    .map((p) => {
      const sel = p.selection!;
      const target = keySelector(sel.ref);
      const label = sel.editing ? `${p.name} is editing` : p.name;
      return `${target}{outline:2px solid ${p.colour};outline-offset:2px}
${target}::after{content:${JSON.stringify(label)};position:absolute;top:-10px;right:6px;background:${p.colour};color:#fff;font-size:11px;font-weight:600;padding:0 6px;border-radius:4px;z-index:5;pointer-events:none;white-space:nowrap}`;
    })
    .join("\n");
}

/**
 * Others' presence on the board: what each person has selected is outlined in their colour
 * with their name (curve points are marked by the emotion lane itself), and their pointer is
 * drawn where it is. Rendered inside the board grid, so positions are in board coordinates.
 */
export function PresenceLayer({ peers }: { peers: readonly Peer[] }) {
  const rules = selectionRules(peers);
  return (
    <>
      <style>{rules}</style>
      {peers
        .filter((p) => p.pointer)
        .map((p) => (
          <div
            key={p.clientId}
            className="peer-cursor"
            data-testid="board.peer-cursor"
            style={{
              transform: `translate(${p.pointer!.x}px, ${p.pointer!.y}px)`,
              color: p.colour,
            }}
            aria-hidden="true"
          >
            <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
              <title>{p.name}</title>
              <path
                d="M1 1 L1 13 L4.5 9.5 L7 15 L9 14 L6.5 8.5 L11.5 8.5 Z"
                fill="currentColor"
                stroke="#fff"
                strokeWidth="1"
              />
            </svg>
            <span style={{ background: p.colour }}>{p.name}</span>
          </div>
        ))}
    </>
  );
}
