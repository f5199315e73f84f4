/**
 * Who may get or use an account, as better-auth hooks (one rule per way in):
 * - The first account of an instance becomes its admin (`firstAccountIsAdmin`), whichever
 *   way it is created: `npm start`, open the page, sign up, and you administer the instance.
 * - Email + password sign-up is open unless ALLOW_SIGNUP=false (default true: the first visit
 *   must be able to create the admin with no set-up, invited people sign up with the invited
 *   address, and an account alone opens nothing — maps belong to workspaces, which are joined
 *   by invitation). When closed, sign-up still admits the very first account and any address
 *   with a pending workspace invitation; admins create the others.
 * - Single sign-on admits the domains of OIDC_ALLOWED_DOMAINS, at every sign-in (not only the
 *   first), so an identity the provider moves out of bounds is refused.
 * Two sign-ups racing on a fresh PostgreSQL instance can both see no account and both become
 * admins; both are then people setting the instance up, and one can demote the other.
 */
import type { GenericEndpointContext, User, ValidateUserInfoSource } from "better-auth";
import type { OidcConfig } from "./accountsConfig.ts";
import { admitsIdentity, OIDC_PROVIDER_ID } from "./singleSignOn.ts";

export const INSTANCE_ROLE = { admin: "admin", member: "member" } as const;

export type InstanceRole = (typeof INSTANCE_ROLE)[keyof typeof INSTANCE_ROLE];

export interface AdmissionRules {
  readonly allowSignUp: boolean;
  readonly oidc: OidcConfig | null;
}

type Refusal = { error: string; errorDescription: string } | undefined;

async function hasPendingInvitation(ctx: GenericEndpointContext, email: string): Promise<boolean> {
  const invitations = await ctx.context.adapter.findMany<{ expiresAt: Date | string }>({
    model: "invitation",
    where: [
      { field: "email", value: email.toLowerCase() },
      { field: "status", value: "pending" },
    ],
  });
  return invitations.some((invitation) => new Date(invitation.expiresAt).getTime() > Date.now());
}

async function admitsSignUp(
  rules: AdmissionRules,
  email: string | undefined,
  ctx: GenericEndpointContext,
): Promise<Refusal> {
  if (rules.allowSignUp) return undefined;
  if ((await ctx.context.internalAdapter.countTotalUsers()) === 0) return undefined;
  if (email !== undefined && (await hasPendingInvitation(ctx, email))) return undefined;
  return {
    error: "SIGN_UP_DISABLED",
    errorDescription:
      "Sign-up is closed on this instance: ask an admin for an account or an invitation.",
  };
}

export function admissionPolicy(rules: AdmissionRules) {
  return async (
    data: { user: Partial<User> & Record<string, unknown>; source: ValidateUserInfoSource },
    ctx: GenericEndpointContext,
  ): Promise<Refusal> => {
    const { user, source } = data;
    if (source.method === "email-password" && source.action === "create-user")
      return admitsSignUp(rules, user.email, ctx);
    if (source.method === "oauth" && source.oauth?.providerId === OIDC_PROVIDER_ID) {
      const domains = rules.oidc?.allowedDomains ?? [];
      if (!admitsIdentity(user.email, user.emailVerified === true, domains))
        return {
          error: "DOMAIN_NOT_ALLOWED",
          errorDescription: "Single sign-on is not open to this email address.",
        };
    }
    return undefined;
  };
}

export async function firstAccountIsAdmin(
  user: User & Record<string, unknown>,
  ctx: GenericEndpointContext | null,
): Promise<{ data: User & Record<string, unknown> } | undefined> {
  if (ctx === null) return undefined;
  if ((await ctx.context.internalAdapter.countTotalUsers()) > 0) return undefined;
  return { data: { ...user, role: INSTANCE_ROLE.admin } };
}
