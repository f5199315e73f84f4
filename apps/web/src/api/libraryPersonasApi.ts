/** The workspace persona library's calls (issue 19; routes in protocol libraryPersonas.ts). */
import type { CreateLibraryPersonaBody, UpdateLibraryPersonaBody } from "@journeymap/protocol/http";
import { callApi } from "./apiClient.ts";

export const listLibraryPersonas = (workspaceId: string) =>
  callApi("listLibraryPersonas", { params: { workspaceId } });

export const createLibraryPersona = (workspaceId: string, body: CreateLibraryPersonaBody) =>
  callApi("createLibraryPersona", { params: { workspaceId }, body });

export const getLibraryPersona = (workspaceId: string, personaId: string) =>
  callApi("getLibraryPersona", { params: { workspaceId, personaId } });

export const updateLibraryPersona = (
  workspaceId: string,
  personaId: string,
  body: UpdateLibraryPersonaBody,
) => callApi("updateLibraryPersona", { params: { workspaceId, personaId }, body });

export const archiveLibraryPersona = (workspaceId: string, personaId: string, archived: boolean) =>
  callApi("archiveLibraryPersona", { params: { workspaceId, personaId }, body: { archived } });

/** The library of a map's workspace (the board asks by the map it shows). */
export const listMapLibraryPersonas = (mapId: string) =>
  callApi("listMapLibraryPersonas", { params: { mapId } });

/** Adds the library persona to the map, linked; answers its id in the map. */
export const addLibraryPersonaToMap = (mapId: string, libraryPersonaId: string) =>
  callApi("useLibraryPersona", { params: { mapId }, body: { libraryPersonaId } });
