/**
 * Accounts and workspaces on better-auth (`@journeymap/accounts`): server-side only.
 * The server mounts `Accounts.handler` at /api/auth/* and calls `sessionOf` on every API
 * request and WebSocket upgrade; the CLI creates people and resets passwords.
 */
export * from "./accountsConfig.ts";
export type { AccountUser, Membership, NewUser, SessionInfo, SignedIn } from "./accountsApi.ts";
export { INSTANCE_ROLE, type InstanceRole } from "./admission.ts";
export {
  AUTH_BASE_PATH,
  type AuthLog,
  type LogLevel,
  SESSION_COOKIE,
} from "./betterAuthOptions.ts";
export type { JourneymapAuth } from "./createAuth.ts";
export { invitationUrl } from "./mailedLinks.ts";
export {
  type Accounts,
  type CreateAccountsOptions,
  createAccounts,
  type RequestClient,
} from "./createAccounts.ts";
export type { OnMembershipChanged } from "./membershipEvents.ts";
export { ARGON2_OPTIONS } from "./passwordHashing.ts";
export { carriesSessionCookie, expectedOrigin, isSameOrigin } from "./sameOrigin.ts";
export {
  FAILED_SIGN_INS_PER_ADDRESS,
  FAILED_SIGN_INS_PER_EMAIL,
  RESET_REQUESTS_PER_EMAIL,
} from "./signInThrottle.ts";
export { OIDC_CALLBACK_PATH, OIDC_PROVIDER_ID } from "./singleSignOn.ts";
export { TABLE } from "./tables.ts";
export { WORKSPACE_ROLE, WORKSPACE_ROLES, type WorkspaceRole } from "./workspaceRoles.ts";
export type { WorkspaceInfo, WorkspaceMember } from "./workspaceAdmin.ts";
export { type Invited, inviteGuest } from "./workspaceInvitations.ts";
