import type { ReactNode } from "react";
import type { MapConnection } from "../sync/useMapConnection.ts";

/**
 * What a map route shows until its connection is ready: nothing while it starts, why the
 * server refused it, or that it is opening; then `children` with the synced connection.
 */
export function MapRouteGate({
  connection,
  advice,
  refusedTestId,
  opening,
  children,
}: {
  connection: MapConnection | null;
  /** What to do about a refusal, after the server's reason. */
  advice?: string;
  refusedTestId?: string;
  /** "Opening the map…", while the first sync runs. */
  opening: string;
  children: (connection: MapConnection) => ReactNode;
}) {
  if (!connection) return null;
  if (connection.refused) {
    return (
      <div className="page">
        <div className="notice notice--error" role="alert" data-testid={refusedTestId}>
          <strong>This map cannot be opened.</strong> {connection.refused}{" "}
          {advice ? `${advice} ` : null}
          <a href="/">All maps</a>
        </div>
      </div>
    );
  }
  if (!connection.synced) {
    return (
      <div className="page" aria-busy="true">
        <p className="page-lede">{opening}</p>
      </div>
    );
  }
  return children(connection);
}
