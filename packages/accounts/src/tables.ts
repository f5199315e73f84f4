/**
 * The tables the accounts library owns in the store's database. All start with `auth_`, so
 * they never collide with the store's own (maps, updates, links…), `user` (a reserved word in
 * PostgreSQL) needs no quoting, and a person reading the schema sees which ones belong
 * together. better-auth's model names (user, organization…) map to these in betterAuthOptions.ts.
 */
export const TABLE = {
  user: "auth_user",
  session: "auth_session",
  account: "auth_account",
  verification: "auth_verification",
  rateLimit: "auth_rate_limit",
  /** better-auth's "organization": a workspace in our vocabulary. */
  workspace: "auth_workspace",
  member: "auth_member",
  invitation: "auth_invitation",
  signInFailure: "auth_sign_in_failure",
  secret: "auth_secret",
} as const;
