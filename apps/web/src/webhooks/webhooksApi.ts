/**
 * A map's or a workspace's webhooks through the API. A map's are its owners' (the owner token,
 * or the session of a signed-in owner); a workspace's its admins' (the session).
 */
import type { CreateWebhookBody, UpdateWebhookBody } from "@journeymap/protocol/http";
import { callApi } from "../api/apiClient.ts";

export type HookScope =
  | { readonly kind: "map"; readonly mapId: string; readonly token: string }
  | { readonly kind: "workspace"; readonly workspaceId: string };

const tokenOf = (scope: HookScope) =>
  scope.kind === "map" && scope.token ? { token: scope.token } : {};

export function listWebhooks(scope: HookScope) {
  return scope.kind === "map"
    ? callApi("listMapWebhooks", { params: { mapId: scope.mapId }, ...tokenOf(scope) })
    : callApi("listWorkspaceWebhooks", { params: { workspaceId: scope.workspaceId } });
}

export function createWebhook(scope: HookScope, body: CreateWebhookBody) {
  return scope.kind === "map"
    ? callApi("createMapWebhook", { params: { mapId: scope.mapId }, body, ...tokenOf(scope) })
    : callApi("createWorkspaceWebhook", { params: { workspaceId: scope.workspaceId }, body });
}

export function updateWebhook(scope: HookScope, webhookId: string, body: UpdateWebhookBody) {
  return scope.kind === "map"
    ? callApi("updateMapWebhook", {
        params: { mapId: scope.mapId, webhookId },
        body,
        ...tokenOf(scope),
      })
    : callApi("updateWorkspaceWebhook", {
        params: { workspaceId: scope.workspaceId, webhookId },
        body,
      });
}

export function deleteWebhook(scope: HookScope, webhookId: string) {
  return scope.kind === "map"
    ? callApi("deleteMapWebhook", { params: { mapId: scope.mapId, webhookId }, ...tokenOf(scope) })
    : callApi("deleteWorkspaceWebhook", {
        params: { workspaceId: scope.workspaceId, webhookId },
      });
}

export function webhookDeliveries(scope: HookScope, webhookId: string) {
  return scope.kind === "map"
    ? callApi("listMapWebhookDeliveries", {
        params: { mapId: scope.mapId, webhookId },
        ...tokenOf(scope),
      })
    : callApi("listWorkspaceWebhookDeliveries", {
        params: { workspaceId: scope.workspaceId, webhookId },
      });
}

export function testWebhook(scope: HookScope, webhookId: string) {
  return scope.kind === "map"
    ? callApi("testMapWebhook", { params: { mapId: scope.mapId, webhookId }, ...tokenOf(scope) })
    : callApi("testWorkspaceWebhook", { params: { workspaceId: scope.workspaceId, webhookId } });
}
