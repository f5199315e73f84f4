import type { Peer } from "../sync/presence.ts";

/**
 * Others' presence on the board: what each person has selected is outlined in their colour
 * with their name, and their pointer is drawn where it is. Rendered inside the board grid, so
 * positions are in board coordinates and scroll with it.
 */
export function PresenceLayer({ peers }: { peers: readonly Peer[] }) {
  const rules = peers
    .filter((p) => p.selection)
    .map((p) => {
      const target =
        p.selection!.kind === "phase"
          ? `.phase-band[data-phase-id=${JSON.stringify(p.selection!.id)}]`
          : `.touchpoint[data-touchpoint-id=${JSON.stringify(p.selection!.id)}]`;
      return `${target}{outline:2px solid ${p.colour};outline-offset:2px}
${target}::after{content:${JSON.stringify(p.name)};position:absolute;top:-10px;right:6px;background:${p.colour};color:#fff;font-size:11px;font-weight:600;padding:0 6px;border-radius:4px;z-index:5;pointer-events:none}`;
    })
    .join("\n");
  return (
    <>
      <style>{rules}</style>
      {peers
        .filter((p) => p.cursor)
        .map((p) => (
          <div
            key={p.clientId}
            className="peer-cursor"
            data-testid="board.peer-cursor"
            style={{ transform: `translate(${p.cursor!.x}px, ${p.cursor!.y}px)`, color: p.colour }}
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
