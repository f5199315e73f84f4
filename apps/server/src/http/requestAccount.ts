/**
 * The signed-in person behind an API request, if any: read from the session cookie once per
 * request, and only when a route asks (most API calls carry a map token and no cookie). Set on
 * every /api/* request by `attachAccount`; route files read it with `accountOf(c)`.
 */
import type { Accounts, AccountUser } from "@journeymap/accounts";
import type { Role } from "@journeymap/protocol";
import type { Context, MiddlewareHandler } from "hono";
import type { AccountRoles } from "../people/accountRoles.ts";

export interface RequestAccount {
  /** The signed-in person, or null. */
  person(): Promise<AccountUser | null>;
  /** A person's role on a map (workspace or share), or null. */
  roleOnMap(userId: string, mapId: string): Promise<Role | null>;
}

declare module "hono" {
  interface ContextVariableMap {
    account: RequestAccount;
  }
}

/** Nobody is signed in (route files served without accounts, as some tests do). */
const NO_ACCOUNT: RequestAccount = {
  person: async () => null,
  roleOnMap: async () => null,
};

export function attachAccount(
  accounts: Pick<Accounts, "sessionOf">,
  roles: AccountRoles,
): MiddlewareHandler {
  return async (c, next) => {
    let person: Promise<AccountUser | null> | null = null;
    c.set("account", {
      person: () => {
        person ??= accounts.sessionOf(c.req.raw.headers).then((s) => s?.user ?? null);
        return person;
      },
      roleOnMap: (userId, mapId) => roles.roleOnMap(userId, mapId),
    });
    await next();
  };
}

export function accountOf(c: Context): RequestAccount {
  return c.get("account") ?? NO_ACCOUNT;
}
