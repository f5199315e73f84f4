/**
 * Everything we ask of better-auth, in one object. Options that better-auth derives from
 * NODE_ENV (secure cookies, origin checks, rate limiting) are set explicitly, so tests,
 * development and production behave alike.
 */
import { inspect } from "node:util";
import type { BetterAuthOptions } from "better-auth";
import { createAuthMiddleware, isAPIError } from "better-auth/api";
import { admin, organization } from "better-auth/plugins";
import { adminAc, userAc } from "better-auth/plugins/admin/access";
import type { AccountsConfig } from "./accountsConfig.ts";
import { admissionPolicy, firstAccountIsAdmin, INSTANCE_ROLE } from "./admission.ts";
import { mailedLinks } from "./mailedLinks.ts";
import type { Mailer } from "./mailer.ts";
import { membershipEvents, type OnMembershipChanged } from "./membershipEvents.ts";
import { hashPassword, verifyPassword } from "./passwordHashing.ts";
import { signInThrottle } from "./signInThrottle.ts";
import { singleSignOnPlugin } from "./singleSignOn.ts";
import { TABLE } from "./tables.ts";
import {
  onlyWorkspaceRoles,
  WORKSPACE_ROLE,
  workspaceAccess,
  workspaceRoles,
} from "./workspaceRoles.ts";

/** Where the server mounts `Accounts.handler`. */
export const AUTH_BASE_PATH = "/api/auth";

/**
 * The client's address, set by `Accounts.handler` from what the server determined (proxy
 * rules included) after removing any value the client sent; better-auth's rate limiter and
 * our throttle read it. Trusting X-Forwarded-For here would let anyone pick their address.
 */
export const CLIENT_ADDRESS_HEADER = "x-journeymap-client-address";

/** Our cookies' names start with it (better-auth's `cookiePrefix`). */
export const COOKIE_PREFIX = "journeymap";

/** The session cookie's name (`__Secure-` before it when served over https). */
export const SESSION_COOKIE = `${COOKIE_PREFIX}.session_token`;

export type LogLevel = "debug" | "info" | "warn" | "error";
export type AuthLog = (level: LogLevel, message: string) => void;

export interface AuthOptionsInput {
  readonly database: BetterAuthOptions["database"];
  readonly secret: string;
  readonly publicUrl: string | null;
  readonly config: AccountsConfig;
  readonly mailer: Mailer | null;
  readonly log: AuthLog;
  readonly onMembershipChanged: OnMembershipChanged;
}

const DAY_SECONDS = 24 * 60 * 60;

function addressOf(request: Request | undefined): string | null {
  return request?.headers.get(CLIENT_ADDRESS_HEADER) ?? null;
}

/**
 * better-auth's admin route sets a password but leaves the person's sessions open; a reset
 * by an admin is for a lost or leaked password, so it signs them out everywhere.
 */
const adminResetSignsOut = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== "/admin/set-user-password" || isAPIError(ctx.context.returned)) return;
  const userId = (ctx.body as { userId?: unknown } | undefined)?.userId;
  if (typeof userId === "string") await ctx.context.internalAdapter.deleteUserSessions(userId);
});

export function betterAuthOptions(input: AuthOptionsInput) {
  const { config, mailer, publicUrl, log, onMembershipChanged } = input;
  const mailed = mailedLinks(mailer, publicUrl, (message) => log("warn", message));
  return {
    appName: "Journeymap",
    // Without a public URL better-auth takes the origin each request was addressed to.
    baseURL: publicUrl ?? undefined,
    basePath: AUTH_BASE_PATH,
    secret: input.secret,
    database: input.database,
    telemetry: { enabled: false },
    logger: {
      level: "warn",
      log: (level, message, ...args) =>
        log(level, [message, ...args.map((a) => inspect(a, { breakLength: Infinity }))].join(" ")),
    },
    // better-auth logs every refused request (each wrong password) as an error otherwise.
    onAPIError: {
      onError: (error) => {
        const clientError = isAPIError(error) && error.statusCode < 500;
        log(clientError ? "debug" : "error", inspect(error, { breakLength: Infinity }));
      },
    },
    emailAndPassword: {
      enabled: true,
      password: { hash: hashPassword, verify: verifyPassword },
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: mailed.sendResetPassword,
    },
    emailVerification: mailed.emailVerification,
    user: { modelName: TABLE.user, validateUserInfo: admissionPolicy(config) },
    // Seven days, renewed daily while used (better-auth's defaults, stated).
    session: { modelName: TABLE.session, expiresIn: 7 * DAY_SECONDS, updateAge: DAY_SECONDS },
    account: { modelName: TABLE.account },
    verification: { modelName: TABLE.verification },
    databaseHooks: { user: { create: { before: firstAccountIsAdmin } } },
    hooks: { after: adminResetSignsOut },
    rateLimit: {
      enabled: true,
      // Shared by every instance; auth requests are rare enough to afford a write each.
      storage: "database",
      modelName: TABLE.rateLimit,
      window: 10,
      max: 100,
      customRules: {
        // Requests per address: flood control, above signInThrottle.ts' failure limits (which
        // stop guessing) so that a throttled client hears why.
        "/sign-in/*": { window: 60, max: 60 },
        "/sign-up/*": { window: 60, max: 10 },
        "/request-password-reset": { window: 60, max: 5 },
        "/reset-password": { window: 60, max: 10 },
      },
    },
    advanced: {
      cookiePrefix: COOKIE_PREFIX,
      useSecureCookies: publicUrl?.startsWith("https://") ?? false,
      disableCSRFCheck: false,
      disableOriginCheck: false,
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    // Impersonation would let an instance admin act as anyone, in history and comments too.
    disabledPaths: ["/admin/impersonate-user", "/admin/stop-impersonating"],
    plugins: [
      admin({
        defaultRole: INSTANCE_ROLE.member,
        adminRoles: [INSTANCE_ROLE.admin],
        roles: { [INSTANCE_ROLE.admin]: adminAc, [INSTANCE_ROLE.member]: userAc },
      }),
      organization({
        ac: workspaceAccess,
        roles: workspaceRoles,
        creatorRole: WORKSPACE_ROLE.admin,
        invitationExpiresIn: 7 * DAY_SECONDS,
        ...mailed.invitations,
        organizationHooks: { ...onlyWorkspaceRoles, ...membershipEvents(onMembershipChanged) },
        schema: {
          organization: { modelName: TABLE.workspace },
          member: { modelName: TABLE.member },
          invitation: { modelName: TABLE.invitation },
        },
      }),
      signInThrottle(addressOf),
      ...(config.oidc === null ? [] : [singleSignOnPlugin(config.oidc)]),
    ],
  } satisfies BetterAuthOptions;
}
