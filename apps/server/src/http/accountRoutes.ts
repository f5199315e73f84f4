/**
 * The accounts side of the API: better-auth's own routes under /api/auth/* (sign-up, sign-in
 * and out, sessions, password resets, single sign-on, workspaces; documented by better-auth,
 * not in our route table), who is signed in (GET /api/me), and how people sign in here
 * (GET /api/instance, public: the sign-in page asks before anyone is signed in).
 */
import { AUTH_BASE_PATH, type Accounts, type AccountsConfig } from "@journeymap/accounts";
import { type Instance, type Me, ROUTES } from "@journeymap/protocol/http";
import { Hono } from "hono";
import { clientAddressOfEnv, type TrustProxy } from "../clientAddress.ts";
import { colourFor } from "../people/identity.ts";
import { limitBody } from "./jsonBody.ts";
import { mount } from "./mount.ts";
import { accountOf } from "./requestAccount.ts";

/** Sign-in forms and workspace calls are small; anything larger is a mistake or an attack. */
const MAX_AUTH_BODY_BYTES = 64 * 1024;

export interface AccountRoutesOptions {
  readonly accounts: Accounts;
  readonly config: AccountsConfig;
  /** Which peers are proxies (TRUST_PROXY): better-auth throttles by the client's address. */
  readonly trustProxy: TrustProxy;
}

export function createAccountRoutes({ accounts, config, trustProxy }: AccountRoutesOptions): Hono {
  const app = new Hono();

  app.on(["GET", "POST"], `${AUTH_BASE_PATH}/*`, limitBody(MAX_AUTH_BODY_BYTES), (c) =>
    accounts.handler(c.req.raw, { address: clientAddressOfEnv(c.env, trustProxy) }),
  );

  mount(app, ROUTES.getMe, async (c) => {
    c.header("Cache-Control", "no-store");
    const person = await accountOf(c).person();
    if (person === null) return c.json({ error: "Not signed in" }, 401);
    const me: Me = {
      user: {
        id: person.id,
        name: person.name,
        email: person.email,
        color: colourFor(person.id),
        admin: person.admin,
      },
      workspaces: await accounts.workspacesOf(person.id),
    };
    return c.json(me);
  });

  mount(app, ROUTES.getInstance, async (c) => {
    c.header("Cache-Control", "no-store");
    const needsAdmin = (await accounts.countUsers()) === 0;
    const instance: Instance = {
      needsAdmin,
      // Closed sign-up still admits the very first account (admission.ts).
      signUp: config.allowSignUp || needsAdmin,
      singleSignOn: { enabled: config.oidc !== null, name: config.oidc?.name ?? "" },
      smtp: config.mail !== null,
    };
    return c.json(instance);
  });

  return app;
}
