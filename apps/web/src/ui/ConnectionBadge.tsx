import type { ConnectionStatus } from "../sync/useMapConnection.ts";
import "./ConnectionBadge.css";

const LABELS: Record<ConnectionStatus, string> = {
  online: "Online",
  connecting: "Connecting…",
  reconnecting: "Reconnecting…",
  offline: "Offline",
  ended: "No access",
};

export interface ConnectionBadgeProps {
  readonly status: ConnectionStatus;
  /** Updates the server has not confirmed (one per keystroke: never shown as a number). */
  readonly unsynced: number;
  /** What people did in those updates, counted as edits (sync/editCounter.ts). */
  readonly edits: number;
  /** True when the browser keeps an offline copy: unconfirmed edits are safe here. */
  readonly kept: boolean;
}

/**
 * The badge's words after the status: how many edits the server does not have yet and where
 * they are (issue 15, B4: a count of keystrokes, "unsaved", alarmed people whose work was
 * safe in the browser), or that everything is saved.
 */
export function connectionDetail({ status, unsynced, edits, kept }: ConnectionBadgeProps): string {
  // Access ended (issue 15, B3): the server takes nothing more, so nothing reads as saved.
  if (status === "ended") return "edits no longer reach the server";
  if (unsynced > 0) {
    // Updates without a counted edit (the app's own): still one thing not on the server.
    const count = Math.max(edits, 1);
    const noun = `${count} edit${count === 1 ? "" : "s"}`;
    return kept
      ? `${noun} kept on this device, not yet on the server`
      : `${noun} not yet on the server`;
  }
  return status === "online" ? "All changes saved" : "";
}

/** Online / offline / connecting, and the edits the server has not confirmed yet. */
export function ConnectionBadge(props: ConnectionBadgeProps) {
  const detail = connectionDetail(props);
  return (
    <output
      className="connection"
      data-testid="board.connection"
      data-status={props.status}
      data-unsynced={props.unsynced}
      data-edits={props.unsynced > 0 ? Math.max(props.edits, 1) : 0}
      aria-live="polite"
    >
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-label">{LABELS[props.status]}</span>
      {detail && (
        <span className="connection-detail" data-saved={props.status === "online" || undefined}>
          · {detail}
        </span>
      )}
    </output>
  );
}
