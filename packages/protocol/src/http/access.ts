/**
 * Who may call a route: share-link roles and API-token actions (a signed-in person's role on a
 * map counts as a link's), anyone, or any signed-in person. The route table names one of
 * these per route; the server decides with `allows` and the OpenAPI document says it in words.
 */
import { API_ACTION, type ApiAction, EDITING_ROLES, ROLE, ROLES, type Role } from "../roles.ts";

export interface Access {
  readonly roles: readonly Role[];
  readonly actions: readonly ApiAction[];
}

/**
 * The caller a request stands for: a share link's role, an API token's actions, or a
 * signed-in person's role on the map (from their workspace or a share with them).
 */
export type Caller =
  | { readonly kind: "share" | "account"; readonly role: Role }
  | { readonly kind: "api"; readonly actions: readonly ApiAction[] };

/** No token needed. */
export const PUBLIC = "public";
/** A signed-in person (the session cookie); no map token. */
export const SIGNED_IN = "signed-in";

export type RouteAccess = Access | typeof PUBLIC | typeof SIGNED_IN;

/** The owner manages links. */
export const OWNER: Access = { roles: [ROLE.owner], actions: [] };
/** Anyone who may read the map: every share link but a contributor's, or map:read. */
export const READERS: Access = {
  roles: [ROLE.owner, ROLE.editor, ROLE.commenter, ROLE.viewer],
  actions: [API_ACTION.mapRead],
};
/** Editors and owners change the map (its versions included). */
export const EDITORS: Access = { roles: EDITING_ROLES, actions: [] };

/** The evidence inbox and outline, which integrations and contributors use. */
export const TALK_ACCESS = {
  outline: { roles: ROLES, actions: [API_ACTION.mapRead, API_ACTION.evidenceWrite] },
  submit: {
    roles: [ROLE.owner, ROLE.editor, ROLE.commenter, ROLE.contributor],
    actions: [API_ACTION.evidenceWrite],
  },
  list: READERS,
  import: { roles: EDITING_ROLES, actions: [API_ACTION.evidenceWrite] },
} as const satisfies Readonly<Record<string, Access>>;

export function allows(access: Access, caller: Caller): boolean {
  return caller.kind === "api"
    ? caller.actions.some((a) => access.actions.includes(a))
    : access.roles.includes(caller.role);
}

/** "owner and editor links; API tokens with evidence:write", for people. */
export function describeAccess(access: RouteAccess): string {
  if (access === PUBLIC) return "anyone (no token)";
  if (access === SIGNED_IN) return "a signed-in person (session cookie)";
  const links =
    access.roles.length === ROLES.length ? "any share link" : `${words(access.roles)} links`;
  return access.actions.length === 0
    ? links
    : `${links}; API tokens with ${access.actions.join(" or ")}`;
}

function words(items: readonly string[]): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
