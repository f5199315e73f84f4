import { useMemo } from "react";
import { WebhooksPanel } from "./WebhooksPanel.tsx";

/** A map's webhooks, for its owners (the owner token, or a signed-in owner's session). */
export function MapWebhooks({ mapId, token }: { mapId: string; token: string }) {
  // One scope object per map and token: the panel reloads when its scope changes.
  const scope = useMemo(() => ({ kind: "map", mapId, token }) as const, [mapId, token]);
  return <WebhooksPanel scope={scope} />;
}

/** A workspace's webhooks, for its admins: every map of the workspace sends to them. */
export function WorkspaceWebhooks({ workspaceId }: { workspaceId: string }) {
  const scope = useMemo(() => ({ kind: "workspace", workspaceId }) as const, [workspaceId]);
  return <WebhooksPanel scope={scope} />;
}
