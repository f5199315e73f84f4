/**
 * `journeymap admin`: people and workspaces on an instance, from the shell of the machine
 * that holds its store (no server or session needed: whoever can read the data folder or the
 * database URL administers the instance anyway). Workspace commands: adminWorkspaces.ts.
 *
 *   journeymap admin create-user --data-dir DIR --email E --name N [--admin]
 *   journeymap admin reset-password --data-dir DIR --email E
 *   journeymap admin list-users --data-dir DIR
 *   journeymap admin workspaces|members|set-role|remove-member|invite|guest-links …
 *
 * `--database-url URL` instead of `--data-dir` for a PostgreSQL store. A new password is read
 * from standard input when something is piped in (its first line), else generated and printed
 * once. A reset closes every session of the person.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import {
  type Accounts,
  type AccountsConfig,
  type AccountUser,
  createAccounts,
} from "@journeymap/accounts";
import { type AdminIo, type AdminOptions, AdminUsageError, needed } from "./adminOptions.ts";
import { isWorkspaceCommand, runWorkspaceCommand, WORKSPACE_COMMANDS } from "./adminWorkspaces.ts";

export { type AdminIo, type AdminOptions, AdminUsageError } from "./adminOptions.ts";

const PEOPLE_COMMANDS = ["create-user", "reset-password", "list-users"] as const;

export const ADMIN_COMMANDS = [...PEOPLE_COMMANDS, ...WORKSPACE_COMMANDS] as const;

/** Only what the commands touch: no mail (links are printed), no single sign-on. */
const CLI_ACCOUNTS: AccountsConfig = { secret: null, allowSignUp: true, mail: null, oidc: null };

/** 18 random bytes: 24 characters of base64url, far beyond guessing. */
function generatedPassword(): string {
  return randomBytes(18).toString("base64url");
}

async function openAccounts(options: AdminOptions): Promise<Accounts> {
  if (options.databaseUrl && options.dataDir)
    throw new AdminUsageError("give --data-dir or --database-url, not both");
  if (!options.databaseUrl) {
    const dataDir = needed(options.dataDir, "--data-dir (or --database-url)");
    if (!existsSync(dataDir)) throw new AdminUsageError(`no such folder: ${dataDir}`);
  }
  return createAccounts({
    dataDir: options.dataDir ?? "",
    databaseUrl: options.databaseUrl ?? null,
    publicUrl: null,
    config: CLI_ACCOUNTS,
    // The CLI reports failures itself; better-auth's own lines would repeat them.
    log: () => {},
  });
}

/** The new password: the first line piped in, or a generated one (then shown). */
async function newPassword(io: AdminIo): Promise<{ password: string; generated: boolean }> {
  const piped = await io.readStdin();
  const line = piped?.split(/\r?\n/)[0] ?? "";
  return line === ""
    ? { password: generatedPassword(), generated: true }
    : { password: line, generated: false };
}

function describeUser(user: AccountUser): string {
  return `${user.email}\t${user.name}${user.admin ? "\t(admin)" : ""}`;
}

export async function runAdmin(
  command: string | undefined,
  options: AdminOptions,
  io: AdminIo,
): Promise<number> {
  if (!ADMIN_COMMANDS.includes(command as (typeof ADMIN_COMMANDS)[number]))
    throw new AdminUsageError(`admin commands: ${ADMIN_COMMANDS.join(", ")}`);
  const accounts = await openAccounts(options);
  try {
    if (isWorkspaceCommand(command)) {
      await runWorkspaceCommand(command, accounts, options, io);
      return 0;
    }
    if (command === "list-users") {
      for (const user of await accounts.listUsers()) io.out(`${describeUser(user)}\n`);
      return 0;
    }
    const email = needed(options.email, "--email");
    if (command === "create-user") {
      const name = needed(options.name, "--name");
      const { password, generated } = await newPassword(io);
      const user = await accounts.createUser({ email, name, password, admin: options.admin });
      io.out(`created ${describeUser(user)}\n`);
      if (generated) io.out(`password: ${password}\n(shown once: pass it on safely)\n`);
      return 0;
    }
    const user = await accounts.findUserByEmail(email);
    if (user === null) throw new Error(`no account with the email ${email}`);
    const { password, generated } = await newPassword(io);
    await accounts.setPassword(user.id, password);
    io.out(`reset the password of ${user.email}; their sessions are closed\n`);
    if (generated) io.out(`password: ${password}\n(shown once: pass it on safely)\n`);
    return 0;
  } finally {
    await accounts.close();
  }
}
