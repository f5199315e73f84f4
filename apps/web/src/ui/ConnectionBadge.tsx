import type { ConnectionStatus } from "../sync/useMapConnection.ts";
import "./ConnectionBadge.css";

const LABELS: Record<ConnectionStatus, string> = {
  online: "Online",
  connecting: "Connecting…",
  reconnecting: "Reconnecting…",
  offline: "Offline",
};

/** Online / offline / connecting, and how many local changes the server has not confirmed. */
export function ConnectionBadge({
  status,
  unsynced,
}: {
  status: ConnectionStatus;
  unsynced: number;
}) {
  const detail =
    unsynced > 0
      ? `${unsynced} unsaved change${unsynced === 1 ? "" : "s"}`
      : status === "online"
        ? "All changes saved"
        : "";
  return (
    <output
      className="connection"
      data-testid="board.connection"
      data-status={status}
      data-unsynced={unsynced}
      aria-live="polite"
    >
      <span className="connection-dot" aria-hidden="true" />
      <span>{LABELS[status]}</span>
      {detail && <span>· {detail}</span>}
    </output>
  );
}
