/**
 * What the server and the CLI ask of accounts besides HTTP: who a request's session belongs
 * to, sessions of a person, creating people and setting their password. Plain data out, no
 * better-auth types, so callers do not depend on the library's shapes.
 */
import { APIError } from "better-auth/api";
import { INSTANCE_ROLE } from "./admission.ts";
import type { JourneymapAuth } from "./createAuth.ts";
import { isWorkspaceRole, type WorkspaceRole } from "./workspaceRoles.ts";

export interface AccountUser {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly image: string | null;
  /** Instance admin: manages people, roles and the instance's settings. */
  readonly admin: boolean;
}

export interface SignedIn {
  readonly user: AccountUser;
  readonly session: { readonly id: string; readonly expiresAt: Date };
}

/** A session as its owner sees it in "where you're signed in"; never its token. */
export interface SessionInfo {
  readonly id: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly ipAddress: string | null;
  readonly userAgent: string | null;
}

/** A workspace a person belongs to, with their role in it. */
export interface Membership {
  readonly id: string;
  readonly name: string;
  readonly role: WorkspaceRole;
}

export interface NewUser {
  readonly email: string;
  readonly name: string;
  readonly password: string;
  readonly admin?: boolean;
}

interface UserRow {
  id: string;
  name: string;
  email: string;
  image?: string | null;
  role?: string | null;
}

export function accountUserOf(user: UserRow): AccountUser {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    image: user.image ?? null,
    admin: user.role === INSTANCE_ROLE.admin,
  };
}

/** Passwords set without better-auth's sign-up route meet the same length rule. */
async function refuseBadPassword(auth: JourneymapAuth, password: string): Promise<void> {
  const ctx = await auth.$context;
  const { minPasswordLength, maxPasswordLength } = ctx.password.config;
  if (password.length < minPasswordLength || password.length > maxPasswordLength)
    throw new APIError("BAD_REQUEST", {
      code: "INVALID_PASSWORD_LENGTH",
      message: `a password has ${minPasswordLength} to ${maxPasswordLength} characters`,
    });
}

export function accountsApi(auth: JourneymapAuth) {
  return {
    /**
     * The signed-in person of a request, or null. Read-only (never renews the session, which
     * the web app's own session calls do), one indexed lookup of session and user.
     */
    async sessionOf(headers: Headers): Promise<SignedIn | null> {
      const found = await auth.api.getSession({ headers, query: { disableRefresh: true } });
      if (found === null) return null;
      return {
        user: accountUserOf(found.user),
        session: { id: found.session.id, expiresAt: new Date(found.session.expiresAt) },
      };
    },

    /** How many people have an account: none means the first to sign up becomes admin. */
    async countUsers(): Promise<number> {
      const ctx = await auth.$context;
      return ctx.internalAdapter.countTotalUsers();
    },

    /** A person by id, or null (for names in history and the admin commands). */
    async findUser(userId: string): Promise<AccountUser | null> {
      const ctx = await auth.$context;
      const user = await ctx.internalAdapter.findUserById(userId);
      return user === null ? null : accountUserOf(user as UserRow);
    },

    /** A person by email (any case), or null. */
    async findUserByEmail(email: string): Promise<AccountUser | null> {
      const ctx = await auth.$context;
      const found = await ctx.internalAdapter.findUserByEmail(email.toLowerCase());
      return found === null ? null : accountUserOf(found.user as UserRow);
    },

    /** Everyone with an account, by email (for `journeymap admin list-users`). */
    async listUsers(): Promise<AccountUser[]> {
      const ctx = await auth.$context;
      const users = await ctx.internalAdapter.listUsers(undefined, undefined, {
        field: "email",
        direction: "asc",
      });
      return users.map((u) => accountUserOf(u as UserRow));
    },

    /** The workspaces a person belongs to, by name, with their role in each. */
    async workspacesOf(userId: string): Promise<Membership[]> {
      const ctx = await auth.$context;
      const members = await ctx.adapter.findMany<{ organizationId: string; role: string }>({
        model: "member",
        where: [{ field: "userId", value: userId }],
      });
      if (members.length === 0) return [];
      const workspaces = await ctx.adapter.findMany<{ id: string; name: string }>({
        model: "organization",
        where: [{ field: "id", operator: "in", value: members.map((m) => m.organizationId) }],
      });
      const names = new Map(workspaces.map((w) => [w.id, w.name]));
      return members
        .filter((m) => names.has(m.organizationId) && isWorkspaceRole(m.role))
        .map((m) => ({
          id: m.organizationId,
          name: names.get(m.organizationId) ?? "",
          role: m.role as WorkspaceRole,
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },

    /** The people of a workspace with their role in it (whose live access a change concerns). */
    async membersOf(workspaceId: string): Promise<{ userId: string; role: WorkspaceRole }[]> {
      const ctx = await auth.$context;
      const members = await ctx.adapter.findMany<{ userId: string; role: string }>({
        model: "member",
        where: [{ field: "organizationId", value: workspaceId }],
      });
      return members.flatMap((m) =>
        isWorkspaceRole(m.role) ? [{ userId: m.userId, role: m.role }] : [],
      );
    },

    /**
     * For `journeymap admin create-user`: no session needed; the first account is admin
     * anyway. The address counts as verified (docs/SECURITY.md, "Invitations").
     */
    async createUser(input: NewUser): Promise<AccountUser> {
      // better-auth's admin route does not check the length of the password it is given.
      await refuseBadPassword(auth, input.password);
      const { user } = await auth.api.createUser({
        body: {
          email: input.email,
          name: input.name,
          password: input.password,
          role: input.admin === true ? INSTANCE_ROLE.admin : INSTANCE_ROLE.member,
          // The admin vouches for the address: it may accept invitations sent to it.
          data: { emailVerified: true },
        },
      });
      return accountUserOf(user);
    },

    /** An admin's reset: the new password replaces the old and every session is closed. */
    async setPassword(userId: string, password: string): Promise<void> {
      await refuseBadPassword(auth, password);
      const ctx = await auth.$context;
      if ((await ctx.internalAdapter.findUserById(userId)) === null)
        throw new APIError("NOT_FOUND", { code: "USER_NOT_FOUND", message: "no such user" });
      const hash = await ctx.password.hash(password);
      if ((await ctx.internalAdapter.findCredentialAccount(userId)) === null)
        await ctx.internalAdapter.createAccount({
          userId,
          providerId: "credential",
          accountId: userId,
          password: hash,
        });
      else await ctx.internalAdapter.updatePassword(userId, hash);
      await ctx.internalAdapter.deleteUserSessions(userId);
    },

    async listSessions(userId: string): Promise<SessionInfo[]> {
      const ctx = await auth.$context;
      const sessions = await ctx.internalAdapter.listSessions(userId);
      return sessions.map((s) => ({
        id: s.id,
        createdAt: new Date(s.createdAt),
        expiresAt: new Date(s.expiresAt),
        ipAddress: s.ipAddress ?? null,
        userAgent: s.userAgent ?? null,
      }));
    },

    /** Closes one of a person's sessions; false when they have none with that id. */
    async revokeSession(userId: string, sessionId: string): Promise<boolean> {
      const ctx = await auth.$context;
      const session = (await ctx.internalAdapter.listSessions(userId)).find(
        (s) => s.id === sessionId,
      );
      if (session === undefined) return false;
      await ctx.internalAdapter.deleteSession(session.token);
      return true;
    },

    /** "Sign out everywhere". */
    async revokeAllSessions(userId: string): Promise<void> {
      const ctx = await auth.$context;
      await ctx.internalAdapter.deleteUserSessions(userId);
    },
  };
}
