/**
 * Accounts on a real store database for tests: a SQLite file in a temporary data folder, or a
 * fresh PostgreSQL database (`@journeymap/storage/testing`). `eachBackend` runs a suite on
 * both; PostgreSQL is skipped with a message when unreachable (fails under CI=true).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase, postgresAvailable } from "@journeymap/storage/testing";
import { describe } from "vitest";
import {
  type Accounts,
  type AccountsConfig,
  createAccounts,
  type CreateAccountsOptions,
} from "../../src/index.ts";

export type Backend = "sqlite" | "postgres";

export const APP_URL = "http://journeymap.test";

export const QUIET_CONFIG: AccountsConfig = {
  secret: "test-secret-test-secret-test-secret-0123456789",
  allowSignUp: true,
  mail: null,
  oidc: null,
};

export interface TestAccounts {
  readonly accounts: Accounts;
  readonly backend: Backend;
  /** Where the store lives: the SQLite data folder, or the PostgreSQL URL. */
  readonly location: Pick<CreateAccountsOptions, "dataDir" | "databaseUrl">;
  /** Opens a second Accounts on the same database (another instance, or a restart). */
  reopen(overrides?: Partial<CreateAccountsOptions>): Promise<Accounts>;
  dispose(): Promise<void>;
}

export interface TestAccountsOptions {
  readonly publicUrl?: string | null;
  readonly config?: Partial<AccountsConfig>;
}

/** Warnings from better-auth that every test would print; errors still show. */
function testLog(level: string, message: string): void {
  if (level === "error") console.error(`[accounts] ${message}`);
}

export async function openTestAccounts(
  backend: Backend,
  options: TestAccountsOptions = {},
): Promise<TestAccounts> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "journeymap-accounts-"));
  const database = backend === "postgres" ? await createTestDatabase() : null;
  const location = { dataDir, databaseUrl: database?.url ?? null };
  const base: CreateAccountsOptions = {
    ...location,
    publicUrl: options.publicUrl === undefined ? APP_URL : options.publicUrl,
    config: { ...QUIET_CONFIG, ...options.config },
    log: testLog,
  };
  const opened: Accounts[] = [];
  const open = async (overrides: Partial<CreateAccountsOptions> = {}) => {
    const accounts = await createAccounts({ ...base, ...overrides });
    opened.push(accounts);
    return accounts;
  };
  const accounts = await open();
  return {
    accounts,
    backend,
    location,
    reopen: open,
    async dispose() {
      for (const a of opened) await a.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const postgresReady = await postgresAvailable();

/** Runs a suite on SQLite and on PostgreSQL. */
export function eachBackend(name: string, suite: (backend: Backend) => void): void {
  describe(`${name} (SQLite)`, () => suite("sqlite"));
  describe.skipIf(!postgresReady)(`${name} (PostgreSQL)`, () => suite("postgres"));
}
