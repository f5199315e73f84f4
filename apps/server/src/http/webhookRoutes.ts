/**
 * The webhook routes (the route table's WEBHOOK_ROUTES): the same six for a map, for its
 * owners (owner link or a signed-in owner), and for a workspace, for its admins. The work is
 * WebhookService's; this file decides who may, reads bodies and turns refusals into answers.
 */
import type { AccessService, AccountAccess } from "@journeymap/access";
import { isMapId, WORKSPACE_ROLE } from "@journeymap/protocol";
import {
  allows,
  CreateWebhookBody,
  OWNER,
  ROUTES,
  type Route,
  UpdateWebhookBody,
} from "@journeymap/protocol/http";
import { type Context, Hono } from "hono";
import { type HookOwner, WebhookRefusal, type WebhookService } from "../webhooks/WebhookService.ts";
import { grantFor } from "./grants.ts";
import { limitBody, readBody } from "./jsonBody.ts";
import { mount } from "./mount.ts";
import { RateLimiter } from "./RateLimiter.ts";
import { signedInPerson } from "./signedIn.ts";

/** A hook's URL, events and description. */
const MAX_BODY_BYTES = 8 * 1024;

export interface WebhookRoutesOptions {
  readonly webhooks: WebhookService;
  readonly access: AccessService;
  readonly roles: AccountAccess;
}

/** Who asks, for a hook's owner: the map or workspace, and a name for `createdBy`. */
type Asker = { readonly owner: HookOwner; readonly name: string };
type Authorize = (c: Context) => Promise<Asker | Response>;

export function createWebhookRoutes({ webhooks, access, roles }: WebhookRoutesOptions): Hono {
  const app = new Hono();

  const mapOwner: Authorize = async (c) => {
    const mapId = c.req.param("mapId") ?? "";
    if (!isMapId(mapId)) return c.json({ error: "mapId: not a map id" }, 400);
    const grant = await grantFor(access, c, mapId);
    if (grant instanceof Response) return grant;
    if (!allows(OWNER, grant))
      return c.json({ error: "Only the map's owners manage its webhooks" }, 403);
    return { owner: { mapId }, name: grant.kind === "account" ? grant.name : "Owner link" };
  };

  const workspaceAdmin: Authorize = async (c) => {
    const person = await signedInPerson(c);
    if (person instanceof Response) return person;
    const workspaceId = c.req.param("workspaceId") ?? "";
    if ((await roles.workspaceRole(person.id, workspaceId)) !== WORKSPACE_ROLE.admin)
      return c.json({ error: "Only the workspace's admins manage its webhooks" }, 403);
    return { owner: { workspaceId }, name: person.name };
  };

  mountScope(app, webhooks, mapOwner, {
    list: ROUTES.listMapWebhooks,
    create: ROUTES.createMapWebhook,
    update: ROUTES.updateMapWebhook,
    remove: ROUTES.deleteMapWebhook,
    deliveries: ROUTES.listMapWebhookDeliveries,
    test: ROUTES.testMapWebhook,
  });
  mountScope(app, webhooks, workspaceAdmin, {
    list: ROUTES.listWorkspaceWebhooks,
    create: ROUTES.createWorkspaceWebhook,
    update: ROUTES.updateWorkspaceWebhook,
    remove: ROUTES.deleteWorkspaceWebhook,
    deliveries: ROUTES.listWorkspaceWebhookDeliveries,
    test: ROUTES.testWorkspaceWebhook,
  });
  return app;
}

type ScopeRoutes = Readonly<
  Record<"list" | "create" | "update" | "remove" | "deliveries" | "test", Route>
>;

function mountScope(
  app: Hono,
  webhooks: WebhookService,
  authorize: Authorize,
  routes: ScopeRoutes,
): void {
  const limit = limitBody(MAX_BODY_BYTES);
  // A test sends a request to someone else's server: a few, not a flood.
  const tests = new RateLimiter(12, 3);

  /** Runs `work` for an authorized asker, answering a refusal with its status. */
  const handle =
    (work: (c: Context, asker: Asker, hookId: string) => Promise<Response>) =>
    async (c: Context) => {
      const asker = await authorize(c);
      if (asker instanceof Response) return asker;
      try {
        return await work(c, asker, c.req.param("webhookId") ?? "");
      } catch (error) {
        if (error instanceof WebhookRefusal) return c.json({ error: error.message }, error.status);
        throw error;
      }
    };

  mount(
    app,
    routes.list,
    handle(async (c, { owner }) => c.json(await webhooks.list(owner))),
  );
  mount(
    app,
    routes.create,
    limit,
    handle(async (c, { owner, name }) => {
      const body = await readBody(c, CreateWebhookBody, { emptyIsInvalid: true });
      if (body instanceof Response) return body;
      return c.json(await webhooks.create(owner, body, name), 201);
    }),
  );
  mount(
    app,
    routes.update,
    limit,
    handle(async (c, { owner }, id) => {
      const body = await readBody(c, UpdateWebhookBody);
      if (body instanceof Response) return body;
      return c.json(await webhooks.update(owner, id, body));
    }),
  );
  mount(
    app,
    routes.remove,
    handle(async (c, { owner }, id) => {
      await webhooks.remove(owner, id);
      return c.body(null, 204);
    }),
  );
  mount(
    app,
    routes.deliveries,
    handle(async (c, { owner }, id) => c.json(await webhooks.deliveries(owner, id))),
  );
  mount(
    app,
    routes.test,
    handle(async (c, { owner }, id) => {
      const decision = tests.take(id);
      if (!decision.ok) {
        c.header("Retry-After", String(decision.retryAfterSeconds));
        return c.json({ error: "A test was sent moments ago; try again shortly" }, 429);
      }
      return c.json({ delivery: await webhooks.test(owner, id) }, 202);
    }),
  );
}
