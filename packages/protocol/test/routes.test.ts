/**
 * The route table: well-formed paths filled in safely, every schema it names exported (the
 * OpenAPI document names components after the exports), and who may call the talk routes.
 */
import { describe, expect, it } from "vitest";
import * as http from "../src/http/index.ts";
import {
  allows,
  type Caller,
  describeAccess,
  PUBLIC,
  pathOf,
  type Route,
  ROUTES,
  routerPath,
  TALK_ACCESS,
} from "../src/http/index.ts";
import { API_ACTIONS, ROLES } from "../src/roles.ts";

const routes = Object.entries(ROUTES as Readonly<Record<string, Route>>);

describe("the route table", () => {
  it("names each method and path once, under /api/", () => {
    const keys = routes.map(([, r]) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const [, route] of routes) expect(route.path).toMatch(/^\/api\/[a-z0-9/{}.A-Z-]+$/);
  });

  it("answers every route with at least one documented result", () => {
    for (const [name, route] of routes) {
      expect(Object.keys(route.responses).length, name).toBeGreaterThan(0);
    }
  });

  it("uses only schemas the package exports, so each has a name", () => {
    const exported = new Set<unknown>(Object.values(http));
    for (const [name, route] of routes) {
      const answers = [...Object.values(route.responses), ...Object.values(route.errors)];
      const schemas = [
        ...(route.body && "schema" in route.body ? [route.body.schema] : []),
        ...answers.flatMap((a) => (a.schema ? [a.schema] : [])),
      ];
      for (const schema of schemas) expect(exported.has(schema), name).toBe(true);
    }
  });

  it("fills path parameters URI-encoded, and refuses a missing one", () => {
    expect(pathOf(ROUTES.revokeLink.path, { mapId: "m1", linkId: "a/b c" })).toBe(
      "/api/maps/m1/links/a%2Fb%20c",
    );
    expect(() => pathOf("/api/maps/{mapId}", {} as { mapId: string })).toThrow(/mapId/);
    expect(routerPath(ROUTES.renameVersion.path)).toBe("/api/maps/:mapId/versions/:versionId");
  });
});

describe("who may call a route", () => {
  const share = (role: (typeof ROLES)[number]): Caller => ({ kind: "share", role });
  const api = (...actions: (typeof API_ACTIONS)[number][]): Caller => ({ kind: "api", actions });

  it("keeps the talk API's rules: roles by operation, API tokens by action", () => {
    const byRole = Object.fromEntries(
      Object.entries(TALK_ACCESS).map(([op, access]) => [
        op,
        ROLES.filter((role) => allows(access, share(role))),
      ]),
    );
    expect(byRole).toEqual({
      outline: ["owner", "editor", "commenter", "viewer", "contributor"],
      submit: ["owner", "editor", "commenter", "contributor"],
      list: ["owner", "editor", "commenter", "viewer"],
      import: ["owner", "editor"],
    });
    const byAction = Object.fromEntries(
      Object.entries(TALK_ACCESS).map(([op, access]) => [
        op,
        API_ACTIONS.filter((action) => allows(access, api(action))),
      ]),
    );
    expect(byAction).toEqual({
      outline: ["evidence:write", "map:read"],
      submit: ["evidence:write"],
      list: ["map:read"],
      import: ["evidence:write"],
    });
  });

  it("lets only the owner manage links, and no API token", () => {
    expect(ROLES.filter((r) => allows(ROUTES.createLink.access, share(r)))).toEqual(["owner"]);
    expect(allows(ROUTES.createLink.access, api(...API_ACTIONS))).toBe(false);
  });

  it("counts a signed-in person's role on a map as a link with that role", () => {
    for (const access of [...Object.values(TALK_ACCESS), ROUTES.createLink.access])
      for (const role of ROLES)
        expect(allows(access, { kind: "account", role })).toBe(allows(access, share(role)));
    expect(describeAccess(ROUTES.getMe.access)).toBe("a signed-in person (session cookie)");
  });

  it("says it in words for the OpenAPI document", () => {
    expect(describeAccess(TALK_ACCESS.import)).toBe(
      "owner and editor links; API tokens with evidence:write",
    );
    expect(describeAccess(TALK_ACCESS.outline)).toBe(
      "any share link; API tokens with map:read or evidence:write",
    );
    expect(describeAccess(PUBLIC)).toBe("anyone (no token)");
  });
});
