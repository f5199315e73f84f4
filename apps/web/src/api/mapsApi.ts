/**
 * The map list's calls: the maps this browser holds tokens for, templates, new maps, links and
 * API tokens. Link calls take the owner's token, or "" when a signed-in owner makes them (the
 * session cookie speaks for them).
 */
import { type ApiAction, ROLE, type Role } from "@journeymap/protocol";
import type { CreateMapBody } from "@journeymap/protocol/http";
import { heldTokens, rememberToken } from "../sync/tokens.ts";
import { ApiError, callApi } from "./apiClient.ts";

/** The maps this browser holds tokens for. */
export const listMaps = () => callApi("lookupMaps", { body: { maps: heldTokens() } });

export const listTemplates = () => callApi("listTemplates", {});

/**
 * A map in a workspace opens by its people's accounts; one made signed out opens only by its
 * links, so this device keeps its owner's token.
 */
export const createMap = async (input: CreateMapBody) => {
  const map = await callApi("createMap", { body: input });
  if (input.workspaceId === undefined) rememberToken(map.id, map.token, ROLE.owner);
  return map;
};

export const listLinks = (mapId: string, token: string) =>
  callApi("listLinks", { params: { mapId }, token });

/** A share link; `label` names it for the owner ("Sales team link"), "" for none. */
export const createLink = (mapId: string, token: string, role: Role, label = "") =>
  callApi("createLink", { params: { mapId }, token, body: { role, label } });

export const renameLink = (mapId: string, token: string, linkId: string, label: string) =>
  callApi("renameLink", { params: { mapId, linkId }, token, body: { label } });

/** A live share link's token again (the server signs its claims anew; none is stored). */
export const copyLinkToken = async (mapId: string, token: string, linkId: string) =>
  (await callApi("copyLink", { params: { mapId, linkId }, token })).token;

export const createApiToken = (
  mapId: string,
  token: string,
  label: string,
  actions: readonly ApiAction[],
) => callApi("createLink", { params: { mapId }, token, body: { actions: [...actions], label } });

export const revokeLink = async (mapId: string, token: string, linkId: string) => {
  try {
    await callApi("revokeLink", { params: { mapId, linkId }, token });
  } catch (error) {
    if (error instanceof ApiError) throw new Error(`Could not revoke the link (${error.status})`);
    throw error;
  }
};
