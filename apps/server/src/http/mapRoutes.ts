/**
 * The map list's API: templates, creating a map (the answer carries its owner's token; signed
 * in, in a workspace), the maps a browser holds tokens for, and the owner's share links (with
 * the owner's link, or signed in with the owner role). A signed-in person's maps are
 * workspaceRoutes.ts'. Shapes and paths come from the protocol's route table.
 */
import {
  type AccessService,
  type AccountAccess,
  createOwnedMap,
  mayAddMaps,
} from "@journeymap/access";
import {
  allows,
  CreateLinkBody,
  CreateMapBody,
  type IssuedLink,
  type LinkToken,
  LookupBody,
  type MapSummary,
  RenameLinkBody,
  ROUTES,
  type ShareLink,
  type TemplateSummary,
} from "@journeymap/protocol/http";
import { createMapFromTemplate, findTemplate, TEMPLATES } from "@journeymap/schema";
import type { LinkRecord, MapStore } from "@journeymap/storage";
import { type Context, Hono, type MiddlewareHandler } from "hono";
import * as Y from "yjs";
import type { Logger } from "../logger.ts";
import type { AuthorNames } from "../people/AuthorNames.ts";
import { createdMapAnswer } from "./createdMapAnswer.ts";
import { grantFor, type RequestGrant } from "./grants.ts";
import { limitBody, readBody } from "./jsonBody.ts";
import { mount } from "./mount.ts";
import { accountOf } from "./requestAccount.ts";

/** JSON bodies of the map API are tiny; anything larger is a mistake or an attack. */
const MAX_API_BODY_BYTES = 16 * 1024;
const DAY_MS = 24 * 3600 * 1000;

export interface MapRoutesOptions {
  readonly store: MapStore;
  readonly access: AccessService;
  /** Workspace roles of signed-in people (who may create a map in a workspace). */
  readonly roles: AccountAccess;
  /** Names the people who made links. */
  readonly authors: AuthorNames;
  /** Closes the live connections opened with a link that was just revoked. */
  readonly onRevoke: (mapId: string, linkId: string) => void;
  readonly log: Logger;
  readonly now: () => number;
  /** Runs before a map is created (quota/creationQuota.ts). */
  readonly guardCreation: MiddlewareHandler;
}

export function createMapRoutes({
  store,
  access,
  roles,
  authors,
  onRevoke,
  log,
  now,
  guardCreation,
}: MapRoutesOptions): Hono {
  const app = new Hono();
  const limit = limitBody(MAX_API_BODY_BYTES);

  mount(app, ROUTES.listTemplates, (c) =>
    c.json(TEMPLATES.map(({ id, name, summary }): TemplateSummary => ({ id, name, summary }))),
  );

  mount(app, ROUTES.lookupMaps, limit, async (c) => {
    const body = await readBody(c, LookupBody);
    if (body instanceof Response) return body;
    // Only the asked maps: the map list calls this on every visit, whatever the store holds.
    const asked = [...new Set(body.maps.map((m) => m.mapId))];
    const maps = new Map((await store.getMaps(asked)).map((m) => [m.id, m]));
    const found: MapSummary[] = [];
    for (const { mapId, token } of body.maps) {
      const map = maps.get(mapId);
      if (!map) continue;
      try {
        const grant = await access.authorize(token, mapId);
        const { id, title, createdAt, updatedAt } = map;
        if (grant.kind === "share")
          found.push({ id, title, createdAt, updatedAt, role: grant.role });
      } catch {
        // A revoked or foreign token simply does not list the map.
      }
    }
    found.sort((a, b) => b.updatedAt - a.updatedAt);
    return c.json(found);
  });

  /**
   * The owner of a map manages its links (by the owner's link, or signed in with the owner
   * role): the caller's grant when they are it, else the refusal.
   */
  const requireOwner = async (c: Context, mapId: string): Promise<RequestGrant | Response> => {
    const grant = await grantFor(access, c, mapId);
    if (grant instanceof Response) return grant;
    if (!allows(ROUTES.listLinks.access, grant)) {
      return c.json({ error: "Only the map's owner can manage its links" }, 403);
    }
    return grant;
  };

  /** Links with the name of the person who made each (their current name). */
  const named = async (links: readonly LinkRecord[]): Promise<ShareLink[]> => {
    const show = await authors.show(links.flatMap((l) => (l.createdBy ? [l.createdBy] : [])));
    return links.map((l) => ({
      ...l,
      createdByName: l.createdBy === null ? null : show(l.createdBy).author,
    }));
  };

  mount(app, ROUTES.listLinks, async (c) => {
    const mapId = c.req.param("mapId") ?? "";
    const denied = await requireOwner(c, mapId);
    if (denied instanceof Response) return denied;
    return c.json(await named(await store.listLinks(mapId)));
  });

  mount(app, ROUTES.createLink, limit, async (c) => {
    const mapId = c.req.param("mapId") ?? "";
    const grant = await requireOwner(c, mapId);
    if (grant instanceof Response) return grant;
    const body = await readBody(c, CreateLinkBody);
    if (body instanceof Response) return body;
    const { role, actions, label, expiresInDays } = body;
    if (!role === !actions) return c.json({ error: "Give either a role or API actions" }, 400);
    // Who created it: the signed-in person, whether their role or the owner's link let them.
    const createdBy =
      grant.kind === "account" ? grant.userId : ((await accountOf(c).person())?.id ?? null);
    const issued = await access.issue(
      mapId,
      role ? { role } : { actions: actions ?? [] },
      label ?? "",
      expiresInDays === undefined ? null : expiresInDays * DAY_MS,
      createdBy,
    );
    return c.json(issued satisfies IssuedLink, 201);
  });

  mount(app, ROUTES.renameLink, limit, async (c) => {
    const mapId = c.req.param("mapId") ?? "";
    const denied = await requireOwner(c, mapId);
    if (denied instanceof Response) return denied;
    const body = await readBody(c, RenameLinkBody, { emptyIsInvalid: true });
    if (body instanceof Response) return body;
    const linkId = c.req.param("linkId") ?? "";
    if (!(await store.renameLink(mapId, linkId, body.label)))
      return c.json({ error: "No such live link" }, 404);
    const [renamed] = await named([(await store.getLink(linkId))!]);
    return c.json(renamed!);
  });

  mount(app, ROUTES.copyLink, async (c) => {
    const mapId = c.req.param("mapId") ?? "";
    const denied = await requireOwner(c, mapId);
    if (denied instanceof Response) return denied;
    const token = await access.tokenOf(mapId, c.req.param("linkId") ?? "");
    if (token === null) return c.json({ error: "No such live share link" }, 404);
    return c.json({ token } satisfies LinkToken);
  });

  mount(app, ROUTES.revokeLink, async (c) => {
    const mapId = c.req.param("mapId") ?? "";
    const denied = await requireOwner(c, mapId);
    if (denied instanceof Response) return denied;
    const linkId = c.req.param("linkId") ?? "";
    if (!(await store.revokeLink(mapId, linkId, now())))
      return c.json({ error: "No such live link" }, 404);
    onRevoke(mapId, linkId);
    return c.body(null, 204);
  });

  /**
   * Where a new map goes: no workspace (a links-only map, signed in or not), or the given one,
   * for a signed-in admin or member of it (else the refusal).
   */
  const workspaceCreator = async (c: Context, workspaceId: string | undefined) => {
    if (workspaceId === undefined) return {};
    const person = await accountOf(c).person();
    if (person === null) return c.json({ error: "Sign in to create a map in a workspace" }, 401);
    if (!mayAddMaps(await roles.workspaceRole(person.id, workspaceId)))
      return c.json(
        { error: "You can create maps only in workspaces you are an admin or member of" },
        403,
      );
    return { workspaceId, createdBy: person.id };
  };

  mount(app, ROUTES.createMap, guardCreation, limit, async (c) => {
    const body = await readBody(c, CreateMapBody);
    if (body instanceof Response) return body;
    const template = findTemplate(body.template);
    if (!template) return c.json({ error: `Unknown template: ${body.template}` }, 400);
    const owner = await workspaceCreator(c, body.workspaceId);
    if (owner instanceof Response) return owner;
    const doc = new Y.Doc();
    const created = now();
    createMapFromTemplate(doc, template, {
      now: () => created,
      ...(body.title ? { title: body.title } : {}),
    });
    const title = body.title || template.title;
    const map = await createOwnedMap(store, access, {
      title,
      createdAt: created,
      seed: Y.encodeStateAsUpdate(doc),
      ...owner,
    });
    doc.destroy();
    log.info({ mapId: map.id, template: template.id, ...owner }, "map created");
    return c.json(createdMapAnswer(map), 201);
  });

  return app;
}
