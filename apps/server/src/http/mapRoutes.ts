/**
 * The map list's API: templates, creating a map (the answer carries its owner's token), the
 * maps a browser holds tokens for, and the owner's share links. Shapes and paths come from the
 * protocol's route table.
 */
import { createOwnedMap, type AccessService } from "@journeymap/access";
import {
  allows,
  CreateLinkBody,
  CreateMapBody,
  type IssuedLink,
  LookupBody,
  type MapSummary,
  ROUTES,
  type ShareLink,
  type TemplateSummary,
} from "@journeymap/protocol/http";
import { createMapFromTemplate, findTemplate, TEMPLATES } from "@journeymap/schema";
import type { MapStore } from "@journeymap/storage";
import { type Context, Hono, type MiddlewareHandler } from "hono";
import * as Y from "yjs";
import type { Logger } from "../logger.ts";
import { createdMapAnswer } from "./createdMapAnswer.ts";
import { grantFor } from "./grants.ts";
import { limitBody, readBody } from "./jsonBody.ts";
import { mount } from "./mount.ts";

/** JSON bodies of the map API are tiny; anything larger is a mistake or an attack. */
const MAX_API_BODY_BYTES = 16 * 1024;
const DAY_MS = 24 * 3600 * 1000;

export interface MapRoutesOptions {
  readonly store: MapStore;
  readonly access: AccessService;
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
        if (grant.kind === "share") found.push({ ...map, role: grant.role });
      } catch {
        // A revoked or foreign token simply does not list the map.
      }
    }
    found.sort((a, b) => b.updatedAt - a.updatedAt);
    return c.json(found);
  });

  /** The owner of a map manages its links: null when the caller is it, else the refusal. */
  const requireOwner = async (c: Context, mapId: string) => {
    const grant = await grantFor(access, c, mapId);
    if (grant instanceof Response) return grant;
    if (!allows(ROUTES.listLinks.access, grant)) {
      return c.json({ error: "Only the map's owner can manage its links" }, 403);
    }
    return null;
  };

  mount(app, ROUTES.listLinks, async (c) => {
    const mapId = c.req.param("mapId") ?? "";
    const denied = await requireOwner(c, mapId);
    if (denied) return denied;
    return c.json((await store.listLinks(mapId)) satisfies ShareLink[]);
  });

  mount(app, ROUTES.createLink, limit, async (c) => {
    const mapId = c.req.param("mapId") ?? "";
    const denied = await requireOwner(c, mapId);
    if (denied) return denied;
    const body = await readBody(c, CreateLinkBody);
    if (body instanceof Response) return body;
    const { role, actions, label, expiresInDays } = body;
    if (!role === !actions) return c.json({ error: "Give either a role or API actions" }, 400);
    const issued = await access.issue(
      mapId,
      role ? { role } : { actions: actions ?? [] },
      label ?? "",
      expiresInDays === undefined ? null : expiresInDays * DAY_MS,
    );
    return c.json(issued satisfies IssuedLink, 201);
  });

  mount(app, ROUTES.revokeLink, async (c) => {
    const mapId = c.req.param("mapId") ?? "";
    const denied = await requireOwner(c, mapId);
    if (denied) return denied;
    const linkId = c.req.param("linkId") ?? "";
    if (!(await store.revokeLink(mapId, linkId, now())))
      return c.json({ error: "No such live link" }, 404);
    onRevoke(mapId, linkId);
    return c.body(null, 204);
  });

  mount(app, ROUTES.createMap, guardCreation, limit, async (c) => {
    const body = await readBody(c, CreateMapBody);
    if (body instanceof Response) return body;
    const template = findTemplate(body.template);
    if (!template) return c.json({ error: `Unknown template: ${body.template}` }, 400);
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
    });
    doc.destroy();
    log.info({ mapId: map.id, template: template.id }, "map created");
    return c.json(createdMapAnswer(map), 201);
  });

  return app;
}
