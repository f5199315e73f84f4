/** What every `journeymap admin` command is given, and how it refuses its command line. */

export interface AdminOptions {
  readonly dataDir: string | undefined;
  readonly databaseUrl: string | undefined;
  readonly email: string | undefined;
  readonly name: string | undefined;
  readonly admin: boolean;
  /** A workspace's id, slug or name. */
  readonly workspace: string | undefined;
  readonly role: string | undefined;
  /** The server's public URL: invitation links start with it. */
  readonly server: string | undefined;
  /** Positionals after the command (`guest-links on`). */
  readonly args: readonly string[];
}

export interface AdminIo {
  readonly out: (text: string) => void;
  /** What was piped into standard input, or null when nothing was (a terminal). */
  readonly readStdin: () => Promise<string | null>;
}

/** A refusal of the command line itself (exit code 2, with the usage). */
export class AdminUsageError extends Error {}

export function needed(value: string | undefined, flag: string): string {
  if (!value?.trim()) throw new AdminUsageError(`${flag} is required`);
  return value.trim();
}
