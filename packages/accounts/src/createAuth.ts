/** The better-auth instance with our options, and its tables created or updated at start. */
import { betterAuth } from "better-auth";
import { getMigrations } from "better-auth/db/migration";
import { type AuthOptionsInput, betterAuthOptions } from "./betterAuthOptions.ts";

export function createAuth(input: AuthOptionsInput) {
  return betterAuth(betterAuthOptions(input));
}

export type JourneymapAuth = ReturnType<typeof createAuth>;

/**
 * better-auth compares its schema (ours plus the plugins') with the database and creates the
 * missing tables, columns and indexes; it never drops anything. The caller holds the
 * database's migration lock.
 */
export async function migrateAuthTables(auth: JourneymapAuth): Promise<void> {
  const { runMigrations } = await getMigrations(auth.options);
  await runMigrations();
}
