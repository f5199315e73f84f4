/**
 * Accounts: people, their sessions, instance admins and workspaces, on better-auth over the
 * store's own database. `createAccounts` opens its connection, creates or updates its tables,
 * and returns what the server mounts (`handler` at /api/auth/*) and calls on every request
 * (`sessionOf`), plus what the CLI needs. Server-side only: no React, no HTTP framework.
 */
import type { AccountsConfig } from "./accountsConfig.ts";
import { type accountsApi as AccountsApiOf, accountsApi } from "./accountsApi.ts";
import { type DatabaseLocation, openAccountsDatabase } from "./accountsDatabase.ts";
import { type AuthLog, CLIENT_ADDRESS_HEADER } from "./betterAuthOptions.ts";
import { createAuth, type JourneymapAuth, migrateAuthTables } from "./createAuth.ts";
import { createMailer } from "./mailer.ts";
import type { OnMembershipChanged } from "./membershipEvents.ts";
import { isSameOrigin } from "./sameOrigin.ts";
import { workspaceAdmin } from "./workspaceAdmin.ts";

export interface CreateAccountsOptions extends DatabaseLocation {
  /** The server's public URL (no trailing slash); null: each request's own origin. */
  readonly publicUrl: string | null;
  readonly config: AccountsConfig;
  /** Where better-auth's and our warnings go; default: warnings and errors to stderr. */
  readonly log?: AuthLog;
  /** Told whose workspace membership changed (removed, role changed, workspace deleted). */
  readonly onMembershipChanged?: OnMembershipChanged;
}

export interface RequestClient {
  /** The client's address as the server determined it (TRUST_PROXY applied); null: unknown. */
  readonly address: string | null;
}

export interface Accounts
  extends ReturnType<typeof AccountsApiOf>,
    ReturnType<typeof workspaceAdmin> {
  /** better-auth itself, for what this interface does not wrap yet (workspaces: stage 2). */
  readonly auth: JourneymapAuth;
  /** Whether single sign-on is configured (the sign-in page offers it). */
  readonly singleSignOn: boolean;
  /** Answers /api/auth/* requests. */
  handler(request: Request, client?: RequestClient): Promise<Response>;
  /** Whether a cookie-authenticated request may change state (sameOrigin.ts). */
  isSameOrigin(request: Request): boolean;
  close(): Promise<void>;
}

function stderrLog(level: string, message: string): void {
  if (level === "warn" || level === "error") console.error(`[accounts] ${level}: ${message}`);
}

/** Without PUBLIC_URL, better-auth warns at every start about what we rely on (sameOrigin.ts). */
function withoutBaseUrlWarning(log: AuthLog): AuthLog {
  return (level, message) => {
    if (!message.includes("Base URL is not set")) log(level, message);
  };
}

/** The request with the client address the server vouches for, and none the client sent. */
function withClientAddress(request: Request, client: RequestClient | undefined): Request {
  const headers = new Headers(request.headers);
  headers.delete(CLIENT_ADDRESS_HEADER);
  if (client?.address) headers.set(CLIENT_ADDRESS_HEADER, client.address);
  return new Request(request, { headers });
}

export async function createAccounts(options: CreateAccountsOptions): Promise<Accounts> {
  const log = withoutBaseUrlWarning(options.log ?? stderrLog);
  const database = openAccountsDatabase(options, (error) =>
    log("warn", `an idle database connection failed: ${error.message}`),
  );
  const mailer =
    options.config.mail === null
      ? null
      : createMailer(options.config.mail, (error) =>
          log("error", `sending mail: ${String(error)}`),
        );
  const announce: OnMembershipChanged = (userIds) => {
    try {
      options.onMembershipChanged?.(userIds);
    } catch (error) {
      log("error", `announcing a membership change: ${String(error)}`);
    }
  };
  try {
    const auth = await database.exclusively(async () => {
      const secret = options.config.secret ?? (await database.storedSecret());
      const created = createAuth({
        database: database.forBetterAuth,
        secret,
        publicUrl: options.publicUrl,
        config: options.config,
        mailer,
        log,
        onMembershipChanged: announce,
      });
      await migrateAuthTables(created);
      return created;
    });
    return {
      ...accountsApi(auth),
      ...workspaceAdmin(auth, announce),
      auth,
      singleSignOn: options.config.oidc !== null,
      handler: (request, client) => auth.handler(withClientAddress(request, client)),
      isSameOrigin: (request) => isSameOrigin(request, options.publicUrl),
      async close() {
        await mailer?.close();
        await database.close();
      },
    };
  } catch (error) {
    await mailer?.close();
    await database.close();
    throw error;
  }
}
