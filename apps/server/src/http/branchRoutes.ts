/**
 * The branch API of a map (issue 17; shapes in @journeymap/protocol/http branches.ts): branch
 * at a moment, list, archive, compare. Access: editors and owners of the original branch it
 * and archive its branches; anyone who may read it lists them; comparing needs read access to
 * both maps (the session, or the branch's token in a header). Merging is the client's edit of
 * the live original, which only editors can write (the sync layer refuses anyone else's).
 */
import { type AccessService, type AccountAccess, mayAddMaps } from "@journeymap/access";
import {
  ArchiveBranchBody,
  allows,
  BRANCH_TOKEN_HEADER,
  CreateBranchBody,
  type CreatedBranch,
  READERS,
  ROUTES,
} from "@journeymap/protocol/http";
import { guestAuthor, guestId } from "@journeymap/protocol";
import type { MapStore } from "@journeymap/storage";
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { BranchRefusal, type BranchService } from "../branches/BranchService.ts";
import { compareBranch } from "../branches/compareBranch.ts";
import type { HistoryService } from "../history/HistoryService.ts";
import type { Logger } from "../logger.ts";
import { createdMapAnswer } from "./createdMapAnswer.ts";
import { grantFor, type RequestGrant, refuseNonReader } from "./grants.ts";
import { limitBody, readBody } from "./jsonBody.ts";
import { mount } from "./mount.ts";

const MAX_BODY_BYTES = 4 * 1024;

export interface BranchRoutesOptions {
  readonly store: MapStore;
  readonly access: AccessService;
  readonly roles: AccountAccess;
  readonly history: HistoryService;
  readonly branches: BranchService;
  readonly log: Logger;
  /** Runs before a branch (a new map) is made (quota/creationQuota.ts). */
  readonly guardCreation: MiddlewareHandler;
}

const mapIdOf = (c: Context) => c.req.param("mapId") ?? "";
const branchIdOf = (c: Context) => c.req.param("branchId") ?? "";

/** The caller's grant when it may edit the map, else the refusal. */
async function editorGrant(access: AccessService, c: Context, what: string) {
  const grant = await grantFor(access, c, mapIdOf(c));
  if (grant instanceof Response) return grant;
  if (grant.kind === "api" || !allows(ROUTES.createBranch.access, grant)) {
    return c.json({ error: `Only editors and owners can ${what}` }, 403);
  }
  return grant;
}

/** A reader's grant on `mapId`, else the refusal. */
async function readerGrant(access: AccessService, c: Context, mapId: string, what: string) {
  const grant = await grantFor(access, c, mapId);
  if (grant instanceof Response) return grant;
  return refuseNonReader(c, grant, what) ?? grant;
}

export function createBranchRoutes(options: BranchRoutesOptions): Hono {
  const { store, access, roles, history, branches, log, guardCreation } = options;
  const app = new Hono();
  const limit = limitBody(MAX_BODY_BYTES);

  /** Where the branch goes and who it is by: the original's workspace when the caller may add maps there. */
  const creator = async (grant: RequestGrant, mapId: string) => {
    if (grant.kind === "account") {
      const [map] = await store.getMaps([mapId]);
      const workspaceId = map?.workspaceId ?? null;
      const inWorkspace =
        workspaceId !== null && mayAddMaps(await roles.workspaceRole(grant.userId, workspaceId));
      return {
        workspaceId: inWorkspace ? workspaceId : null,
        createdBy: grant.userId,
        author: grant.userId,
      };
    }
    const link = grant.kind === "share" ? await store.getLink(grant.linkId) : null;
    const label = link?.label || (grant.kind === "share" ? grant.role : "API");
    const id = grant.kind === "share" ? grant.linkId : "api";
    return {
      workspaceId: null,
      createdBy: null,
      author: guestAuthor(guestId(`link-${id}`), label),
    };
  };

  mount(app, ROUTES.createBranch, limit, guardCreation, async (c) => {
    const grant = await editorGrant(access, c, "branch this map");
    if (grant instanceof Response) return grant;
    const body = await readBody(c, CreateBranchBody);
    if (body instanceof Response) return body;
    const mapId = mapIdOf(c);
    try {
      const { map, branch } = await branches.create({
        sourceMapId: mapId,
        name: body.name.trim() || "Branch",
        seq: body.seq,
        ...(await creator(grant, mapId)),
      });
      log.info({ mapId, branchId: map.id, seq: branch.sourceSeq }, "map branched");
      return c.json({ ...createdMapAnswer(map), branch } satisfies CreatedBranch, 201);
    } catch (error) {
      if (error instanceof BranchRefusal) return c.json({ error: error.message }, error.status);
      throw error;
    }
  });

  mount(app, ROUTES.listBranches, async (c) => {
    const grant = await readerGrant(access, c, mapIdOf(c), "list the map's branches");
    if (grant instanceof Response) return grant;
    return c.json(await branches.list(mapIdOf(c)));
  });

  mount(app, ROUTES.archiveBranch, limit, async (c) => {
    const grant = await editorGrant(access, c, "archive branches");
    if (grant instanceof Response) return grant;
    const body = await readBody(c, ArchiveBranchBody);
    if (body instanceof Response) return body;
    const info = await branches.archive(mapIdOf(c), branchIdOf(c), body.archived);
    return info ? c.json(info) : c.json({ error: "No such branch of this map" }, 404);
  });

  mount(app, ROUTES.compareBranch, async (c) => {
    const grant = await readerGrant(access, c, mapIdOf(c), "compare the map");
    if (grant instanceof Response) return grant;
    const branch = await branches.find(mapIdOf(c), branchIdOf(c));
    if (!branch) return c.json({ error: "No such branch of this map" }, 404);
    const other = await branchGrant(access, c, branch.id);
    if (other instanceof Response) return other;
    return c.json(await compareBranch(history, branch));
  });

  return app;
}

/** Read access to the branch: by its own token in the header, else as for the original. */
async function branchGrant(access: AccessService, c: Context, branchId: string) {
  const token = c.req.header(BRANCH_TOKEN_HEADER);
  if (!token) return readerGrant(access, c, branchId, "compare with this branch");
  const grant = await access.authorize(token, branchId).catch(() => null);
  if (!grant || !allows(READERS, grant)) {
    return c.json({ error: "The branch's token does not open it" }, 403);
  }
  return grant;
}
